package dev.floe.catalog.failure;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A resolved multi-key secret lacks a key that its credential mode needs. The message names the
 * secret and the missing keys, never a value.
 *
 * <p>Immutable and thread-safe.
 */
public final class MissingSecretKeyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The secret name. */
  private final String secretName;

  /** The missing keys, in the order the mode lists them. */
  private final List<String> missingKeys;

  /**
   * The secret {@code secretName} lacks {@code missingKeys}.
   *
   * @param secretName the secret's name; not null
   * @param missingKeys the keys that are absent, at least one; not null
   * @param message the whole message, naming the secret and the keys, without any value; not null
   */
  public MissingSecretKeyException(String secretName, List<String> missingKeys, String message) {
    super(requireNonNull(message, "message"));
    this.secretName = requireNonNull(secretName, "secretName");
    this.missingKeys = List.copyOf(missingKeys);
    if (this.missingKeys.isEmpty()) {
      throw new IllegalArgumentException("missingKeys must name at least one key");
    }
  }

  /** The name of the secret that lacks keys. */
  public String secretName() {
    return secretName;
  }

  /** The keys that are absent, in the order the credential mode lists them; never empty. */
  public List<String> missingKeys() {
    return missingKeys;
  }
}
