package dev.floe.testing.oauth2;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

/**
 * A real OAuth2/OIDC authorization server for tests, listening on 127.0.0.1 on an ephemeral port.
 *
 * <p>It is {@code no.nav.security:mock-oauth2-server}: it issues RS256-signed JWT access tokens for
 * the client-credentials, token-exchange, JWT-bearer, password, refresh-token and
 * authorization-code grants, accepts any client id and secret, and publishes its keys at {@link
 * #jwksUri()}. One issuer id is configured; its tokens carry {@code iss} = {@link #issuer()}.
 *
 * <pre>{@code
 * try (OAuth2Server oauth = OAuth2Server.builder().tokenLifetime(Duration.ofSeconds(2)).build()) {
 *   oauth.start();
 *   URI tokenEndpoint = oauth.tokenEndpoint();
 *   ...
 * }
 * }</pre>
 *
 * <p>To test a token endpoint that is down, {@link #close()} the server (its address then refuses
 * connections) or make it answer errors with {@link #refuseTokenRequests(int)}.
 *
 * <p>Instances are safe for use by several threads. Addresses are only known once the server has
 * started, and they stay readable after {@link #close()} so that a client can be pointed at a
 * server that is gone.
 */
public final class OAuth2Server implements AutoCloseable {

  /** The issuer id used when the builder is given none. */
  public static final String DEFAULT_ISSUER_ID = "floe";

  /** The token lifetime used when the builder is given none. */
  public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);

  private static final Pattern ISSUER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final String issuerId;
  private final Clock clock;
  private final LifetimeTokenCallback callback;
  private final RecordingHttpServer httpServer;
  private final MockOAuth2Server server;
  private final OAuth2TokenProvider tokenProvider;

  private enum State {
    NEW,
    RUNNING,
    CLOSED
  }

  private State state = State.NEW;
  private URI baseUri;

  private OAuth2Server(Builder builder) {
    this.issuerId = builder.issuerId;
    this.clock = builder.clock;
    this.callback = new LifetimeTokenCallback(issuerId, builder.tokenLifetime);
    this.httpServer = new RecordingHttpServer(clock);
    this.tokenProvider = new OAuth2TokenProvider(clock::instant);
    OAuth2Config config =
        new OAuth2Config(false, null, null, false, tokenProvider, Set.of(callback), httpServer);
    this.server = new MockOAuth2Server(config);
  }

  /**
   * Starts a builder with the default issuer id, a one-hour token lifetime and the system clock.
   *
   * @return a new builder; never {@code null}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the server to 127.0.0.1 on an ephemeral port and starts serving.
   *
   * @return this server, for chaining
   * @throws IllegalStateException if the server was started before (a closed server cannot be
   *     started again)
   */
  public synchronized OAuth2Server start() {
    if (state != State.NEW) {
      throw new IllegalStateException("the OAuth2 server can be started once; it is " + state);
    }
    try {
      server.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
    } catch (java.net.UnknownHostException impossible) {
      throw new IllegalStateException("127.0.0.1 is always a valid address", impossible);
    }
    // The server's own URLs say "localhost"; clients must reach (and tokens name) 127.0.0.1.
    baseUri = URI.create("http://127.0.0.1:" + httpServer.port());
    state = State.RUNNING;
    return this;
  }

  /**
   * Sends one client-credentials request through the token endpoint and forgets it: the first
   * request a mock-oauth2-server answers in a JVM takes seconds (its template engine starts),
   * longer than a short-lived token lives. Call it before timing anything or relying on short
   * tokens; the warm-up request is removed from {@link #tokenRequests()}, its token still counts in
   * {@link #issuedTokenCount()}.
   *
   * @return this server, for chaining
   * @throws IllegalStateException if the server is not running or the request fails
   */
  public OAuth2Server warmUp() {
    if (!isRunning()) {
      throw new IllegalStateException("start the OAuth2 server before warming it up");
    }
    HttpRequest request =
        HttpRequest.newBuilder(tokenEndpoint())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "grant_type=client_credentials&client_id=warm-up&client_secret=warm-up"))
            .build();
    try {
      HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new IllegalStateException("the warm-up token request failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while warming up the OAuth2 server", e);
    }
    clearTokenRequests();
    return this;
  }

  /**
   * Stops the server and releases its port; later connections to its address are refused.
   *
   * <p>Closing twice, or closing a server that never started, does nothing.
   */
  @Override
  public synchronized void close() {
    if (state == State.RUNNING) {
      server.shutdown();
    }
    state = State.CLOSED;
  }

  /**
   * Tells whether the server is serving requests.
   *
   * @return {@code true} between {@link #start()} and {@link #close()}
   */
  public synchronized boolean isRunning() {
    return state == State.RUNNING;
  }

  /**
   * Returns the issuer id: the first path segment of every endpoint of this issuer.
   *
   * @return the issuer id; never {@code null}
   */
  public String issuerId() {
    return issuerId;
  }

  /**
   * Returns the issuer URL, the value of the {@code iss} claim in the tokens this server issues.
   *
   * @return {@code http://127.0.0.1:<port>/<issuer id>}
   * @throws IllegalStateException if the server has not been started
   */
  public URI issuer() {
    return endpoint("");
  }

  /**
   * Returns the token endpoint, where clients POST their grant requests.
   *
   * @return {@code http://127.0.0.1:<port>/<issuer id>/token}
   * @throws IllegalStateException if the server has not been started
   */
  public URI tokenEndpoint() {
    return endpoint("/token");
  }

  /**
   * Returns the JSON Web Key Set endpoint with the public keys that verify this issuer's tokens.
   *
   * @return {@code http://127.0.0.1:<port>/<issuer id>/jwks}
   * @throws IllegalStateException if the server has not been started
   */
  public URI jwksUri() {
    return endpoint("/jwks");
  }

  /**
   * Returns the OpenID Connect discovery document of this issuer.
   *
   * @return {@code http://127.0.0.1:<port>/<issuer id>/.well-known/openid-configuration}
   * @throws IllegalStateException if the server has not been started
   */
  public URI discoveryUri() {
    return endpoint("/.well-known/openid-configuration");
  }

  private synchronized URI endpoint(String suffix) {
    if (baseUri == null) {
      throw new IllegalStateException("the OAuth2 server has not been started");
    }
    return baseUri.resolve("/" + issuerId + suffix);
  }

  /**
   * Returns the lifetime of the tokens the token endpoint issues from now on.
   *
   * @return the lifetime, a whole number of seconds, at least one second
   */
  public Duration tokenLifetime() {
    return callback.lifetime();
  }

  /**
   * Changes the lifetime of the tokens the token endpoint issues from now on; tokens already issued
   * keep their expiry.
   *
   * @param lifetime the new lifetime; a whole number of seconds, at least one second
   * @throws IllegalArgumentException if the lifetime is shorter than a second or has a fraction of
   *     a second
   */
  public void changeTokenLifetime(Duration lifetime) {
    callback.lifetime(checkLifetime(lifetime));
  }

  /**
   * Signs a token for {@code subject} directly, without a request to the token endpoint (it is not
   * counted among the {@linkplain #tokenRequests() token requests}).
   *
   * @param subject the {@code sub} claim; not {@code null}
   * @param lifetime how long the token is valid, counted from now by the server's clock; zero or
   *     negative makes a token that has already expired; whole seconds
   * @return the serialized JWT
   * @throws IllegalStateException if the server is not running
   */
  public String issueToken(String subject, Duration lifetime) {
    requireNonNull(subject, "subject");
    requireNonNull(lifetime, "lifetime");
    if (!isRunning()) {
      throw new IllegalStateException("the OAuth2 server is not running");
    }
    // Signed like the token endpoint's tokens, with the issuer clients see (127.0.0.1, not the
    // "localhost" of mock-oauth2-server's own issueToken).
    Map<String, Object> claims =
        Map.of(
            "iss",
            issuer().toString(),
            "sub",
            subject,
            "aud",
            "floe-testing",
            "jti",
            UUID.randomUUID().toString());
    return tokenProvider.jwt(claims, lifetime, issuerId).serialize();
  }

  /**
   * Makes the token endpoint answer every request with {@code httpStatus} and an OAuth2 error body,
   * until {@link #acceptTokenRequests()}; the other endpoints (keys, discovery) keep working.
   *
   * @param httpStatus the status to answer with, 400 to 599 (for example 503 for an outage)
   * @throws IllegalArgumentException if the status is not an error status
   */
  public void refuseTokenRequests(int httpStatus) {
    if (httpStatus < 400 || httpStatus > 599) {
      throw new IllegalArgumentException("httpStatus must be 400 to 599, got " + httpStatus);
    }
    httpServer.refuseTokenRequests(httpStatus);
  }

  /** Makes the token endpoint issue tokens again after {@link #refuseTokenRequests(int)}. */
  public void acceptTokenRequests() {
    httpServer.refuseTokenRequests(0);
  }

  /**
   * Returns every request that reached the token endpoint, in arrival order, including refused
   * ones.
   *
   * @return an immutable snapshot; never {@code null}
   */
  public List<TokenEndpointRequest> tokenRequests() {
    return httpServer.tokenRequests();
  }

  /**
   * Counts the requests that reached the token endpoint, issued or refused.
   *
   * @return the number of token requests since start or the last {@link #clearTokenRequests()}
   */
  public int tokenRequestCount() {
    return httpServer.tokenRequests().size();
  }

  /**
   * Counts the token requests that were answered with a token.
   *
   * @return the number of issued tokens since start or the last {@link #clearTokenRequests()}
   */
  public int issuedTokenCount() {
    return (int) httpServer.tokenRequests().stream().filter(TokenEndpointRequest::issued).count();
  }

  /** Forgets the token requests recorded so far; counting starts again from zero. */
  public void clearTokenRequests() {
    httpServer.clearTokenRequests();
  }

  @Override
  public String toString() {
    URI base;
    synchronized (this) {
      base = baseUri;
    }
    return "OAuth2Server[issuerId=" + issuerId + ", base=" + base + "]";
  }

  private static Duration checkLifetime(Duration lifetime) {
    requireNonNull(lifetime, "lifetime");
    if (lifetime.compareTo(Duration.ofSeconds(1)) < 0 || lifetime.toNanosPart() != 0) {
      throw new IllegalArgumentException(
          "token lifetime must be a whole number of seconds, at least 1 s, got " + lifetime);
    }
    return lifetime;
  }

  /** Configures an {@link OAuth2Server}. Builders are not safe for use by several threads. */
  public static final class Builder {

    private String issuerId = DEFAULT_ISSUER_ID;
    private Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the issuer id, the first path segment of the issuer's endpoints.
     *
     * @param issuerId letters, digits, {@code .}, {@code _} and {@code -}, starting with a letter
     *     or digit
     * @return this builder
     * @throws IllegalArgumentException if the id has other characters
     */
    public Builder issuerId(String issuerId) {
      requireNonNull(issuerId, "issuerId");
      if (!ISSUER_ID.matcher(issuerId).matches()) {
        throw new IllegalArgumentException("issuer id must match " + ISSUER_ID + ": " + issuerId);
      }
      this.issuerId = issuerId;
      return this;
    }

    /**
     * Sets the lifetime of the tokens the token endpoint issues (the {@code exp} claim and {@code
     * expires_in}); short lifetimes such as two seconds let a test watch tokens expire.
     *
     * @param tokenLifetime a whole number of seconds, at least one second
     * @return this builder
     * @throws IllegalArgumentException if shorter than a second or with a fraction of a second
     */
    public Builder tokenLifetime(Duration tokenLifetime) {
      this.tokenLifetime = checkLifetime(tokenLifetime);
      return this;
    }

    /**
     * Sets the clock that stamps {@code iat}, {@code nbf} and {@code exp} in issued tokens and the
     * arrival time of recorded token requests.
     *
     * @param clock not {@code null}
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Creates the server, not yet started.
     *
     * @return a new server; call {@link OAuth2Server#start()} next
     */
    public OAuth2Server build() {
      return new OAuth2Server(this);
    }
  }
}
