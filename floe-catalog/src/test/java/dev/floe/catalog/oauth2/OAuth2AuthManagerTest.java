package dev.floe.catalog.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import dev.floe.core.secret.Secret;
import jakarta.servlet.DispatcherType;
import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SessionCatalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.NotAuthorizedException;
import org.apache.iceberg.inmemory.InMemoryCatalog;
import org.apache.iceberg.inmemory.InMemoryFileIO;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.iceberg.rest.RESTCatalogAdapter;
import org.apache.iceberg.rest.RESTCatalogServlet;
import org.apache.iceberg.rest.auth.AuthProperties;
import org.apache.iceberg.types.Types;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Iceberg's own {@code RESTCatalog} against Iceberg's own REST server parts ({@code
 * RESTCatalogAdapter} and {@code RESTCatalogServlet} over an in-memory catalog) in Jetty on
 * 127.0.0.1, guarded by a filter that accepts only unexpired JWTs issued by mock-oauth2-server,
 * with this package's {@link OAuth2AuthManager} as the catalog's auth manager.
 */
class OAuth2AuthManagerTest {
  private static final String ISSUER = "floe";
  private static final String SECRET = "catalog-client-secret";
  private static final Schema SCHEMA =
      new Schema(
          Types.NestedField.required(1, "order_id", Types.LongType.get()),
          Types.NestedField.optional(2, "status", Types.StringType.get()));

  private MockOAuth2Server oauth;
  private Server jetty;
  private BearerTokenFilter filter;
  private URI catalogUri;

  @AfterEach
  void stop() throws Exception {
    if (jetty != null) {
      jetty.stop();
    }
    if (oauth != null) {
      oauth.shutdown();
    }
  }

  private void start(long tokenLifetimeSeconds) throws Exception {
    oauth =
        new MockOAuth2Server(
            new OAuth2Config(
                false,
                null,
                null,
                false,
                new OAuth2TokenProvider(),
                Set.of(
                    new DefaultOAuth2TokenCallback(
                        ISSUER, "unused", "JWT", null, Map.of(), tokenLifetimeSeconds))));
    oauth.start(InetAddress.getLoopbackAddress(), 0);
    filter =
        new BearerTokenFilter(
            JWKSet.load(oauth.jwksUrl(ISSUER).url()), oauth.issuerUrl(ISSUER).toString());

    InMemoryCatalog backend = new InMemoryCatalog();
    backend.initialize("backend", Map.of(CatalogProperties.WAREHOUSE_LOCATION, "mem://warehouse"));
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.addServlet(
        new ServletHolder(new RESTCatalogServlet(new RESTCatalogAdapter(backend))), "/*");
    context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
    jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    jetty.setHandler(context);
    jetty.start();
    catalogUri = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    warmUp();
  }

  /**
   * Loads the classes of the first token request and the first catalog request before the clock
   * matters: with 1-second tokens, class loading on a busy machine could outlast a token.
   */
  private void warmUp() throws Exception {
    try (OAuth2TokenManager tokens = tokens()) {
      tokens.token();
    }
    try (RESTCatalog unauthenticated = new RESTCatalog()) {
      assertThatThrownBy(
              () ->
                  unauthenticated.initialize(
                      "warm-up", Map.of(CatalogProperties.URI, catalogUri.toString())))
          .isInstanceOf(NotAuthorizedException.class);
    }
    filter.forgetRefusals();
  }

  private OAuth2TokenManager tokens() {
    return OAuth2TokenManager.builder(
            OAuth2Settings.builder(oauth.tokenEndpointUrl(ISSUER).uri(), "etl", Secret.of(SECRET))
                .scope("catalog")
                .build())
        .build();
  }

  private RESTCatalog catalog(OAuth2AuthManager.Registration registration) {
    Map<String, String> properties = new HashMap<>(registration.catalogProperties());
    properties.put(CatalogProperties.URI, catalogUri.toString());
    properties.put(CatalogProperties.FILE_IO_IMPL, InMemoryFileIO.class.getName());
    RESTCatalog catalog =
        new RESTCatalog(
            SessionCatalog.SessionContext.createEmpty(), OAuth2AuthManager.restClientBuilder());
    catalog.initialize("lake", properties);
    return catalog;
  }

  @Test
  void everyCatalogRequestCarriesAValidTokenAcrossTokenExpiries() throws Exception {
    // Tokens live 3 s; the answer's expires_in is 2 (the server rounds down), so each token is
    // used for 1 s: the run below outlives several of them.
    start(3);
    TableIdentifier orders = TableIdentifier.of("bronze", "orders");
    try (OAuth2TokenManager tokens = tokens();
        OAuth2AuthManager.Registration registration = OAuth2AuthManager.register(tokens);
        RESTCatalog catalog = catalog(registration)) {
      catalog.createNamespace(Namespace.of("bronze"));
      catalog.createTable(orders, SCHEMA);

      Instant end = Instant.now().plusMillis(4_500);
      int rounds = 0;
      while (Instant.now().isBefore(end)) {
        assertThat(catalog.listTables(Namespace.of("bronze"))).containsExactly(orders);
        assertThat(catalog.loadTable(orders).schema().asStruct()).isEqualTo(SCHEMA.asStruct());
        rounds++;
        Thread.sleep(100);
      }

      assertThat(filter.refused()).isEmpty();
      assertThat(filter.passed()).isGreaterThanOrEqualTo(3 + 2 * rounds);
      assertThat(filter.accepted()).hasSizeGreaterThanOrEqualTo(3);
      assertThat(catalog.properties().toString()).doesNotContain(SECRET);
      assertThat(catalog.properties())
          .containsEntry(AuthProperties.AUTH_TYPE, OAuth2AuthManager.AUTH_TYPE)
          .containsEntry(OAuth2AuthManager.HANDLE_PROPERTY, registration.handle());
    }
  }

  @Test
  void aTokenTheCatalogRejectsIsReplacedForTheNextRequest() throws Exception {
    start(3600);
    try (OAuth2TokenManager tokens = tokens();
        OAuth2AuthManager.Registration registration = OAuth2AuthManager.register(tokens);
        RESTCatalog catalog = catalog(registration)) {
      catalog.createNamespace(Namespace.of("silver"));
      String first = tokens.token().reveal();
      filter.revoke(first);

      // Iceberg's session never sees answers; the 401 still reaches the caller once.
      assertThatThrownBy(catalog::listNamespaces).isInstanceOf(NotAuthorizedException.class);
      assertThat(catalog.listNamespaces()).contains(Namespace.of("silver"));

      assertThat(tokens.token().reveal()).isNotEqualTo(first);
      assertThat(filter.refusedRevoked()).isEqualTo(1);
      assertThat(filter.refused()).isEmpty();
    }
  }

  @Test
  void aCatalogWithoutAHandleIsAConfigurationError() {
    OAuth2AuthManager manager = new OAuth2AuthManager("lake");

    assertThatThrownBy(() -> manager.catalogSession(null, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "catalog 'lake': property floe.auth.handle is missing; register a token manager with"
                + " OAuth2AuthManager.register(...) and pass its catalogProperties()");
  }

  @Test
  void aClosedRegistrationIsNoLongerFound() {
    OAuth2TokenManager tokens =
        OAuth2TokenManager.builder(
                OAuth2Settings.builder(
                        URI.create("http://127.0.0.1:9/token"), "etl", Secret.of("s"))
                    .build())
            .build();
    OAuth2AuthManager.Registration registration = OAuth2AuthManager.register(tokens);
    Map<String, String> properties = registration.catalogProperties();
    OAuth2AuthManager manager = new OAuth2AuthManager("lake");
    assertThat(manager.catalogSession(null, properties)).isInstanceOf(OAuth2AuthSession.class);

    registration.close();

    assertThatThrownBy(() -> manager.initSession(null, properties))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "catalog 'lake': no token manager is registered under floe.auth.handle (its"
                + " registration was closed, or it was made in another JVM)");
  }

  @Test
  void refusesIcebergsCredentialProperty() {
    OAuth2AuthManager manager = new OAuth2AuthManager("lake");

    assertThatThrownBy(() -> manager.catalogSession(null, Map.of("credential", "id:secret")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("remove the 'credential' property")
        .hasMessageNotContaining("id:secret");
  }

  @Test
  void theRegistrationPropertiesHoldNothingSecret() {
    OAuth2TokenManager tokens =
        OAuth2TokenManager.builder(
                OAuth2Settings.builder(
                        URI.create("http://127.0.0.1:9/token"), "etl", Secret.of(SECRET))
                    .build())
            .build();
    try (OAuth2AuthManager.Registration registration = OAuth2AuthManager.register(tokens)) {
      assertThat(registration.catalogProperties())
          .containsOnlyKeys(AuthProperties.AUTH_TYPE, OAuth2AuthManager.HANDLE_PROPERTY)
          .containsEntry(AuthProperties.AUTH_TYPE, "dev.floe.catalog.oauth2.OAuth2AuthManager");
      assertThat(registration.handle()).matches("[0-9a-f-]{36}");
    }
  }
}
