package dev.floe.core.internal.load;

import dev.floe.core.diag.Code;
import dev.floe.core.diag.Disclosure;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemList;
import dev.floe.core.diag.SourcePosition;
import dev.floe.core.diag.SourceTexts;
import dev.floe.core.internal.schema.Interpolation;
import dev.floe.core.internal.schema.Tier;
import dev.floe.core.internal.yaml.YamlNode;
import dev.floe.core.internal.yaml.YamlPaths;
import dev.floe.core.internal.yaml.YamlScalar;
import dev.floe.core.scan.CredentialDetector;
import dev.floe.core.scan.CredentialRule;
import dev.floe.core.scan.Hit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The credential check of both configuration files, in one place: every string value and every
 * mapping key is run through the {@link CredentialDetector} (the rules of {@code floe scan}), and a
 * hit is a {@code FLOE-X040} error at the value or key naming the kind of credential, never the
 * text. In platform.yaml the value each {@code ${VAR}} expands to is checked too: a credential
 * there is a {@code FLOE-V004} error naming the variable, never its value. A value that already has
 * a secret problem (a credential key, a URL with user-info) is not reported twice, and a line with
 * {@code # floe:allow-secret} is accepted. Stateless and thread-safe.
 */
final class ConfigCredentials {
  private ConfigCredentials() {}

  /**
   * Adds a problem for every credential in a loaded document.
   *
   * @param tier which file the document is
   * @param root the loaded document
   * @param sources the loaded texts, for the {@code # floe:allow-secret} comments
   * @param env the variables {@code ${VAR}} expands from (platform.yaml only)
   * @param problems where the problems go; read to skip values already reported
   */
  static void check(
      Tier tier,
      YamlNode root,
      SourceTexts sources,
      Map<String, String> env,
      ProblemList problems) {
    Set<String> reported = new HashSet<>();
    for (Problem p : problems.sorted()) {
      if (p.disclosure() == Disclosure.SECRET && p.position().isPresent()) {
        reported.add(place(p.position().get()));
      }
    }
    for (YamlPaths.PathedScalar key : YamlPaths.keys(root)) {
      List<Hit> hits = CredentialDetector.scanValue(null, key.scalar().value());
      SourcePosition at = key.scalar().position();
      if (hits.isEmpty() || allowed(sources, at) || !reported.add(place(at))) {
        continue;
      }
      String where = key.path().isEmpty() ? "the document" : "'" + key.path() + "'";
      problems.add(
          Problem.error(
                  Code.X040,
                  "A key in "
                      + where
                      + " looks like "
                      + hits.get(0).rule().withArticle()
                      + "; keys are names and never hold credentials")
              .at(at)
              .path(key.path())
              .hint(
                  "rename the key; rotate the credential if it was ever committed; if it is not"
                      + " a credential, add '# "
                      + CredentialDetector.ALLOW_MARKER
                      + "' at the end of the line")
              .secret()
              .build());
    }
    for (YamlPaths.PathedScalar value : YamlPaths.scalars(root)) {
      if (value.scalar().kind() != YamlScalar.Kind.STRING) {
        continue;
      }
      SourcePosition at = value.scalar().position();
      if (allowed(sources, at) || reported.contains(place(at))) {
        continue;
      }
      String key = value.key().orElse(null);
      List<Hit> hits = CredentialDetector.scanValue(key, value.scalar().value());
      if (!hits.isEmpty()) {
        reported.add(place(at));
        problems.add(literal(tier, value.path(), at, hits.get(0).rule()));
        continue;
      }
      if (tier != Tier.PLATFORM || !Interpolation.mentions(value.scalar().value())) {
        continue;
      }
      for (Interpolation.Reference ref : Interpolation.references(value.scalar().value())) {
        if (!ref.fromEnvironment(env)) {
          continue; // a default is written in the file and was scanned above
        }
        Optional<String> expanded = ref.value(env);
        List<Hit> found =
            expanded.isPresent() ? CredentialDetector.scanValue(key, expanded.get()) : List.of();
        if (!found.isEmpty()) {
          reported.add(place(at));
          problems.add(variable(value.path(), at, ref.name(), found.get(0).rule()));
          break;
        }
      }
    }
  }

  private static Problem literal(Tier tier, String path, SourcePosition at, CredentialRule rule) {
    String field = path.isEmpty() ? "The document" : "'" + path + "'";
    if (tier == Tier.PIPELINE) {
      return Problem.error(
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
          .build();
    }
    return Problem.error(
            Code.X040,
            field
                + " looks like "
                + rule.withArticle()
                + "; platform.yaml never holds secret values: use secret_ref")
        .at(at)
        .path(path)
        .hint(
            "provide the value at run time and name it with {secret_ref: NAME} in a field that"
                + " takes one (a credentials block, an endpoint); rotate it if it was ever"
                + " committed; if it is not a credential, add '# "
                + CredentialDetector.ALLOW_MARKER
                + "' at the end of the line")
        .secret()
        .build();
  }

  private static Problem variable(
      String path, SourcePosition at, String name, CredentialRule rule) {
    return Problem.error(
            Code.V004,
            "Variable '"
                + name
                + "' used in '"
                + path
                + "' holds "
                + rule.withArticle()
                + "; an interpolated value ends up in CompiledArtifacts: use secret_ref")
        .at(at)
        .path(path)
        .hint(
            "name the secret with {secret_ref: NAME} in a field that takes one (a credentials"
                + " block, an endpoint): floe reads it from the environment or a mounted file at"
                + " run time, and never writes it down")
        .secret()
        .build();
  }

  private static boolean allowed(SourceTexts sources, SourcePosition at) {
    Optional<String> line = sources.line(at.file(), at.line());
    return line.isPresent() && CredentialDetector.allowed(line.get());
  }

  private static String place(SourcePosition at) {
    return at.file() + ":" + at.line() + ":" + at.column();
  }
}
