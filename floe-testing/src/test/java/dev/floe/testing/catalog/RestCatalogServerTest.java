package dev.floe.testing.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.floe.testing.oauth2.OAuth2Server;
import dev.floe.testing.oauth2.TokenClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.NotAuthorizedException;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestCatalogServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Schema SCHEMA =
      new Schema(
          Types.NestedField.required(1, "id", Types.LongType.get()),
          Types.NestedField.optional(2, "name", Types.StringType.get()));

  private static OAuth2Server oauth;
  private static RestCatalogServer catalog;

  @BeforeAll
  static void start() {
    oauth = OAuth2Server.builder().build().start();
    catalog =
        RestCatalogServer.builder()
            .requireTokensFrom(oauth)
            .configDefault("floe.default", "from-server")
            .configOverride("floe.override", "forced")
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    catalog.close();
    oauth.close();
  }

  @BeforeEach
  void clear() {
    catalog.clearRequests();
    oauth.acceptTokenRequests();
  }

  private static RESTCatalog client(Map<String, String> properties) {
    RESTCatalog client = new RESTCatalog();
    client.initialize("test", properties);
    return client;
  }

  @Test
  void servesAnIcebergClientThatGetsItsTokenFromTheOAuth2Server() throws Exception {
    int tokensBefore = oauth.issuedTokenCount();
    try (RESTCatalog client = client(catalog.clientProperties("ingest", "secret"))) {
      client.createNamespace(Namespace.of("sales"));
      Table table = client.createTable(TableIdentifier.of("sales", "orders"), SCHEMA);

      assertThat(client.listNamespaces()).containsExactly(Namespace.of("sales"));
      assertThat(client.listTables(Namespace.of("sales")))
          .containsExactly(TableIdentifier.of("sales", "orders"));
      assertThat(table.schema().asStruct()).isEqualTo(SCHEMA.asStruct());
      assertThat(Path.of(table.location())).startsWith(Path.of(catalog.warehouseLocation()));
      assertThat(
              Files.exists(
                  Path.of(
                      table
                          .io()
                          .newInputFile(
                              ((org.apache.iceberg.HasTableOperations) table)
                                  .operations()
                                  .current()
                                  .metadataFileLocation())
                          .location())))
          .isTrue();
    }

    assertThat(oauth.issuedTokenCount()).isGreaterThan(tokensBefore);
    assertThat(catalog.rejectedRequests()).isEmpty();
    assertThat(catalog.requests())
        .isNotEmpty()
        .allSatisfy(
            request -> {
              assertThat(request.tokenCheck()).isEqualTo(TokenCheck.VALID);
              assertThat(request.subject()).contains("ingest");
            });
    assertThat(catalog.requests())
        .extracting(CatalogRequest::method, CatalogRequest::path)
        .contains(
            org.assertj.core.groups.Tuple.tuple("GET", "/v1/config"),
            org.assertj.core.groups.Tuple.tuple("POST", "/v1/namespaces"),
            org.assertj.core.groups.Tuple.tuple("POST", "/v1/namespaces/sales/tables"),
            org.assertj.core.groups.Tuple.tuple("GET", "/v1/namespaces/sales/tables"));
    assertThat(catalog.acceptedRequestCount()).isEqualTo(catalog.requests().size());
    assertThat(catalog.backendCatalog().tableExists(TableIdentifier.of("sales", "orders")))
        .isTrue();
  }

  @Test
  void acceptsAClientThatBringsItsOwnToken() throws Exception {
    String token =
        TokenClient.clientCredentials(oauth.tokenEndpoint(), "report", "secret").accessToken();
    Map<String, String> properties = catalog.clientProperties();
    properties.put("token", token);

    try (RESTCatalog client = client(properties)) {
      client.listNamespaces();
    }

    assertThat(catalog.rejectedRequests()).isEmpty();
    assertThat(catalog.requests())
        .extracting(CatalogRequest::subject)
        .containsOnly(java.util.Optional.of("report"));
  }

  @Test
  void rejectsARequestWithoutATokenWithAnIcebergError() throws Exception {
    HttpResponse<String> response = TokenClient.get(catalog.uri().resolve("/v1/config"), null);

    assertThat(response.statusCode()).isEqualTo(401);
    JsonNode error = JSON.readTree(response.body()).path("error");
    assertThat(error.path("type").asText()).isEqualTo("NotAuthorizedException");
    assertThat(error.path("code").asInt()).isEqualTo(401);
    assertThat(error.path("message").asText()).contains("no bearer token");
    assertThat(catalog.rejectedRequestCount()).isEqualTo(1);
    assertThat(catalog.rejectedRequests().get(0))
        .satisfies(
            rejected -> {
              assertThat(rejected.tokenCheck()).isEqualTo(TokenCheck.MISSING);
              assertThat(rejected.path()).isEqualTo("/v1/config");
              assertThat(rejected.status()).isEqualTo(401);
            });
  }

  @Test
  void anIcebergClientWithoutATokenFailsNotAuthorized() {
    assertThatThrownBy(() -> client(catalog.clientProperties()))
        .isInstanceOf(NotAuthorizedException.class);
    assertThat(catalog.rejectedRequests())
        .extracting(CatalogRequest::tokenCheck)
        .containsExactly(TokenCheck.MISSING);
  }

  @Test
  void rejectsATokenThatExpiredWhileWaiting() throws Exception {
    oauth.changeTokenLifetime(Duration.ofSeconds(1));
    String token;
    try {
      token = TokenClient.clientCredentials(oauth.tokenEndpoint(), "slow", "secret").accessToken();
    } finally {
      oauth.changeTokenLifetime(OAuth2Server.DEFAULT_TOKEN_LIFETIME);
    }
    Thread.sleep(1_500);

    HttpResponse<String> response = TokenClient.get(catalog.uri().resolve("/v1/namespaces"), token);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(catalog.rejectedRequests())
        .extracting(CatalogRequest::tokenCheck)
        .containsExactly(TokenCheck.EXPIRED);
  }

  @Test
  void rejectsAlreadyExpiredTokensGarbageAndTokensOfAnotherIssuer() throws Exception {
    String expired = oauth.issueToken("old", Duration.ofSeconds(-30));
    String other;
    try (OAuth2Server stranger = OAuth2Server.builder().issuerId("other").build().start()) {
      other = stranger.issueToken("stranger", Duration.ofMinutes(5));
    }
    URI namespaces = catalog.uri().resolve("/v1/namespaces");

    assertThat(TokenClient.get(namespaces, expired).statusCode()).isEqualTo(401);
    assertThat(TokenClient.get(namespaces, "not-a-jwt").statusCode()).isEqualTo(401);
    assertThat(TokenClient.get(namespaces, other).statusCode()).isEqualTo(401);
    assertThat(
            TokenClient.get(namespaces, oauth.issueToken("ok", Duration.ofMinutes(1))).statusCode())
        .isEqualTo(200);

    assertThat(catalog.requests())
        .extracting(CatalogRequest::tokenCheck)
        .containsExactly(
            TokenCheck.EXPIRED, TokenCheck.MALFORMED, TokenCheck.BAD_SIGNATURE, TokenCheck.VALID);
    assertThat(catalog.rejectedRequests().toString()).doesNotContain(expired).doesNotContain(other);
  }

  @Test
  void keepsCheckingTokensWhileTheOAuth2ServerRefusesRequests() throws Exception {
    String token = oauth.issueToken("steady", Duration.ofMinutes(5));
    oauth.refuseTokenRequests(503);

    assertThat(TokenClient.get(catalog.uri().resolve("/v1/namespaces"), token).statusCode())
        .isEqualTo(200);
  }

  @Test
  void decidesExpiryByItsInjectedClock() throws Exception {
    Clock twoHoursLater = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));
    try (RestCatalogServer later =
        RestCatalogServer.builder().requireTokensFrom(oauth).clock(twoHoursLater).build().start()) {
      String token = oauth.issueToken("clocked", Duration.ofHours(1));

      assertThat(TokenClient.get(later.uri().resolve("/v1/namespaces"), token).statusCode())
          .isEqualTo(401);
      assertThat(later.rejectedRequests())
          .extracting(CatalogRequest::tokenCheck)
          .containsExactly(TokenCheck.EXPIRED);
    }
  }

  @Test
  void servesConfiguredDefaultsAndOverrides() throws Exception {
    HttpResponse<String> response =
        TokenClient.get(
            catalog.uri().resolve("/v1/config?warehouse=lake"),
            oauth.issueToken("cfg", Duration.ofMinutes(1)));

    JsonNode config = JSON.readTree(response.body());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(config.path("defaults").path("floe.default").asText()).isEqualTo("from-server");
    assertThat(config.path("defaults").path("io-impl").asText())
        .isEqualTo(LocalFileIO.class.getName());
    assertThat(config.path("overrides").path("floe.override").asText()).isEqualTo("forced");
    assertThat(catalog.requests().get(0).query()).contains("warehouse=lake");
  }

  @Test
  void servesEveryoneWhenBuiltWithoutAuthentication(@TempDir Path warehouse) throws Exception {
    try (RestCatalogServer open =
        RestCatalogServer.builder().withoutAuthentication().warehouse(warehouse).build().start()) {
      try (RESTCatalog client = client(open.clientProperties())) {
        client.createNamespace(Namespace.of("open"));
        client.createTable(TableIdentifier.of("open", "t"), SCHEMA);
      }

      assertThat(open.checksTokens()).isFalse();
      assertThat(open.rejectedRequests()).isEmpty();
      assertThat(open.requests())
          .extracting(CatalogRequest::tokenCheck)
          .containsOnly(TokenCheck.NOT_CHECKED);
      assertThat(open.warehouseLocation()).isEqualTo(warehouse.toString());
      try (var files = Files.walk(warehouse)) {
        assertThat(files.map(Path::toString)).anyMatch(name -> name.endsWith(".metadata.json"));
      }
    }
  }

  @Test
  void refusesToBuildWithoutAChoiceOfAuthentication() {
    assertThatThrownBy(() -> RestCatalogServer.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("withoutAuthentication()");
    assertThatThrownBy(() -> RestCatalogServer.builder().catalogProperty("uri", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listensOnLoopbackAndDeletesItsFolderOnClose() {
    RestCatalogServer server = RestCatalogServer.builder().withoutAuthentication().build().start();
    Path warehouse = Path.of(server.warehouseLocation());
    server.close();

    assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
    assertThat(warehouse.getParent()).doesNotExist();
    assertThat(server.isRunning()).isFalse();
  }
}
