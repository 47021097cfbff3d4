package dev.floe.core.scan;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import dev.floe.core.diag.Code;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.SourcePosition;
import dev.floe.core.internal.digest.Hashes;
import java.nio.file.Path;

/**
 * One credential found by {@link RepositoryScanner}: which rule, and exactly where. A finding never
 * holds the credential: only its position, its length, the key it was under and a SHA-256 of its
 * line, from which baselines derive their fingerprints.
 *
 * @param rule the rule that matched
 * @param path the file, absolute
 * @param file the file as displayed (relative to the working folder when below it)
 * @param line 1-based line
 * @param column 1-based column (UTF-16 code units, like every floe column)
 * @param length length of the credential on the line, at least 1
 * @param key the key or field path it was under; empty when not under a key
 * @param lineHash {@code sha256:<hex>} of the line's text, trimmed and with whitespace runs
 *     collapsed to one space
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record Finding(
    CredentialRule rule,
    Path path,
    String file,
    int line,
    int column,
    int length,
    String key,
    String lineHash) {
  public Finding {
    requireNonNull(rule, "rule");
    requireNonNull(path, "path");
    requireNonNull(file, "file");
    requireNonNull(key, "key");
    requireNonNull(lineHash, "lineHash");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based");
    }
    length = Math.max(1, length);
  }

  /** The hash of a line as findings record it: see {@link #lineHash()}. */
  public static String hashLine(String line) {
    return Hashes.sha256(line.strip().replaceAll("\\s+", " "));
  }

  /** Where the finding is, for diagnostics. */
  public SourcePosition position() {
    return new SourcePosition(file, line, column, length);
  }

  /**
   * What the finding is, in the one wording of {@code FLOE-X040} (the same as the floe.yaml
   * check's): {@code 'password' looks like a high-entropy value under a secret-like key (rule
   * secret-assignment)}, or {@code A value looks like …} when it is not under a key. Names the key
   * and the kind of credential, never the value.
   */
  public String message() {
    String what = rule.withArticle() + " (rule " + rule.id() + ")";
    return (key.isEmpty() ? "A value" : "'" + key + "'") + " looks like " + what;
  }

  /**
   * The finding as a {@code FLOE-X040} error whose snippet renderers mask ({@link
   * Problem.Builder#secret()}); the message names the kind of credential, never the value.
   */
  public Problem problem() {
    return Problem.error(Code.X040, message())
        .at(position())
        .path(key)
        .hint(
            "move it to a secret store or the environment, and rotate it if it was ever"
                + " committed; a reviewed false positive takes '# "
                + CredentialDetector.ALLOW_MARKER
                + "' on its line or an entry in a baseline (floe scan --write-baseline FILE)")
        .secret()
        .build();
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column + " " + rule.id();
  }
}
