package dev.floe.core.secret;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import java.util.Locale;
import java.util.Optional;

/**
 * A place a secret value was looked for: an environment variable, a file or a provider. Names the
 * place, never the value, so it may be printed.
 *
 * @param kind the kind of place
 * @param where the variable name, the file path, or the provider's name and its own location
 * @param key the key of a multi-key secret looked up there; empty for a single value
 * @param note why the place did not count although it exists ({@code empty}, {@code not readable},
 *     {@code a folder}, {@code failed: IllegalStateException}); empty otherwise
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record SecretLocation(Kind kind, String where, Optional<String> key, Optional<String> note) {
  /** Kinds of places, in resolution order. */
  public enum Kind {
    /** An environment variable. */
    ENV,
    /** A mounted file under the secrets root. */
    FILE,
    /** A {@link SecretProvider}. */
    PROVIDER;

    /** {@code env}, {@code file} or {@code provider}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public SecretLocation {
    requireNonNull(kind, "kind");
    requireNonNull(where, "where");
    requireNonNull(key, "key");
    requireNonNull(note, "note");
  }

  /** The place as shown in messages: {@code env POLARIS_CLIENT_SECRET}, {@code file /var/…}. */
  public String display() {
    return kind.label() + " " + where + note.map(n -> " (" + n + ")").orElse("");
  }

  @Override
  public String toString() {
    return display();
  }
}
