package dev.floe.core.scan;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;

/**
 * Where in a text the detector found a credential: never the credential itself.
 *
 * @param rule the rule that matched
 * @param line 1-based line in the scanned text
 * @param start 0-based index in that line where the credential starts
 * @param end 0-based index after its end
 * @param key the key it was found under, or empty when it was not under a key
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record Hit(CredentialRule rule, int line, int start, int end, String key) {
  public Hit {
    requireNonNull(rule, "rule");
    requireNonNull(key, "key");
    if (line < 1 || start < 0 || end < start) {
      throw new IllegalArgumentException("bad hit range");
    }
  }

  /** True when this hit and {@code other} share a character on the same line. */
  boolean overlaps(Hit other) {
    return line == other.line && start < other.end && other.start < end;
  }
}
