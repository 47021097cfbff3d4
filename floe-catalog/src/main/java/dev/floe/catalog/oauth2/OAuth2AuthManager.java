package dev.floe.catalog.oauth2;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.rest.HTTPClient;
import org.apache.iceberg.rest.RESTClient;
import org.apache.iceberg.rest.RESTUtil;
import org.apache.iceberg.rest.auth.AuthManager;
import org.apache.iceberg.rest.auth.AuthProperties;
import org.apache.iceberg.rest.auth.AuthSession;
import org.apache.iceberg.rest.auth.OAuth2Properties;

/**
 * Iceberg's {@link AuthManager} SPI over an {@link OAuth2TokenManager} (or another {@link
 * BearerTokenSource}): every request of a {@code RESTCatalog} carries a bearer token from the token
 * manager, refreshed before it expires. It replaces Iceberg's own OAuth2 manager entirely (which
 * refreshes by token exchange and needs the secret as the {@code credential} property).
 *
 * <p>Iceberg creates auth managers itself, by reflection, from the catalog property {@value
 * AuthProperties#AUTH_TYPE} = this class's name, passing only the catalog name; the catalog
 * properties reach the manager later and may be logged or echoed by Iceberg. So the client secret
 * never goes into them. Instead:
 *
 * <pre>{@code
 * try (OAuth2TokenManager tokens = OAuth2TokenManager.builder(settings).build();
 *     OAuth2AuthManager.Registration registration = OAuth2AuthManager.register(tokens);
 *     RESTCatalog catalog = new RESTCatalog(SessionContext.createEmpty(),
 *         OAuth2AuthManager.restClientBuilder())) {
 *   Map<String, String> properties = new HashMap<>(registration.catalogProperties());
 *   properties.put(CatalogProperties.URI, uri);
 *   catalog.initialize("prod", properties);
 *   ...
 * }
 * }</pre>
 *
 * <p>{@link #register(BearerTokenSource)} puts the token source into a JVM-wide registry under a
 * random handle; {@link Registration#catalogProperties()} holds only the auth type and {@value
 * #HANDLE_PROPERTY}{@code =<handle>}; the manager looks the handle up when Iceberg asks for a
 * session; {@link Registration#close()} removes the entry. A handle is useless outside this JVM.
 *
 * <p>401 answers of the catalog: Iceberg's auth sessions see requests, never answers, and Iceberg
 * turns a 401 into a {@code NotAuthorizedException} for the caller. Tokens are refreshed before
 * they expire, so expiry never causes one. If the server revokes a token early, the REST clients of
 * {@link #restClientBuilder()} see the 401 first and invalidate that token, so that the next
 * request carries a new one; the failed request is not retried. With Iceberg's default client (a
 * catalog built from properties alone), call {@link OAuth2TokenManager#invalidate} yourself.
 *
 * <p>Thread-safe. Every session it returns is the same kind: table and contextual sessions share
 * the catalog session's tokens.
 */
public final class OAuth2AuthManager implements AuthManager {

  /** The value of {@value AuthProperties#AUTH_TYPE} that selects this manager. */
  public static final String AUTH_TYPE = OAuth2AuthManager.class.getName();

  /** The catalog property holding the registry handle of the token manager. */
  public static final String HANDLE_PROPERTY = "floe.auth.handle";

  private static final ConcurrentMap<String, BearerTokenSource> REGISTRY =
      new ConcurrentHashMap<>();

  private final String name;

  /**
   * The constructor Iceberg calls (through {@code AuthManagers.loadAuthManager}).
   *
   * @param name the catalog name, used in messages; may be null
   */
  public OAuth2AuthManager(String name) {
    this.name = name == null ? "unnamed" : name;
  }

  /**
   * Registers {@code tokens} for catalogs to find: pass {@link Registration#catalogProperties()} to
   * the catalog, and close the registration when the catalog is closed. The caller keeps owning
   * {@code tokens}: an {@link OAuth2TokenManager}, or any other {@link BearerTokenSource} (a fixed
   * token, workload identity tokens).
   *
   * @param tokens the token source; not null
   */
  public static Registration register(BearerTokenSource tokens) {
    requireNonNull(tokens, "tokens");
    String handle = UUID.randomUUID().toString();
    REGISTRY.put(handle, tokens);
    return new Registration(handle, tokens);
  }

  /**
   * Builds REST clients the way {@code RESTCatalog}'s no-argument constructor does (Iceberg's
   * {@code HTTPClient} with the catalog URI and {@code header.*} properties), wrapped so that a 401
   * answer invalidates the token of the rejected request. Use it as {@code new
   * RESTCatalog(SessionContext.createEmpty(), OAuth2AuthManager.restClientBuilder())}.
   */
  public static Function<Map<String, String>, RESTClient> restClientBuilder() {
    return properties ->
        new RejectedTokenClient(
            HTTPClient.builder(properties)
                .uri(properties.get(CatalogProperties.URI))
                .withHeaders(RESTUtil.configHeaders(properties))
                .build());
  }

  /**
   * The session for the configuration request: the same as {@link #catalogSession}.
   *
   * @throws IllegalArgumentException when {@value #HANDLE_PROPERTY} is missing or unknown, or when
   *     Iceberg's {@code credential} property is set
   */
  @Override
  public AuthSession initSession(RESTClient initClient, Map<String, String> properties) {
    return session(properties);
  }

  /**
   * A session that puts the registered token manager's token on every request. Sends no request
   * itself; the first catalog request obtains the first token.
   *
   * @throws IllegalArgumentException when {@value #HANDLE_PROPERTY} is missing or unknown, or when
   *     Iceberg's {@code credential} property is set
   */
  @Override
  public AuthSession catalogSession(RESTClient sharedClient, Map<String, String> properties) {
    return session(properties);
  }

  /** Nothing to release: the registry entry belongs to its {@link Registration}. */
  @Override
  public void close() {
    // Sessions hold the token manager; its owner closes it and the registration.
  }

  @Override
  public String toString() {
    return "OAuth2AuthManager[" + name + "]";
  }

  private AuthSession session(Map<String, String> properties) {
    requireNonNull(properties, "properties");
    if (properties.containsKey(OAuth2Properties.CREDENTIAL)) {
      throw new IllegalArgumentException(
          "catalog '"
              + name
              + "': "
              + AUTH_TYPE
              + " takes its client credentials from the registered token manager; remove the"
              + " '"
              + OAuth2Properties.CREDENTIAL
              + "' property");
    }
    String handle = properties.get(HANDLE_PROPERTY);
    if (handle == null || handle.isBlank()) {
      throw new IllegalArgumentException(
          "catalog '"
              + name
              + "': property "
              + HANDLE_PROPERTY
              + " is missing; register a token manager with OAuth2AuthManager.register(...) and"
              + " pass its catalogProperties()");
    }
    BearerTokenSource tokens = REGISTRY.get(handle);
    if (tokens == null) {
      throw new IllegalArgumentException(
          "catalog '"
              + name
              + "': no token manager is registered under "
              + HANDLE_PROPERTY
              + " (its registration was closed, or it was made in another JVM)");
    }
    return new OAuth2AuthSession(tokens);
  }

  /**
   * A token manager's entry in the registry. Closing it removes the entry: catalogs initialized
   * afterwards with its properties fail, sessions already handed out keep working until the token
   * manager is closed. Thread-safe.
   */
  public static final class Registration implements AutoCloseable {
    private final String handle;
    private final BearerTokenSource tokens;

    private Registration(String handle, BearerTokenSource tokens) {
      this.handle = handle;
      this.tokens = tokens;
    }

    /** The opaque handle, a random UUID; never null. */
    public String handle() {
      return handle;
    }

    /**
     * The catalog properties that select this manager and name the registration: {@value
     * AuthProperties#AUTH_TYPE} and {@value OAuth2AuthManager#HANDLE_PROPERTY}. Nothing secret.
     */
    public Map<String, String> catalogProperties() {
      return Map.of(AuthProperties.AUTH_TYPE, AUTH_TYPE, HANDLE_PROPERTY, handle);
    }

    /** Removes the registry entry. Idempotent; does not close the token manager. */
    @Override
    public void close() {
      REGISTRY.remove(handle, tokens);
    }

    @Override
    public String toString() {
      return "OAuth2AuthManager.Registration[" + tokens + "]";
    }
  }
}
