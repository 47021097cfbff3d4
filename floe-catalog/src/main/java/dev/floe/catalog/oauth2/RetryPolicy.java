package dev.floe.catalog.oauth2;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How transient failures of the token endpoint are retried: connection errors, timeouts, HTTP 408,
 * 429 and 5xx. Each retry waits a random time between zero and {@code min(maxBackoff,
 * initialBackoff × 2^(n−1))} ("full jitter"), or exactly what a {@code Retry-After} header asks
 * for. A refresh gives up after {@link #maxAttempts()} attempts, or when the next wait would end
 * later than {@link #maxElapsed()} after the first attempt started.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxAttempts attempts per refresh, at least 1
 * @param maxElapsed the time budget of one refresh; positive
 * @param initialBackoff the cap of the first wait; positive
 * @param maxBackoff the cap of every wait, at least {@code initialBackoff}; also the pause before a
 *     failed background refresh is tried again while the old token is still usable
 */
public record RetryPolicy(
    int maxAttempts, Duration maxElapsed, Duration initialBackoff, Duration maxBackoff) {

  /** 5 attempts within 30 s, waits capped at 200 ms doubling up to 5 s. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ofSeconds(5));

  /** Checks every value; see the parameters for the ranges. */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    requirePositive(requireNonNull(maxElapsed, "maxElapsed"), "maxElapsed");
    requirePositive(requireNonNull(initialBackoff, "initialBackoff"), "initialBackoff");
    requirePositive(requireNonNull(maxBackoff, "maxBackoff"), "maxBackoff");
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "maxBackoff must be at least initialBackoff, got " + maxBackoff + " < " + initialBackoff);
    }
  }

  /** The cap of the wait before attempt {@code attempt + 1}, for {@code attempt} ≥ 1. */
  Duration backoffCap(int attempt) {
    Duration cap = initialBackoff;
    for (int i = 1; i < attempt && cap.compareTo(maxBackoff) < 0; i++) {
      cap = cap.multipliedBy(2);
    }
    return cap.compareTo(maxBackoff) < 0 ? cap : maxBackoff;
  }

  private static void requirePositive(Duration value, String name) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
