package dev.floe.catalog.identity;

import static java.util.Objects.requireNonNull;

import dev.floe.core.secret.Secret;
import java.time.Instant;
import java.util.Optional;

/**
 * An access token to send as {@code Authorization: <tokenType> <token>}.
 *
 * <p>Its {@code toString} shows the token as {@code ****}; equality is identity for the token.
 * Immutable and thread-safe.
 *
 * @param token the token value
 * @param tokenType the authorization scheme, {@code Bearer} unless the issuer says otherwise
 * @param expiresAt when the token stops being valid, when known
 */
public record AccessToken(Secret token, String tokenType, Optional<Instant> expiresAt) {
  /** Checks that no component is null and the token type is not blank. */
  public AccessToken {
    requireNonNull(token, "token");
    requireNonNull(tokenType, "tokenType");
    requireNonNull(expiresAt, "expiresAt");
    if (tokenType.isBlank()) {
      throw new IllegalArgumentException("tokenType must not be blank");
    }
  }

  /** The value of an {@code Authorization} header, {@code <tokenType> <token>}, as a secret. */
  public Secret authorizationHeader() {
    return token.use(value -> Secret.of(tokenType + " " + value));
  }
}
