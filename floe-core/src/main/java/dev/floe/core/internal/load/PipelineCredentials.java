package dev.floe.core.internal.load;

import dev.floe.core.diag.Code;
import dev.floe.core.diag.Disclosure;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemList;
import dev.floe.core.diag.SourcePosition;
import dev.floe.core.diag.SourceTexts;
import dev.floe.core.internal.yaml.YamlNode;
import dev.floe.core.internal.yaml.YamlPaths;
import dev.floe.core.internal.yaml.YamlScalar;
import dev.floe.core.scan.CredentialDetector;
import dev.floe.core.scan.CredentialRule;
import dev.floe.core.scan.Hit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The credential check of floe.yaml: every string value is run through the {@link
 * CredentialDetector}, and a hit is a {@code FLOE-X040} error at the value naming the kind of
 * credential, never the value. Stateless and thread-safe.
 */
final class PipelineCredentials {
  private PipelineCredentials() {}

  /**
   * Adds a problem for every credential-like value of a loaded floe.yaml. A value that already has
   * a secret problem (a credential key, a URL with user-info) is not reported twice, and a line
   * with {@code # floe:allow-secret} is accepted.
   *
   * @param root the loaded document
   * @param sources the loaded texts, for the {@code # floe:allow-secret} comments
   * @param problems where the problems go; read to skip values already reported
   */
  static void check(YamlNode root, SourceTexts sources, ProblemList problems) {
    Set<String> reported = new HashSet<>();
    for (Problem p : problems.sorted()) {
      if (p.disclosure() == Disclosure.SECRET && p.position().isPresent()) {
        reported.add(place(p.position().get()));
      }
    }
    for (YamlPaths.PathedScalar value : YamlPaths.scalars(root)) {
      if (value.scalar().kind() != YamlScalar.Kind.STRING) {
        continue;
      }
      List<Hit> hits =
          CredentialDetector.scanValue(value.key().orElse(null), value.scalar().value());
      if (hits.isEmpty()) {
        continue;
      }
      SourcePosition at = value.scalar().position();
      boolean allowed =
          sources.line(at.file(), at.line()).map(CredentialDetector::allowed).orElse(false);
      if (allowed || reported.contains(place(at))) {
        continue;
      }
      CredentialRule rule = hits.get(0).rule();
      String path = value.path();
      String field = path.isEmpty() ? "The document" : "'" + path + "'";
      problems.add(
          Problem.error(
                  Code.X040,
                  field
                      + " looks like "
                      + rule.withArticle()
                      + "; floe.yaml never holds credentials: move it to platform.yaml as a"
                      + " secret_ref")
              .at(at)
              .path(path)
              .hint(
                  "provide the value at run time and refer to it from platform.yaml with"
                      + " {secret_ref: NAME}; rotate it if it was ever committed; if it is not a"
                      + " credential, add '# "
                      + CredentialDetector.ALLOW_MARKER
                      + "' at the end of the line")
              .secret()
              .build());
    }
  }

  private static String place(SourcePosition at) {
    return at.file() + ":" + at.line() + ":" + at.column();
  }
}
