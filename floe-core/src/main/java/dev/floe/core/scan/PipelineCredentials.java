package dev.floe.core.scan;

import dev.floe.core.diag.Code;
import dev.floe.core.diag.Disclosure;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemList;
import dev.floe.core.diag.SourcePosition;
import dev.floe.core.diag.SourceTexts;
import dev.floe.core.yaml.YamlNode;
import java.util.HashSet;
import java.util.Set;

/**
 * The credential check of floe.yaml: every string value is run through the {@link
 * CredentialDetector}, and a hit is a {@code FLOE-X040} error at the value naming the kind of
 * credential, never the value. Stateless and thread-safe.
 */
public final class PipelineCredentials {
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
  public static void check(YamlNode root, SourceTexts sources, ProblemList problems) {
    Set<String> reported = new HashSet<>();
    for (Problem p : problems.sorted()) {
      if (p.disclosure() == Disclosure.SECRET && p.position().isPresent()) {
        reported.add(place(p.position().get()));
      }
    }
    for (TreeScan.ValueHit hit : TreeScan.walk(root, TreeScan.Mode.DETECTOR)) {
      SourcePosition at = hit.scalar().position();
      boolean allowed =
          sources.line(at.file(), at.line()).map(CredentialDetector::allowed).orElse(false);
      if (allowed || reported.contains(place(at))) {
        continue;
      }
      String field = hit.path().isEmpty() ? "The document" : "'" + hit.path() + "'";
      problems.add(
          Problem.error(
                  Code.X040,
                  field
                      + " looks like "
                      + hit.rule().withArticle()
                      + "; floe.yaml never holds credentials: move it to platform.yaml as a"
                      + " secret_ref")
              .at(at)
              .path(hit.path())
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
