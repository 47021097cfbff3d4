package dev.floe.catalog.identity;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The service account token itself is the bearer (a catalog or service that trusts the cluster's
 * OIDC issuer). Its expiry comes from the token's {@code exp} claim when the token is a JWT; a
 * token without a readable expiry is read again every {@link #rereadInterval()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rereadInterval how often a token without a readable expiry is read again; positive
 */
public record KubernetesBearer(Duration rereadInterval) implements TokenExchange {
  /** The default interval for tokens without a readable expiry. */
  public static final Duration DEFAULT_REREAD_INTERVAL = Duration.ofSeconds(60);

  /** Checks that the interval is positive. */
  public KubernetesBearer {
    requireNonNull(rereadInterval, "rereadInterval");
    if (rereadInterval.isNegative() || rereadInterval.isZero()) {
      throw new IllegalArgumentException("rereadInterval must be positive");
    }
  }

  /** The bearer with the default re-read interval. */
  public static KubernetesBearer of() {
    return new KubernetesBearer(DEFAULT_REREAD_INTERVAL);
  }

  /** {@code kubernetes}. */
  @Override
  public String provider() {
    return "kubernetes";
  }
}
