package dev.floe.catalog.identity;

import static java.util.Objects.requireNonNull;

import dev.floe.catalog.failure.ConnectionFailureException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the current access token and refreshes it before it expires, on an injectable clock.
 *
 * <ul>
 *   <li>A token is refreshed once {@code refreshFraction} of the lifetime it had when fetched has
 *       passed (a token without an expiry: after {@code unknownLifetimeRefresh}).
 *   <li>While the held token is still valid (until {@code expiry - skew}) one caller refreshes and
 *       every other caller keeps using the held token; if that refresh fails, the held token is
 *       still returned and the next call tries again.
 *   <li>Once it is no longer valid (or before the first fetch) callers wait for one refresh; its
 *       failure is thrown, and the next call tries again.
 * </ul>
 *
 * <p>Thread-safe.
 */
final class TokenCache {
  private static final Logger LOG = LoggerFactory.getLogger(TokenCache.class);

  private record Held(AccessToken token, Instant refreshAt, Instant validUntil) {}

  private final Supplier<AccessToken> fetch;
  private final Clock clock;
  private final double refreshFraction;
  private final Duration skew;
  private final Duration unknownLifetimeRefresh;
  private final String description;
  private final ReentrantLock refreshing = new ReentrantLock();
  private volatile Held held;

  TokenCache(
      Supplier<AccessToken> fetch,
      Clock clock,
      double refreshFraction,
      Duration skew,
      Duration unknownLifetimeRefresh,
      String description) {
    this.fetch = requireNonNull(fetch, "fetch");
    this.clock = requireNonNull(clock, "clock");
    if (!(refreshFraction > 0 && refreshFraction < 1)) {
      throw new IllegalArgumentException("refreshFraction must be between 0 and 1");
    }
    this.refreshFraction = refreshFraction;
    this.skew = requireNonNull(skew, "skew");
    this.unknownLifetimeRefresh = requireNonNull(unknownLifetimeRefresh, "unknownLifetimeRefresh");
    this.description = requireNonNull(description, "description");
  }

  /** A valid token, refreshed when due. */
  AccessToken get() {
    Held current = held;
    Instant now = clock.instant();
    if (current != null && now.isBefore(current.refreshAt())) {
      return current.token();
    }
    if (current != null && now.isBefore(current.validUntil())) {
      refreshInBackground(current);
      return held.token();
    }
    return refreshBlocking(current);
  }

  // Identity on purpose: refresh only if no other thread has replaced the token we saw.
  @SuppressWarnings("ReferenceEquality")
  private void refreshInBackground(Held current) {
    if (!refreshing.tryLock()) {
      return;
    }
    try {
      if (held == current) {
        held = fetchHeld();
      }
    } catch (ConnectionFailureException e) {
      LOG.warn(
          "refreshing the {} failed; the current token stays valid until {}: {}",
          description,
          current.validUntil(),
          e.getMessage());
    } finally {
      refreshing.unlock();
    }
  }

  // Identity on purpose: a token other than the one we saw was fetched by another thread.
  @SuppressWarnings("ReferenceEquality")
  private AccessToken refreshBlocking(Held seen) {
    refreshing.lock();
    try {
      Held current = held;
      if (current != null && current != seen && clock.instant().isBefore(current.validUntil())) {
        return current.token();
      }
      Held fresh = fetchHeld();
      held = fresh;
      return fresh.token();
    } finally {
      refreshing.unlock();
    }
  }

  private Held fetchHeld() {
    AccessToken token = fetch.get();
    Instant fetched = clock.instant();
    if (token.expiresAt().isEmpty()) {
      return new Held(token, fetched.plus(unknownLifetimeRefresh), Instant.MAX);
    }
    Instant expiresAt = token.expiresAt().get();
    Duration lifetime = Duration.between(fetched, expiresAt);
    if (lifetime.isNegative()) {
      lifetime = Duration.ZERO;
    }
    Duration untilRefresh = Duration.ofMillis((long) (lifetime.toMillis() * refreshFraction));
    return new Held(token, fetched.plus(untilRefresh), expiresAt.minus(skew));
  }
}
