package dev.floe.catalog.identity;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * The {@code service_account} credentials mode: which projected token file to read and what to turn
 * it into.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tokenFile the projected service account token, read at every refresh; by default {@link
 *     #DEFAULT_TOKEN_FILE}
 * @param exchange what the token is turned into
 */
public record ServiceAccountSettings(Path tokenFile, TokenExchange exchange) {
  /** Where Kubernetes mounts a pod's service account token. */
  public static final Path DEFAULT_TOKEN_FILE =
      Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");

  /** Checks that no component is null. */
  public ServiceAccountSettings {
    requireNonNull(tokenFile, "tokenFile");
    requireNonNull(exchange, "exchange");
  }

  /**
   * Settings for {@code exchange} reading {@link #DEFAULT_TOKEN_FILE}.
   *
   * @param exchange what the token is turned into; not null
   */
  public static ServiceAccountSettings of(TokenExchange exchange) {
    return new ServiceAccountSettings(DEFAULT_TOKEN_FILE, exchange);
  }

  /** These settings reading {@code tokenFile}; not null. */
  public ServiceAccountSettings withTokenFile(Path tokenFile) {
    return new ServiceAccountSettings(tokenFile, exchange);
  }
}
