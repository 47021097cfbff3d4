package dev.floe.catalog.oauth2;

import static java.util.Objects.requireNonNull;

import dev.floe.core.secret.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The configuration of an OAuth2 client-credentials grant: where to ask, who asks, and how tokens
 * are refreshed and requests retried.
 *
 * <p>The client secret is a {@link Secret}: this record's {@code toString} shows {@code ****} for
 * it, and its {@code equals} compares secrets by identity. Immutable and thread-safe. Build it with
 * {@link #builder(URI, String, Secret)}; the canonical constructor checks the same rules.
 *
 * @param tokenEndpoint the token endpoint: an absolute {@code http} or {@code https} URI without
 *     user-info or fragment
 * @param clientId the client id; not blank
 * @param clientSecret the client secret; not empty
 * @param scope the {@code scope} parameter, if any; not blank when present
 * @param audience the {@code audience} parameter, if any; not blank when present
 * @param clientAuthentication how the client authenticates; see {@link ClientAuthentication}
 * @param refresh when tokens are refreshed
 * @param retry how failed token requests are retried
 * @param connectTimeout the connect timeout of the default HTTP client; positive
 * @param requestTimeout the timeout of one token request; positive
 */
public record OAuth2Settings(
    URI tokenEndpoint,
    String clientId,
    Secret clientSecret,
    Optional<String> scope,
    Optional<String> audience,
    ClientAuthentication clientAuthentication,
    RefreshPolicy refresh,
    RetryPolicy retry,
    Duration connectTimeout,
    Duration requestTimeout) {

  /** The path of the token endpoint of the Iceberg REST specification, below the catalog URI. */
  public static final String ICEBERG_TOKEN_PATH = "v1/oauth/tokens";

  /** The default connect timeout: 5 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** The default timeout of one token request: 10 s. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** Checks every value; see the parameters for the rules. */
  public OAuth2Settings {
    requireNonNull(tokenEndpoint, "tokenEndpoint");
    requireNonNull(clientId, "clientId");
    requireNonNull(clientSecret, "clientSecret");
    requireNonNull(scope, "scope");
    requireNonNull(audience, "audience");
    requireNonNull(clientAuthentication, "clientAuthentication");
    requireNonNull(refresh, "refresh");
    requireNonNull(retry, "retry");
    requireNonNull(connectTimeout, "connectTimeout");
    requireNonNull(requestTimeout, "requestTimeout");
    checkEndpoint(tokenEndpoint);
    if (clientId.isBlank()) {
      throw new IllegalArgumentException("clientId must not be blank");
    }
    if (clientSecret.isEmpty()) {
      throw new IllegalArgumentException("clientSecret must not be empty");
    }
    scope.ifPresent(s -> requireNotBlank(s, "scope"));
    audience.ifPresent(s -> requireNotBlank(s, "audience"));
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(requestTimeout, "requestTimeout");
  }

  /**
   * The Iceberg REST default token endpoint of a catalog: {@code <catalog uri>/v1/oauth/tokens}
   * (trailing slashes of the catalog URI are dropped).
   *
   * @param catalogUri the catalog's base URI, for example {@code https://polaris:8181/api/catalog};
   *     not null
   */
  public static URI icebergTokenEndpoint(URI catalogUri) {
    requireNonNull(catalogUri, "catalogUri");
    String base = catalogUri.toString();
    int end = base.length();
    while (end > 0 && base.charAt(end - 1) == '/') {
      end--;
    }
    return URI.create(base.substring(0, end) + "/" + ICEBERG_TOKEN_PATH);
  }

  /**
   * A builder with the defaults: no scope, no audience, {@link
   * ClientAuthentication#CLIENT_SECRET_POST}, {@link RefreshPolicy#DEFAULT}, {@link
   * RetryPolicy#DEFAULT}, {@link #DEFAULT_CONNECT_TIMEOUT}, {@link #DEFAULT_REQUEST_TIMEOUT}.
   *
   * @param tokenEndpoint the token endpoint; not null
   * @param clientId the client id; not null
   * @param clientSecret the client secret; not null
   */
  public static Builder builder(URI tokenEndpoint, String clientId, Secret clientSecret) {
    return new Builder(tokenEndpoint, clientId, clientSecret);
  }

  private static void checkEndpoint(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new IllegalArgumentException("tokenEndpoint must be an absolute http(s) URI");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("tokenEndpoint must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      // Never echo the URI: its user-info may be a credential.
      throw new IllegalArgumentException("tokenEndpoint must not contain user-info");
    }
    if (uri.getRawFragment() != null) {
      throw new IllegalArgumentException("tokenEndpoint must not contain a fragment");
    }
  }

  private static void requireNotBlank(String value, String name) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank when present");
    }
  }

  private static void requirePositive(Duration value, String name) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }

  /**
   * Builds {@link OAuth2Settings}; {@link #build()} checks the whole. Not thread-safe; the built
   * settings are.
   */
  public static final class Builder {
    private final URI tokenEndpoint;
    private final String clientId;
    private final Secret clientSecret;
    private Optional<String> scope = Optional.empty();
    private Optional<String> audience = Optional.empty();
    private ClientAuthentication clientAuthentication = ClientAuthentication.CLIENT_SECRET_POST;
    private RefreshPolicy refresh = RefreshPolicy.DEFAULT;
    private RetryPolicy retry = RetryPolicy.DEFAULT;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;

    private Builder(URI tokenEndpoint, String clientId, Secret clientSecret) {
      this.tokenEndpoint = requireNonNull(tokenEndpoint, "tokenEndpoint");
      this.clientId = requireNonNull(clientId, "clientId");
      this.clientSecret = requireNonNull(clientSecret, "clientSecret");
    }

    /**
     * Sets the {@code scope} parameter.
     *
     * @param scope the scope, for example {@code PRINCIPAL_ROLE:ALL}; not null
     */
    public Builder scope(String scope) {
      this.scope = Optional.of(requireNonNull(scope, "scope"));
      return this;
    }

    /**
     * Sets the {@code audience} parameter.
     *
     * @param audience the audience; not null
     */
    public Builder audience(String audience) {
      this.audience = Optional.of(requireNonNull(audience, "audience"));
      return this;
    }

    /**
     * Sets how the client authenticates.
     *
     * @param clientAuthentication post or basic; not null
     */
    public Builder clientAuthentication(ClientAuthentication clientAuthentication) {
      this.clientAuthentication = requireNonNull(clientAuthentication, "clientAuthentication");
      return this;
    }

    /**
     * Sets the refresh policy.
     *
     * @param refresh the policy; not null
     */
    public Builder refresh(RefreshPolicy refresh) {
      this.refresh = requireNonNull(refresh, "refresh");
      return this;
    }

    /**
     * Sets the retry policy.
     *
     * @param retry the policy; not null
     */
    public Builder retry(RetryPolicy retry) {
      this.retry = requireNonNull(retry, "retry");
      return this;
    }

    /**
     * Sets the connect timeout of the default HTTP client.
     *
     * @param connectTimeout positive; not null
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = requireNonNull(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * Sets the timeout of one token request.
     *
     * @param requestTimeout positive; not null
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requireNonNull(requestTimeout, "requestTimeout");
      return this;
    }

    /**
     * The settings.
     *
     * @throws IllegalArgumentException when a value breaks a rule of {@link OAuth2Settings}
     */
    public OAuth2Settings build() {
      return new OAuth2Settings(
          tokenEndpoint,
          clientId,
          clientSecret,
          scope,
          audience,
          clientAuthentication,
          refresh,
          retry,
          connectTimeout,
          requestTimeout);
    }
  }
}
