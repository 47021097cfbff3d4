package dev.floe.catalog.oauth2;

import static java.util.Objects.requireNonNull;

import dev.floe.core.secret.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a cached token is refreshed and until when it is handed out.
 *
 * <p>For a token whose answer had {@code expires_in} = L, obtained at t0 (the moment its request
 * was sent, so that network time counts against the lifetime):
 *
 * <ul>
 *   <li>the refresh starts at {@code t0 + min(fraction × L, L − min(margin, L/2))}: by default at
 *       80&nbsp;% of the lifetime, and at least 30&nbsp;s before expiry, but never in the first
 *       half of a short lifetime;
 *   <li>the token is handed out until {@code t0 + L − min(expirySkew, L/2)}, to allow for clock
 *       skew, request transit and servers that round {@code exp} down to whole seconds; after that,
 *       callers wait for the new token.
 * </ul>
 *
 * <p>A token without {@code expires_in} is refreshed every {@link #withoutExpiry()} and otherwise
 * used until it is {@linkplain OAuth2TokenManager#invalidate invalidated} (after a 401).
 *
 * <p>Immutable and thread-safe.
 *
 * @param fraction the part of the lifetime after which the refresh starts, in (0, 1]
 * @param margin the refresh starts at the latest this long before expiry; not negative
 * @param expirySkew a token is no longer handed out this long before its expiry; not negative
 * @param withoutExpiry how often a token without {@code expires_in} is refreshed; positive
 */
public record RefreshPolicy(
    double fraction, Duration margin, Duration expirySkew, Duration withoutExpiry) {

  /** 0.8 of the lifetime, a 30 s margin, a 10 s expiry skew, every 5 minutes without expiry. */
  public static final RefreshPolicy DEFAULT =
      new RefreshPolicy(0.8, Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMinutes(5));

  /** Checks every value; see the class description for the ranges. */
  public RefreshPolicy {
    if (!(fraction > 0.0 && fraction <= 1.0)) {
      throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
    }
    requireNonNull(margin, "margin");
    requireNonNull(expirySkew, "expirySkew");
    requireNonNull(withoutExpiry, "withoutExpiry");
    if (margin.isNegative()) {
      throw new IllegalArgumentException("margin must not be negative, got " + margin);
    }
    if (expirySkew.isNegative()) {
      throw new IllegalArgumentException("expirySkew must not be negative, got " + expirySkew);
    }
    if (withoutExpiry.isNegative() || withoutExpiry.isZero()) {
      throw new IllegalArgumentException("withoutExpiry must be positive, got " + withoutExpiry);
    }
  }

  /** The schedule of a token obtained at {@code obtainedAt} with the given lifetime. */
  CachedToken schedule(Secret value, Instant obtainedAt, Optional<Duration> lifetime) {
    if (lifetime.isEmpty()) {
      return new CachedToken(
          value, obtainedAt, Optional.empty(), obtainedAt.plus(withoutExpiry), Instant.MAX);
    }
    Duration life = lifetime.get();
    Duration half = life.dividedBy(2);
    Duration byFraction = Duration.ofNanos((long) (life.toNanos() * fraction));
    Duration byMargin = life.minus(min(margin, half));
    Instant expiresAt = obtainedAt.plus(life);
    Instant usableUntil = expiresAt.minus(min(expirySkew, half));
    Instant refreshAt = obtainedAt.plus(min(byFraction, byMargin));
    if (refreshAt.isAfter(usableUntil)) {
      refreshAt = usableUntil;
    }
    return new CachedToken(value, obtainedAt, Optional.of(expiresAt), refreshAt, usableUntil);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
