package dev.floe.catalog.oauth2;

import static java.util.Objects.requireNonNull;

import dev.floe.core.secret.Secret;
import java.time.Instant;
import java.util.Optional;

/**
 * A token with its schedule. The value is a {@link Secret}, so that the record's {@code toString}
 * shows {@code ****}.
 *
 * @param value the access token
 * @param obtainedAt when the request that obtained it was sent
 * @param expiresAt when it expires, if the answer said
 * @param refreshAt from when a refresh is started in the background
 * @param usableUntil until when it is handed out ({@link Instant#MAX} without expiry)
 */
record CachedToken(
    Secret value,
    Instant obtainedAt,
    Optional<Instant> expiresAt,
    Instant refreshAt,
    Instant usableUntil) {

  CachedToken {
    requireNonNull(value, "value");
    requireNonNull(obtainedAt, "obtainedAt");
    requireNonNull(expiresAt, "expiresAt");
    requireNonNull(refreshAt, "refreshAt");
    requireNonNull(usableUntil, "usableUntil");
  }

  boolean usableAt(Instant now) {
    return now.isBefore(usableUntil);
  }

  boolean dueAt(Instant now) {
    return !now.isBefore(refreshAt);
  }
}
