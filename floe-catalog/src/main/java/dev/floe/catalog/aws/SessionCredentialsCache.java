package dev.floe.catalog.aws;

import static java.util.Objects.requireNonNull;

import dev.floe.catalog.failure.ConnectionFailureException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Holds the current session credentials and refreshes them before they expire, the way the AWS
 * SDK's STS providers do, but on an injectable clock.
 *
 * <ul>
 *   <li>Before {@code expiration - prefetch} the held credentials are returned as they are.
 *   <li>From then until {@code expiration - stale} one caller refreshes while every other caller
 *       keeps using the held credentials; if that refresh fails, the held credentials are still
 *       returned and the next call tries again.
 *   <li>From {@code expiration - stale} on (or before the first fetch) callers wait for one
 *       refresh; its failure is thrown to the callers, and the next call tries again.
 * </ul>
 *
 * <p>Thread-safe.
 */
final class SessionCredentialsCache {
  private static final Logger LOG = LoggerFactory.getLogger(SessionCredentialsCache.class);

  private final Supplier<AwsSessionCredentials> fetch;
  private final Clock clock;
  private final Duration prefetch;
  private final Duration stale;
  private final ReentrantLock refreshing = new ReentrantLock();
  private volatile AwsSessionCredentials current;

  /**
   * A cache over {@code fetch}, whose credentials must carry an expiration time.
   *
   * @param fetch calls STS; throws {@link ConnectionFailureException} on failure
   * @param clock the time source
   * @param prefetch how long before expiry a background-style refresh starts
   * @param stale how long before expiry the held credentials are no longer handed out
   */
  SessionCredentialsCache(
      Supplier<AwsSessionCredentials> fetch, Clock clock, Duration prefetch, Duration stale) {
    this.fetch = requireNonNull(fetch, "fetch");
    this.clock = requireNonNull(clock, "clock");
    this.prefetch = requireNonNull(prefetch, "prefetch");
    this.stale = requireNonNull(stale, "stale");
    if (stale.compareTo(prefetch) > 0) {
      throw new IllegalArgumentException("stale must not be longer than prefetch");
    }
  }

  /** Valid credentials, refreshed when due. */
  AwsSessionCredentials get() {
    AwsSessionCredentials held = current;
    Instant now = clock.instant();
    if (held != null && now.isBefore(expiration(held).minus(prefetch))) {
      return held;
    }
    if (held != null && now.isBefore(expiration(held).minus(stale))) {
      prefetch(held);
      return current;
    }
    return refreshBlocking();
  }

  // Identity on purpose: refresh only if no other thread has replaced the credentials we saw.
  @SuppressWarnings("ReferenceEquality")
  private void prefetch(AwsSessionCredentials held) {
    if (!refreshing.tryLock()) {
      return;
    }
    try {
      if (current == held) {
        current = fetch.get();
      }
    } catch (ConnectionFailureException e) {
      LOG.warn(
          "refreshing AWS session credentials failed; the current ones stay valid until {}: {}",
          expiration(held),
          e.getMessage());
    } finally {
      refreshing.unlock();
    }
  }

  private AwsSessionCredentials refreshBlocking() {
    refreshing.lock();
    try {
      AwsSessionCredentials held = current;
      if (held != null && clock.instant().isBefore(expiration(held).minus(stale))) {
        return held;
      }
      AwsSessionCredentials fresh = fetch.get();
      current = fresh;
      return fresh;
    } finally {
      refreshing.unlock();
    }
  }

  private static Instant expiration(AwsSessionCredentials credentials) {
    return credentials
        .expirationTime()
        .orElseThrow(() -> new IllegalStateException("session credentials without expiration"));
  }
}
