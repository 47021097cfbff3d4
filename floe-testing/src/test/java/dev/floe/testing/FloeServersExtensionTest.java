package dev.floe.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.floe.testing.FloeServers.CatalogAuth;
import dev.floe.testing.FloeServers.CredentialVending;
import dev.floe.testing.FloeServers.Warehouse;
import dev.floe.testing.catalog.RestCatalogServer;
import dev.floe.testing.catalog.TokenCheck;
import dev.floe.testing.oauth2.OAuth2Server;
import dev.floe.testing.oauth2.TokenClient;
import dev.floe.testing.s3.S3Server;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.rest.RESTCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

@FloeServers(
    issuerId = "ext",
    warehouse = Warehouse.S3_BUCKET,
    bucket = "ext-lake",
    s3AccessKey = "ext-key",
    s3SecretKey = "ext-secret",
    vendCredentials = CredentialVending.S3_KEYS)
class FloeServersExtensionTest {

  @InjectServer private static S3Server staticS3;
  private static S3Server s3SeenInBeforeAll;
  private static final List<Object> SEEN = new CopyOnWriteArrayList<>();

  @InjectServer private RestCatalogServer fieldCatalog;
  private final OAuth2Server constructorOAuth;

  FloeServersExtensionTest(OAuth2Server oauth) {
    this.constructorOAuth = oauth;
  }

  @BeforeAll
  static void beforeAll(S3Server s3) {
    s3SeenInBeforeAll = s3;
    assertThat(staticS3).isSameAs(s3);
  }

  @Test
  void injectsTheSameServersIntoParametersFieldsAndConstructors(
      OAuth2Server oauth, RestCatalogServer catalog, S3Server s3) {
    assertThat(oauth).isSameAs(constructorOAuth);
    assertThat(catalog).isSameAs(fieldCatalog);
    assertThat(s3).isSameAs(staticS3).isSameAs(s3SeenInBeforeAll);
    assertThat(List.of(oauth, catalog, s3)).allMatch(server -> isRunning(server));
    SEEN.add(oauth);
    SEEN.add(catalog);
  }

  @Test
  void keepsOneSetOfServersPerClass(OAuth2Server oauth, RestCatalogServer catalog) {
    SEEN.add(oauth);
    SEEN.add(catalog);
    assertThat(SEEN.stream().filter(OAuth2Server.class::isInstance).distinct()).hasSize(1);
    assertThat(SEEN.stream().filter(RestCatalogServer.class::isInstance).distinct()).hasSize(1);
  }

  @Test
  void wiresTheCatalogToTheOAuth2ServerAndTheBucket(
      OAuth2Server oauth, RestCatalogServer catalog, S3Server s3) throws Exception {
    assertThat(oauth.issuerId()).isEqualTo("ext");
    assertThat(catalog.checksTokens()).isTrue();
    assertThat(catalog.warehouseLocation()).isEqualTo("s3://ext-lake/warehouse");
    assertThat(s3.bucketExists("ext-lake")).isTrue();
    assertThat(s3.accessKey()).isEqualTo("ext-key");

    URI namespaces = catalog.uri().resolve("/v1/namespaces");
    assertThat(
            TokenClient.get(namespaces, oauth.issueToken("me", Duration.ofMinutes(1))).statusCode())
        .isEqualTo(200);
    assertThat(TokenClient.get(namespaces, null).statusCode()).isEqualTo(401);
  }

  @Nested
  class NestedTests {
    @Test
    void sharesTheServersOfTheEnclosingClass(RestCatalogServer catalog) {
      assertThat(catalog).isSameAs(fieldCatalog);
    }
  }

  @Test
  void closesTheServersAfterTheClassEvenWhenATestFails() {
    Sample.SERVERS.clear();

    Events tests = run(Sample.class);

    tests.assertStatistics(stats -> stats.started(3).succeeded(2).failed(1));
    assertThat(Sample.SERVERS).hasSize(3).noneMatch(FloeServersExtensionTest::isRunning);
    for (Object server : Sample.SERVERS) {
      URI address = address(server);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> new Socket(address.getHost(), address.getPort()).close())
          .isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void runsTheCatalogWithoutAuthenticationWhenAsked() {
    OpenCatalogSample.CATALOGS.clear();

    run(OpenCatalogSample.class).assertStatistics(stats -> stats.succeeded(1));

    assertThat(OpenCatalogSample.CATALOGS)
        .singleElement()
        .satisfies(c -> assertThat(c.isRunning()).isFalse());
  }

  @Test
  void reportsAnInjectedFieldOfAnotherType() {
    run(BadFieldSample.class)
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test(),
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message(
                        m -> m.contains("BadFieldSample.notAServer") && m.contains("S3Server")))));
  }

  @Test
  void reportsInconsistentSettingsForTheWholeClass() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(BadSettingsSample.class))
        .execute()
        .containerEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                container(BadSettingsSample.class),
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message(m -> m.contains("S3_BUCKET")))));
  }

  private static Events run(Class<?> sample) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(sample))
        .execute()
        .testEvents();
  }

  private static boolean isRunning(Object server) {
    if (server instanceof OAuth2Server oauth) {
      return oauth.isRunning();
    }
    if (server instanceof RestCatalogServer catalog) {
      return catalog.isRunning();
    }
    return ((S3Server) server).isRunning();
  }

  private static URI address(Object server) {
    if (server instanceof OAuth2Server oauth) {
      return oauth.issuer();
    }
    if (server instanceof RestCatalogServer catalog) {
      return catalog.uri();
    }
    return ((S3Server) server).endpoint();
  }

  /** Run by the engine test kit only: its servers must be closed after it, failing or not. */
  @FloeServers(warehouse = Warehouse.S3_BUCKET)
  static class Sample {
    static final List<Object> SERVERS = new CopyOnWriteArrayList<>();

    @Test
    void usesAnIcebergClient(OAuth2Server oauth, RestCatalogServer catalog, S3Server s3)
        throws Exception {
      SERVERS.addAll(List.of(oauth, catalog, s3));
      try (RESTCatalog client = new RESTCatalog()) {
        client.initialize("sample", catalog.clientProperties("sample", "secret"));
        client.createNamespace(Namespace.of("ns"));
      }
      assertThat(catalog.requests()).allMatch(r -> r.tokenCheck() == TokenCheck.VALID);
    }

    @Test
    void passes(RestCatalogServer catalog) {
      assertThat(catalog.isRunning()).isTrue();
    }

    @Test
    void fails(S3Server s3) {
      assertThat(s3.isRunning()).isFalse();
    }
  }

  @FloeServers(catalogAuth = CatalogAuth.NONE)
  static class OpenCatalogSample {
    static final List<RestCatalogServer> CATALOGS = new CopyOnWriteArrayList<>();

    @Test
    void servesWithoutTokens(RestCatalogServer catalog) throws Exception {
      CATALOGS.add(catalog);
      assertThat(catalog.checksTokens()).isFalse();
      assertThat(TokenClient.get(catalog.uri().resolve("/v1/namespaces"), null).statusCode())
          .isEqualTo(200);
    }
  }

  @FloeServers
  static class BadFieldSample {
    @InjectServer String notAServer;

    @Test
    void neverRuns() {}
  }

  @FloeServers(vendCredentials = CredentialVending.S3_KEYS)
  static class BadSettingsSample {
    @Test
    void neverRuns(RestCatalogServer catalog) {}
  }
}
