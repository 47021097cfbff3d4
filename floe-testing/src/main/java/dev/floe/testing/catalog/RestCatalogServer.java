package dev.floe.testing.catalog;

import static java.util.Objects.requireNonNull;

import dev.floe.testing.TemporaryFolders;
import dev.floe.testing.oauth2.OAuth2Server;
import dev.floe.testing.s3.S3Server;
import jakarta.servlet.DispatcherType;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.rest.RESTCatalogServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A real Iceberg REST catalog for tests, listening on 127.0.0.1 on an ephemeral port.
 *
 * <p>The routes are Iceberg's own REST catalog test fixture ({@code RESTCatalogAdapter} and {@code
 * RESTCatalogServlet} from {@code iceberg-core:tests}), the same code as Iceberg's REST fixture
 * image, backed by a {@link JdbcCatalog} on a SQLite file in a temporary folder with one
 * connection. A servlet filter in front of every route, {@code /v1/config} and {@code
 * /v1/oauth/tokens} included, checks the {@code Authorization: Bearer} JWT against an OAuth2
 * server's published keys (signature, issuer, expiry with no clock skew) and answers 401 with an
 * Iceberg {@code NotAuthorizedException} otherwise. Every request is recorded with what the filter
 * concluded, so that a test can prove that each catalog call carried a valid token:
 *
 * <pre>{@code
 * try (OAuth2Server oauth = OAuth2Server.builder().build().start();
 *     RestCatalogServer catalog =
 *         RestCatalogServer.builder().requireTokensFrom(oauth).build().start()) {
 *   RESTCatalog client = new RESTCatalog();
 *   client.initialize("test", catalog.clientProperties("client", "secret"));
 *   client.createNamespace(Namespace.of("db"));
 *   assertThat(catalog.rejectedRequests()).isEmpty();
 * }
 * }</pre>
 *
 * <p>The warehouse is a local folder by default, read and written with {@link LocalFileIO}; it can
 * be any location with the FileIO properties to reach it, such as a bucket of an {@link S3Server}
 * ({@link Builder#s3Warehouse(S3Server, String)}).
 *
 * <p>Instances are safe for use by several threads.
 */
public final class RestCatalogServer implements AutoCloseable {

  /** The name of the backing catalog when the builder is given none. */
  public static final String DEFAULT_CATALOG_NAME = "floe_testing";

  private static final String LOCAL_FILE_IO = LocalFileIO.class.getName();

  /** What the builder was given, copied so that later builder calls change nothing. */
  private record Settings(
      Optional<URI> issuer,
      Optional<URI> jwks,
      Optional<OAuth2Server> oauth2Server,
      Optional<String> warehouse,
      Map<String, String> warehouseClientDefaults,
      Optional<S3Server> s3Server,
      Optional<String> s3Bucket,
      Map<String, String> catalogProperties,
      Map<String, String> configDefaults,
      Map<String, String> configOverrides,
      Map<String, String> vended,
      String catalogName,
      Clock clock) {

    Settings {
      requireNonNull(issuer, "issuer");
      requireNonNull(jwks, "jwks");
      requireNonNull(oauth2Server, "oauth2Server");
      requireNonNull(warehouse, "warehouse");
      requireNonNull(s3Server, "s3Server");
      requireNonNull(s3Bucket, "s3Bucket");
      requireNonNull(catalogName, "catalogName");
      requireNonNull(clock, "clock");
      if (issuer.isPresent() != jwks.isPresent()) {
        throw new IllegalArgumentException("an issuer needs its JWKS URL and the other way round");
      }
      if (s3Bucket.isPresent() != s3Server.isPresent()) {
        throw new IllegalArgumentException("an S3 warehouse needs its server and its bucket");
      }
      // LinkedHashMap copies: Map.copyOf would do, but keeps no order for the config answer.
      warehouseClientDefaults =
          Collections.unmodifiableMap(new LinkedHashMap<>(warehouseClientDefaults));
      catalogProperties = Collections.unmodifiableMap(new LinkedHashMap<>(catalogProperties));
      configDefaults = Collections.unmodifiableMap(new LinkedHashMap<>(configDefaults));
      configOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(configOverrides));
      vended = Collections.unmodifiableMap(new LinkedHashMap<>(vended));
    }
  }

  private final Settings settings;
  private final Clock clock;

  private enum State {
    NEW,
    RUNNING,
    CLOSED
  }

  private State state = State.NEW;
  private Path folder;
  private String warehouse;
  private JdbcCatalog backend;
  private CatalogAdapter adapter;
  private BearerTokenFilter filter;
  private Server jetty;
  private URI uri;

  private RestCatalogServer(Settings settings) {
    this.settings = settings;
    this.clock = settings.clock();
  }

  /**
   * Starts a builder; choose {@link Builder#requireTokensFrom(OAuth2Server)}, {@link
   * Builder#requireTokens(URI, URI)} or {@link Builder#withoutAuthentication()} before building.
   *
   * @return a new builder; never {@code null}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates the SQLite catalog and the warehouse, and starts serving on 127.0.0.1 on an ephemeral
   * port.
   *
   * <p>When tokens are checked, the issuer's keys are fetched now, so the OAuth2 server must be
   * running; tokens issued before it stops stay verifiable after.
   *
   * @return this server, for chaining
   * @throws IllegalStateException if the server was started before (a closed server cannot be
   *     started again) or did not come up
   */
  public synchronized RestCatalogServer start() {
    if (state != State.NEW) {
      throw new IllegalStateException("the REST catalog can be started once; it is " + state);
    }
    try {
      startServing();
      state = State.RUNNING;
      return this;
    } catch (Exception e) {
      state = State.CLOSED;
      IllegalStateException failure =
          new IllegalStateException("the REST catalog did not start", e);
      release(failure);
      throw failure;
    }
  }

  private void startServing() throws Exception {
    folder = TemporaryFolders.create("floe-rest-catalog-");
    Map<String, String> properties = new HashMap<>(settings.catalogProperties());
    Map<String, String> clientDefaults = new LinkedHashMap<>();
    if (settings.warehouse().isEmpty()) {
      warehouse = folder.resolve("warehouse").toString();
      properties.put(CatalogProperties.FILE_IO_IMPL, LOCAL_FILE_IO);
      clientDefaults.put(CatalogProperties.FILE_IO_IMPL, LOCAL_FILE_IO);
    } else {
      warehouse = settings.warehouse().get();
      clientDefaults.putAll(settings.warehouseClientDefaults());
    }
    settings.s3Bucket().ifPresent(bucket -> settings.s3Server().orElseThrow().createBucket(bucket));
    properties.put(CatalogProperties.WAREHOUSE_LOCATION, warehouse);
    properties.put(CatalogProperties.URI, "jdbc:sqlite:" + folder.resolve("catalog.db"));
    // One connection: each SQLite connection to an in-memory database would be its own empty
    // database, and one writer is what SQLite wants anyway.
    properties.put(CatalogProperties.CLIENT_POOL_SIZE, "1");
    properties.put("jdbc.schema-version", "V1");

    backend = new JdbcCatalog();
    backend.initialize(settings.catalogName(), properties);

    clientDefaults.putAll(settings.configDefaults());
    adapter =
        new CatalogAdapter(
            backend, clientDefaults, settings.configOverrides(), settings.vended(), warehouse);

    Optional<TokenVerifier> verifier = Optional.empty();
    if (settings.issuer().isPresent()) {
      TokenVerifier tokens =
          new TokenVerifier(settings.issuer().get(), settings.jwks().orElseThrow(), clock);
      tokens.prefetchKeys();
      verifier = Optional.of(tokens);
    }
    filter = new BearerTokenFilter(verifier, clock);

    QueuedThreadPool threads = new QueuedThreadPool(16, 2);
    threads.setName("floe-rest-catalog");
    threads.setDaemon(true);
    jetty = new Server(threads);
    jetty.setStopTimeout(0);
    ServerConnector connector = new ServerConnector(jetty, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.addFilter(new FilterHolder(filter), "/*", EnumSet.allOf(DispatcherType.class));
    context.addServlet(new ServletHolder(new RESTCatalogServlet(adapter)), "/*");
    jetty.setHandler(context);
    jetty.start();
    uri = URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  /**
   * Stops serving, closes the catalog and deletes the SQLite file and the local warehouse folder (a
   * warehouse elsewhere, such as a bucket, is left as it is).
   *
   * <p>Closing twice, or closing a server that never started, does nothing.
   *
   * @throws IllegalStateException if the server could not be stopped cleanly
   */
  @Override
  public synchronized void close() {
    if (state != State.RUNNING) {
      state = State.CLOSED;
      return;
    }
    state = State.CLOSED;
    IllegalStateException failure =
        new IllegalStateException("the REST catalog did not stop cleanly");
    release(failure);
    if (failure.getSuppressed().length > 0) {
      throw failure;
    }
  }

  private void release(Exception collector) {
    if (jetty != null) {
      try {
        jetty.stop();
      } catch (Exception e) {
        collector.addSuppressed(e);
      }
    }
    for (AutoCloseable closeable : new AutoCloseable[] {adapter, backend}) {
      if (closeable != null) {
        try {
          closeable.close();
        } catch (Exception e) {
          collector.addSuppressed(e);
        }
      }
    }
    if (folder != null) {
      try {
        TemporaryFolders.delete(folder);
      } catch (UncheckedIOException e) {
        collector.addSuppressed(e);
      }
    }
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
   * Returns the catalog's base URI, the {@code uri} property of an Iceberg {@code RESTCatalog}.
   *
   * @return {@code http://127.0.0.1:<port>}
   * @throws IllegalStateException if the server has not been started
   */
  public synchronized URI uri() {
    if (uri == null) {
      throw new IllegalStateException("the REST catalog has not been started");
    }
    return uri;
  }

  /**
   * Returns the warehouse location of the backing catalog: a local folder path or, for example,
   * {@code s3://bucket/warehouse}.
   *
   * @return the location
   * @throws IllegalStateException if the server has not been started
   */
  public synchronized String warehouseLocation() {
    if (warehouse == null) {
      throw new IllegalStateException("the REST catalog has not been started");
    }
    return warehouse;
  }

  /**
   * Returns the backing catalog itself, to check or prepare state without going through REST or the
   * token filter.
   *
   * @return the JDBC catalog; owned by this server, do not close it
   * @throws IllegalStateException if the server is not running
   */
  public synchronized Catalog backendCatalog() {
    if (state != State.RUNNING) {
      throw new IllegalStateException("the REST catalog is not running");
    }
    return backend;
  }

  /**
   * Tells whether the catalog checks bearer tokens.
   *
   * @return {@code false} for a catalog built {@link Builder#withoutAuthentication()}
   */
  public boolean checksTokens() {
    return settings.issuer().isPresent();
  }

  /**
   * Returns the properties of an Iceberg {@code RESTCatalog} client for this catalog that brings
   * its own token (for example {@code token}): just {@code uri}.
   *
   * @return a new mutable map the caller may add to
   * @throws IllegalStateException if the server has not been started
   */
  public Map<String, String> clientProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(CatalogProperties.URI, uri().toString());
    return properties;
  }

  /**
   * Returns the properties of an Iceberg {@code RESTCatalog} client that gets its tokens from this
   * catalog's OAuth2 server with the client-credentials grant: {@code uri}, {@code credential}
   * ({@code id:secret}) and {@code oauth2-server-uri}.
   *
   * @param clientId any client id; the OAuth2 server accepts every client
   * @param clientSecret any secret
   * @return a new mutable map the caller may add to; it contains the secret
   * @throws IllegalStateException if the catalog was not built with {@link
   *     Builder#requireTokensFrom(OAuth2Server)}, or has not been started
   */
  public Map<String, String> clientProperties(String clientId, String clientSecret) {
    requireNonNull(clientId, "clientId");
    requireNonNull(clientSecret, "clientSecret");
    OAuth2Server oauth2Server =
        settings
            .oauth2Server()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the REST catalog was not built with requireTokensFrom"));
    Map<String, String> properties = clientProperties();
    properties.put("credential", clientId + ":" + clientSecret);
    properties.put("oauth2-server-uri", oauth2Server.tokenEndpoint().toString());
    return properties;
  }

  /**
   * Returns every request received so far, in arrival order.
   *
   * @return an immutable snapshot; never {@code null}
   */
  public List<CatalogRequest> requests() {
    return runningFilter().requests();
  }

  /**
   * Returns the requests the token filter answered with 401, in arrival order: an empty list proves
   * that every request so far carried a valid, unexpired token.
   *
   * @return an immutable snapshot; never {@code null}
   */
  public List<CatalogRequest> rejectedRequests() {
    return requests().stream().filter(CatalogRequest::rejected).toList();
  }

  /**
   * Counts the requests the filter let through to the catalog.
   *
   * @return the number of admitted requests since start or the last {@link #clearRequests()}
   */
  public int acceptedRequestCount() {
    return (int) requests().stream().filter(request -> !request.rejected()).count();
  }

  /**
   * Counts the requests the filter answered with 401.
   *
   * @return the number of rejected requests since start or the last {@link #clearRequests()}
   */
  public int rejectedRequestCount() {
    return rejectedRequests().size();
  }

  /** Forgets the requests recorded so far. */
  public void clearRequests() {
    runningFilter().clear();
  }

  private synchronized BearerTokenFilter runningFilter() {
    if (filter == null) {
      throw new IllegalStateException("the REST catalog has not been started");
    }
    return filter;
  }

  @Override
  public String toString() {
    URI current;
    synchronized (this) {
      current = uri;
    }
    return "RestCatalogServer[uri=" + current + ", checksTokens=" + checksTokens() + "]";
  }

  /**
   * Configures a {@link RestCatalogServer}. Builders are not safe for use by several threads; each
   * {@link #build()} copies the settings, so later calls do not change servers built before.
   */
  public static final class Builder {

    private static final Set<String> RESERVED =
        Set.of(
            CatalogProperties.URI,
            CatalogProperties.WAREHOUSE_LOCATION,
            CatalogProperties.CLIENT_POOL_SIZE);

    private boolean authChosen;
    private URI issuer;
    private URI jwks;
    private OAuth2Server oauth2Server;
    private String warehouse;
    private final Map<String, String> warehouseClientDefaults = new LinkedHashMap<>();
    private S3Server s3Server;
    private String s3Bucket;
    private final Map<String, String> catalogProperties = new LinkedHashMap<>();
    private final Map<String, String> configDefaults = new LinkedHashMap<>();
    private final Map<String, String> configOverrides = new LinkedHashMap<>();
    private final Map<String, String> vended = new LinkedHashMap<>();
    private String catalogName = DEFAULT_CATALOG_NAME;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Accepts only requests with a bearer JWT issued by {@code oauth2Server}: signed by one of its
     * keys, with its issuer, not expired.
     *
     * @param oauth2Server a started server; its keys are fetched when the catalog starts
     * @return this builder
     * @throws IllegalStateException if authentication was already chosen
     */
    public Builder requireTokensFrom(OAuth2Server oauth2Server) {
      requireNonNull(oauth2Server, "oauth2Server");
      chooseAuth();
      this.oauth2Server = oauth2Server;
      this.issuer = oauth2Server.issuer();
      this.jwks = oauth2Server.jwksUri();
      return this;
    }

    /**
     * Accepts only requests with a bearer JWT with {@code iss} = {@code issuer}, signed by a key
     * published at {@code jwks}, not expired.
     *
     * @param issuer the exact expected {@code iss} value
     * @param jwks the JSON Web Key Set URL; it should be a loopback address
     * @return this builder
     * @throws IllegalStateException if authentication was already chosen
     */
    public Builder requireTokens(URI issuer, URI jwks) {
      requireNonNull(issuer, "issuer");
      requireNonNull(jwks, "jwks");
      chooseAuth();
      this.issuer = issuer;
      this.jwks = jwks;
      return this;
    }

    /**
     * Lets every request through unchecked; requests are still recorded, with {@link
     * TokenCheck#NOT_CHECKED}.
     *
     * @return this builder
     * @throws IllegalStateException if authentication was already chosen
     */
    public Builder withoutAuthentication() {
      chooseAuth();
      return this;
    }

    private void chooseAuth() {
      if (authChosen) {
        throw new IllegalStateException("authentication was already chosen for this catalog");
      }
      authChosen = true;
    }

    /**
     * Puts the warehouse in a local folder, read and written with {@link LocalFileIO}; the default
     * is a folder inside the server's temporary folder. The folder is not deleted on close.
     *
     * @param folder an absolute path; it need not exist yet
     * @return this builder
     * @throws IllegalArgumentException if the path is relative
     */
    public Builder warehouse(Path folder) {
      requireNonNull(folder, "folder");
      if (!folder.isAbsolute()) {
        throw new IllegalArgumentException("the warehouse folder must be absolute: " + folder);
      }
      Map<String, String> io = Map.of(CatalogProperties.FILE_IO_IMPL, LOCAL_FILE_IO);
      return warehouse(folder.toString(), io, io);
    }

    /**
     * Puts the warehouse at any location, with the FileIO properties that reach it.
     *
     * @param location the warehouse location, for example {@code s3://bucket/warehouse}
     * @param fileIoProperties properties of the backing catalog's FileIO, {@code io-impl} and the
     *     storage's endpoint and credentials; not {@code null}
     * @param clientDefaults properties handed to clients as {@code /v1/config} defaults so that
     *     they can read and write the same storage (for example {@code io-impl} and the endpoint,
     *     but not the keys); not {@code null}
     * @return this builder
     */
    public Builder warehouse(
        String location, Map<String, String> fileIoProperties, Map<String, String> clientDefaults) {
      requireNonNull(location, "location");
      requireNonNull(fileIoProperties, "fileIoProperties");
      requireNonNull(clientDefaults, "clientDefaults");
      if (location.isBlank()) {
        throw new IllegalArgumentException("the warehouse location must not be blank");
      }
      this.warehouse = location;
      fileIoProperties.forEach(this::catalogProperty);
      warehouseClientDefaults.clear();
      warehouseClientDefaults.putAll(clientDefaults);
      this.s3Server = null;
      this.s3Bucket = null;
      return this;
    }

    /**
     * Puts the warehouse in a bucket of {@code s3}, at {@code s3://<bucket>/warehouse}, written
     * with Iceberg's {@code S3FileIO} and the server's key pair. The bucket is created when the
     * catalog starts. Clients get {@code io-impl}, {@code s3.endpoint}, {@code
     * s3.path-style-access} and {@code client.region} as {@code /v1/config} defaults; the keys only
     * if the test hands them out ({@link #vendCredentials(Map)}) or gives them itself.
     *
     * @param s3 a started S3 server
     * @param bucket the bucket name
     * @return this builder
     */
    public Builder s3Warehouse(S3Server s3, String bucket) {
      requireNonNull(s3, "s3");
      requireNonNull(bucket, "bucket");
      Map<String, String> io = new LinkedHashMap<>(s3.icebergProperties());
      io.put(CatalogProperties.FILE_IO_IMPL, S3Server.S3_FILE_IO);
      Map<String, String> clients = new LinkedHashMap<>(io);
      clients.remove("s3.access-key-id");
      clients.remove("s3.secret-access-key");
      warehouse("s3://" + bucket + "/warehouse", io, clients);
      this.s3Server = s3;
      this.s3Bucket = bucket;
      return this;
    }

    /**
     * Adds a property of the backing {@link JdbcCatalog} (FileIO settings, {@code jdbc.*} options);
     * {@code uri}, {@code warehouse} and {@code clients} are the server's own.
     *
     * @param key the property name
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException for a property the server sets itself
     */
    public Builder catalogProperty(String key, String value) {
      requireNonNull(key, "key");
      requireNonNull(value, "value");
      if (RESERVED.contains(key)) {
        throw new IllegalArgumentException("the REST catalog server sets " + key + " itself");
      }
      catalogProperties.put(key, value);
      return this;
    }

    /**
     * Adds a default to the {@code /v1/config} answer: clients use it unless they set the property
     * themselves (for example {@code warehouse}).
     *
     * @param key the property name
     * @param value the value
     * @return this builder
     */
    public Builder configDefault(String key, String value) {
      configDefaults.put(requireNonNull(key, "key"), requireNonNull(value, "value"));
      return this;
    }

    /**
     * Adds an override to the {@code /v1/config} answer: clients use it whatever they set.
     *
     * @param key the property name
     * @param value the value
     * @return this builder
     */
    public Builder configOverride(String key, String value) {
      configOverrides.put(requireNonNull(key, "key"), requireNonNull(value, "value"));
      return this;
    }

    /**
     * Hands out storage credentials in table loads to clients that send {@code
     * X-Iceberg-Access-Delegation: vended-credentials}: the properties are added to the table's
     * {@code config} and as one storage credential for the warehouse location prefix.
     *
     * @param credentials FileIO properties such as {@code s3.access-key-id} and {@code
     *     s3.secret-access-key}; not empty
     * @return this builder
     */
    public Builder vendCredentials(Map<String, String> credentials) {
      requireNonNull(credentials, "credentials");
      if (credentials.isEmpty()) {
        throw new IllegalArgumentException("vended credentials must not be empty");
      }
      vended.clear();
      vended.putAll(credentials);
      return this;
    }

    /**
     * Sets the name of the backing catalog (it appears in nothing a client sees).
     *
     * @param catalogName not blank
     * @return this builder
     */
    public Builder catalogName(String catalogName) {
      requireNonNull(catalogName, "catalogName");
      if (catalogName.isBlank()) {
        throw new IllegalArgumentException("catalog name must not be blank");
      }
      this.catalogName = catalogName;
      return this;
    }

    /**
     * Sets the clock that decides whether a token has expired and stamps recorded requests.
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
     * @return a new server; call {@link RestCatalogServer#start()} next
     * @throws IllegalStateException if no authentication was chosen
     */
    public RestCatalogServer build() {
      if (!authChosen) {
        throw new IllegalStateException(
            "choose requireTokensFrom(...), requireTokens(...) or withoutAuthentication()");
      }
      return new RestCatalogServer(
          new Settings(
              Optional.ofNullable(issuer),
              Optional.ofNullable(jwks),
              Optional.ofNullable(oauth2Server),
              Optional.ofNullable(warehouse),
              warehouseClientDefaults,
              Optional.ofNullable(s3Server),
              Optional.ofNullable(s3Bucket),
              catalogProperties,
              configDefaults,
              configOverrides,
              vended,
              catalogName,
              clock));
    }
  }
}
