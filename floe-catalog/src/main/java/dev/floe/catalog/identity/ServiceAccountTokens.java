package dev.floe.catalog.identity;

import static java.util.Objects.requireNonNull;

import dev.floe.catalog.failure.ConnectionFailureException;
import dev.floe.catalog.failure.FailureKind;
import dev.floe.core.secret.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Access tokens of a workload identity: the {@code service_account} credentials mode. The projected
 * service account token file is read whenever a token is fetched, so a rotated token is used from
 * the next refresh on, and turned into a token per {@link TokenExchange}:
 *
 * <ul>
 *   <li>{@link GcpTokenExchange}: RFC 8693 token exchange at Google's STS ({@code
 *       grant_type=urn:ietf:params:oauth:grant-type:token-exchange}, {@code
 *       subject_token_type=urn:ietf:params:oauth:token-type:jwt}, {@code
 *       requested_token_type=urn:ietf:params:oauth:token-type:access_token}, {@code audience},
 *       {@code scope}, {@code subject_token});
 *   <li>{@link AzureTokenExchange}: client-credentials grant with the token as federated client
 *       assertion ({@code client_id}, {@code
 *       client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer}, {@code
 *       client_assertion}, {@code grant_type=client_credentials}, {@code scope});
 *   <li>{@link KubernetesBearer}: the token itself, expiring at its {@code exp} claim.
 * </ul>
 *
 * <p>Tokens are cached and refreshed once {@value #REFRESH_FRACTION_PERCENT}% of their lifetime has
 * passed, by one caller while the others keep using the current token; a token is not handed out in
 * its last {@code 30} seconds. A failed refresh is a {@link ConnectionFailureException} (never
 * showing a token) when no valid token is left, and the next call tries again.
 *
 * <p>Thread-safe.
 */
public final class ServiceAccountTokens {
  /** The share of a token's lifetime after which it is refreshed, in percent. */
  public static final int REFRESH_FRACTION_PERCENT = 80;

  /** How long before its expiry a token is no longer handed out. */
  public static final Duration EXPIRY_SKEW = Duration.ofSeconds(30);

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final ServiceAccountSettings settings;
  private final TokenEndpoint endpoint;
  private final TokenCache cache;
  private final Clock clock;

  private ServiceAccountTokens(ServiceAccountSettings settings, HttpClient http, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.endpoint = new TokenEndpoint(http, clock);
    Duration unknownLifetime =
        settings.exchange() instanceof KubernetesBearer bearer
            ? bearer.rereadInterval()
            : TokenEndpoint.DEFAULT_LIFETIME;
    this.cache =
        new TokenCache(
            this::fetch,
            clock,
            REFRESH_FRACTION_PERCENT / 100.0,
            EXPIRY_SKEW,
            unknownLifetime,
            settings.exchange().provider() + " service account token");
  }

  /**
   * Tokens for {@code settings} on the system clock, over a new HTTP client (HTTP/1.1, 10 s connect
   * timeout, no redirects).
   *
   * @param settings the token file and exchange; not null
   */
  public static ServiceAccountTokens create(ServiceAccountSettings settings) {
    return create(
        settings,
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build(),
        Clock.systemUTC());
  }

  /**
   * Tokens for {@code settings} over {@code http}, refreshed by {@code clock}.
   *
   * @param settings the token file and exchange; not null
   * @param http the HTTP client for token exchanges (unused for {@link KubernetesBearer}); not null
   * @param clock decides when tokens are refreshed; not null
   */
  public static ServiceAccountTokens create(
      ServiceAccountSettings settings, HttpClient http, Clock clock) {
    requireNonNull(settings, "settings");
    requireNonNull(http, "http");
    requireNonNull(clock, "clock");
    return new ServiceAccountTokens(settings, http, clock);
  }

  /** The settings these tokens come from. */
  public ServiceAccountSettings settings() {
    return settings;
  }

  /**
   * A valid token, fetched or refreshed when due.
   *
   * @throws ConnectionFailureException when the token file cannot be read or the exchange fails and
   *     no valid token is left; the message never shows a token
   */
  public AccessToken current() {
    return cache.get();
  }

  /** Names the provider and the token file only. */
  @Override
  public String toString() {
    return "ServiceAccountTokens[provider="
        + settings.exchange().provider()
        + ", tokenFile="
        + settings.tokenFile()
        + "]";
  }

  private AccessToken fetch() {
    Secret subject = ProjectedToken.read(settings.tokenFile());
    TokenExchange exchange = settings.exchange();
    if (exchange instanceof KubernetesBearer) {
      Optional<Instant> expiry = ProjectedToken.expiry(subject);
      if (expiry.isPresent() && !clock.instant().isBefore(expiry.get())) {
        subject.destroy();
        throw new ConnectionFailureException(
            FailureKind.AUTHENTICATION,
            settings.tokenFile().toString(),
            "the service account token in "
                + settings.tokenFile()
                + " expired at "
                + expiry.get()
                + " (a projected serviceAccountToken volume is refreshed by the kubelet;"
                + " a copied token is not)",
            null);
      }
      return new AccessToken(subject, "Bearer", expiry);
    }
    try {
      if (exchange instanceof GcpTokenExchange gcp) {
        return exchangeAtGoogle(gcp, subject);
      }
      return exchangeAtEntra((AzureTokenExchange) exchange, subject);
    } finally {
      subject.destroy();
    }
  }

  private AccessToken exchangeAtGoogle(GcpTokenExchange gcp, Secret subject) {
    return subject.use(
        token -> {
          Map<String, String> form = new LinkedHashMap<>();
          form.put("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange");
          form.put("audience", gcp.audience());
          form.put("scope", gcp.scope());
          form.put("requested_token_type", "urn:ietf:params:oauth:token-type:access_token");
          form.put("subject_token_type", "urn:ietf:params:oauth:token-type:jwt");
          form.put("subject_token", token);
          return endpoint.post(
              gcp.tokenEndpoint(),
              form,
              "exchange the service account token from "
                  + settings.tokenFile()
                  + " for a GCP access token",
              List.of(subject));
        });
  }

  private AccessToken exchangeAtEntra(AzureTokenExchange azure, Secret subject) {
    URI tokenEndpoint = azure.tokenEndpoint();
    return subject.use(
        token -> {
          Map<String, String> form = new LinkedHashMap<>();
          form.put("client_id", azure.clientId());
          form.put("scope", azure.scope());
          form.put(
              "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
          form.put("client_assertion", token);
          form.put("grant_type", "client_credentials");
          return endpoint.post(
              tokenEndpoint,
              form,
              "exchange the service account token from "
                  + settings.tokenFile()
                  + " for an Azure access token of client "
                  + azure.clientId(),
              List.of(subject));
        });
  }
}
