package dev.floe.core.scan;

import dev.floe.core.diag.FieldPaths;
import dev.floe.core.internal.credential.CredentialKeys;
import dev.floe.core.yaml.YamlMapping;
import dev.floe.core.yaml.YamlNode;
import dev.floe.core.yaml.YamlScalar;
import dev.floe.core.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a loaded YAML tree and runs the detector on every string scalar with the key it is under,
 * so that a hit is reported at the scalar's exact position with its field path. Stateless.
 */
final class TreeScan {
  /** Whether literal values under credential fields are hits on their own, as in floe files. */
  enum Mode {
    /** Only the detector's rules. */
    DETECTOR,
    /** The detector's rules, and any literal under a credential field (the schema's rule). */
    SCHEMA
  }

  /** A hit on one scalar: the scalar (its position), its field path and the rule. */
  record ValueHit(YamlScalar scalar, String path, CredentialRule rule) {}

  private TreeScan() {}

  /** Every hit in the tree, in document order. */
  static List<ValueHit> walk(YamlNode root, Mode mode) {
    List<ValueHit> hits = new ArrayList<>();
    walk(root, "", null, mode, hits);
    return hits;
  }

  private static void walk(YamlNode node, String path, String key, Mode mode, List<ValueHit> out) {
    if (node instanceof YamlMapping mapping) {
      for (YamlMapping.Entry entry : mapping.entries()) {
        String name = entry.key().value();
        walk(entry.value(), join(path, name), name, mode, out);
      }
    } else if (node instanceof YamlSequence sequence) {
      for (int i = 0; i < sequence.items().size(); i++) {
        walk(sequence.items().get(i), path + "[" + i + "]", key, mode, out);
      }
    } else if (node instanceof YamlScalar scalar) {
      check(scalar, path, key, mode, out);
    }
  }

  private static void check(
      YamlScalar scalar, String path, String key, Mode mode, List<ValueHit> out) {
    String value = scalar.value();
    if (scalar.kind() == YamlScalar.Kind.STRING) {
      List<Hit> hits = CredentialDetector.scanValue(key, value);
      if (!hits.isEmpty()) {
        out.add(new ValueHit(scalar, path, hits.get(0).rule()));
        return;
      }
    }
    if (mode == Mode.SCHEMA
        && key != null
        && scalar.kind() != YamlScalar.Kind.NULL
        && CredentialKeys.isCredential(key)
        && !value.isBlank()
        && !Allowlist.reference(value)
        && !Allowlist.example(value)) {
      out.add(new ValueHit(scalar, path, CredentialRule.PLAINTEXT_SECRET_FIELD));
    }
  }

  static String join(String path, String key) {
    return FieldPaths.join(path, key);
  }
}
