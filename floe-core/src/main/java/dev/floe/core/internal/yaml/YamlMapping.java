package dev.floe.core.internal.yaml;

import static java.util.Objects.requireNonNull;

import dev.floe.core.diag.SourcePosition;
import java.util.List;
import java.util.Optional;

/**
 * A mapping in source order. Keys are unique: duplicates are reported by the loader and only the
 * first occurrence is kept.
 *
 * @param entries the entries in source order
 * @param position where the mapping starts
 */
public record YamlMapping(List<Entry> entries, SourcePosition position) implements YamlNode {
  /** One key and its value. */
  public record Entry(YamlScalar key, YamlNode value) {
    public Entry {
      requireNonNull(key, "key");
      requireNonNull(value, "value");
    }
  }

  public YamlMapping {
    entries = List.copyOf(entries);
    requireNonNull(position, "position");
  }

  /** The value under {@code key}, if present. */
  public Optional<YamlNode> get(String key) {
    for (Entry entry : entries) {
      if (entry.key().value().equals(key)) {
        return Optional.of(entry.value());
      }
    }
    return Optional.empty();
  }

  @Override
  public String describe() {
    return "a mapping";
  }
}
