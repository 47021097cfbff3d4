package dev.floe.core.internal.yaml;

import static java.util.Objects.requireNonNull;

import dev.floe.core.diag.FieldPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists every scalar of a loaded document with its field path ({@code transforms[0].target}, spelt
 * as {@link FieldPaths} spells paths) and the key it is under, in document order: what checks that
 * look at every value (the credential detector) walk. Stateless.
 */
public final class YamlPaths {
  /**
   * One scalar and where it sits.
   *
   * @param scalar the scalar, with its position
   * @param path its field path; empty for a scalar document
   * @param key the key it is under; for a list item, the key of the list; empty at the top
   */
  public record PathedScalar(YamlScalar scalar, String path, Optional<String> key) {
    public PathedScalar {
      requireNonNull(scalar, "scalar");
      requireNonNull(path, "path");
      requireNonNull(key, "key");
    }
  }

  private YamlPaths() {}

  /** Every scalar below {@code root}, keys excluded, in document order. */
  public static List<PathedScalar> scalars(YamlNode root) {
    List<PathedScalar> out = new ArrayList<>();
    walk(root, "", Optional.empty(), out);
    return out;
  }

  /**
   * Every mapping key below {@code root}, in document order: each as a scalar whose path is the
   * mapping's (the key is not part of it) and whose key is the key's own text.
   */
  public static List<PathedScalar> keys(YamlNode root) {
    List<PathedScalar> out = new ArrayList<>();
    walkKeys(root, "", out);
    return out;
  }

  private static void walkKeys(YamlNode node, String path, List<PathedScalar> out) {
    if (node instanceof YamlMapping mapping) {
      for (YamlMapping.Entry entry : mapping.entries()) {
        String name = entry.key().value();
        out.add(new PathedScalar(entry.key(), path, Optional.of(name)));
        walkKeys(entry.value(), FieldPaths.join(path, name), out);
      }
    } else if (node instanceof YamlSequence sequence) {
      for (int i = 0; i < sequence.items().size(); i++) {
        walkKeys(sequence.items().get(i), path + "[" + i + "]", out);
      }
    }
  }

  private static void walk(
      YamlNode node, String path, Optional<String> key, List<PathedScalar> out) {
    if (node instanceof YamlMapping mapping) {
      for (YamlMapping.Entry entry : mapping.entries()) {
        String name = entry.key().value();
        walk(entry.value(), FieldPaths.join(path, name), Optional.of(name), out);
      }
    } else if (node instanceof YamlSequence sequence) {
      for (int i = 0; i < sequence.items().size(); i++) {
        walk(sequence.items().get(i), path + "[" + i + "]", key, out);
      }
    } else if (node instanceof YamlScalar scalar) {
      out.add(new PathedScalar(scalar, path, key));
    }
  }
}
