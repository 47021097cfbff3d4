package dev.floe.core.scan;

import dev.floe.core.internal.credential.CredentialKeys;
import dev.floe.core.internal.yaml.YamlNode;
import dev.floe.core.internal.yaml.YamlPaths;
import dev.floe.core.internal.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runs the detector on every string scalar of a floe file with the key it is under, and reports any
 * literal under a credential field as the schema would: a hit is reported at the scalar's exact
 * position with its field path. Stateless.
 */
final class TreeScan {
  /** A hit on one scalar: the scalar (its position), its field path and the rule. */
  record ValueHit(YamlScalar scalar, String path, CredentialRule rule) {}

  private TreeScan() {}

  /** Every hit in the tree, in document order. */
  static List<ValueHit> walk(YamlNode root) {
    List<ValueHit> hits = new ArrayList<>();
    for (YamlPaths.PathedScalar value : YamlPaths.scalars(root)) {
      check(value.scalar(), value.path(), value.key().orElse(null), hits);
    }
    return hits;
  }

  private static void check(
      YamlScalar scalar, String path, @Nullable String key, List<ValueHit> out) {
    String value = scalar.value();
    if (scalar.kind() == YamlScalar.Kind.STRING) {
      List<Hit> hits = CredentialDetector.scanValue(key, value);
      if (!hits.isEmpty()) {
        out.add(new ValueHit(scalar, path, hits.get(0).rule()));
        return;
      }
    }
    if (key != null
        && scalar.kind() != YamlScalar.Kind.NULL
        && CredentialKeys.isCredential(key)
        && !value.isBlank()
        && !Allowlist.reference(value)
        && !Allowlist.example(value)) {
      out.add(new ValueHit(scalar, path, CredentialRule.PLAINTEXT_SECRET_FIELD));
    }
  }
}
