package dev.floe.core.internal.yaml;

import static java.util.Objects.requireNonNull;

import dev.floe.core.diag.SourcePosition;
import java.util.List;

/**
 * A list in source order.
 *
 * @param items the items
 * @param position where the list starts
 */
public record YamlSequence(List<YamlNode> items, SourcePosition position) implements YamlNode {
  public YamlSequence {
    items = List.copyOf(items);
    requireNonNull(position, "position");
  }

  @Override
  public String describe() {
    return "a list";
  }
}
