package dev.floe.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.model.CatalogType;
import dev.floe.core.model.Credentials;
import dev.floe.testing.SecretCanaries;
import dev.floe.testing.catalog.RestCatalogServer;
import dev.floe.testing.oauth2.OAuth2Server;
import dev.floe.testing.oauth2.TokenEndpointRequest;
import dev.floe.testing.s3.S3Server;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection on loopback: each failure becomes its documented {@code FLOE-K1xx} diagnostic,
 * naming the profile and the endpoint, and no output shows a secret.
 */
class ConnectionFaultsTest {
  private static final Duration SHORT = Duration.ofMillis(500);

  private static OAuth2Server oauth;

  @TempDir Path secrets;
  @TempDir Path project;

  private final SecretCanaries canaries = SecretCanaries.create();

  @BeforeAll
  static void startOAuth2() throws Exception {
    oauth = OAuth2Server.builder().build().start();
    oauth.warmUp();
  }

  @AfterAll
  static void stopOAuth2() {
    oauth.close();
  }

  @BeforeEach
  void resetOAuth2() {
    oauth.acceptTokenRequests();
    oauth.clearTokenRequests();
    Profiles.secret(secrets, "client-secret", canaries.next());
  }

  private CatalogContext rest(String catalogUri, String tokenEndpoint, Duration timeout) {
    return Profiles.context(
        Profiles.catalog(
            CatalogType.REST, catalogUri, Profiles.oauth2("etl", "client-secret", tokenEndpoint)),
        Profiles.local("warehouse"),
        secrets,
        project,
        Clock.systemUTC(),
        timeout);
  }

  @Test
  void tokenEndpointDown() throws IOException {
    String endpoint = "http://127.0.0.1:" + closedPort() + "/token";
    Problem problem = problemOf(rest("http://127.0.0.1:" + closedPort(), endpoint, SHORT));

    assertThat(problem.code()).isEqualTo("FLOE-K101");
    assertThat(problem.message())
        .contains("catalogs.default")
        .contains(endpoint)
        .contains("client 'etl'")
        .contains("unreachable");
    assertThat(problem.path()).contains("catalogs.default.credentials");
  }

  @Test
  void tokenEndpointTooSlow() throws IOException {
    HttpServer slow =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    slow.setExecutor(Executors.newCachedThreadPool(daemon()));
    slow.createContext(
        "/token",
        exchange -> {
          try {
            Thread.sleep(5_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    slow.start();
    try {
      String endpoint = "http://127.0.0.1:" + slow.getAddress().getPort() + "/token";
      Problem problem = problemOf(rest("http://127.0.0.1:" + closedPort(), endpoint, SHORT));

      assertThat(problem.code()).isEqualTo("FLOE-K102");
      assertThat(problem.message()).contains(endpoint).contains("did not answer in time");
    } finally {
      slow.stop(0);
    }
  }

  @Test
  void tokenEndpointFailingThenRecoveringStillOpens() throws Exception {
    try (RestCatalogServer catalog =
        RestCatalogServer.builder().requireTokensFrom(oauth).build().start()) {
      oauth.refuseTokenRequests(500);
      Thread recover =
          new Thread(
              () -> {
                try {
                  while (oauth.tokenRequestCount() < 2) {
                    Thread.sleep(10);
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                oauth.acceptTokenRequests();
              });
      recover.setDaemon(true);
      recover.start();

      CatalogContext context =
          rest(
              catalog.uri().toString(),
              oauth.tokenEndpoint().toString(),
              CatalogContext.DEFAULT_REQUEST_TIMEOUT);
      try (OpenedCatalog opened = Catalogs.open(context)) {
        opened.namespaces().createNamespace(Namespace.of("recovered"));
      }
      recover.join(10_000);

      assertThat(oauth.tokenRequests())
          .extracting(TokenEndpointRequest::status)
          .startsWith(500, 500)
          .contains(200);
      assertThat(catalog.rejectedRequests()).isEmpty();
    }
  }

  @Test
  void badClientSecret() {
    oauth.refuseTokenRequests(401);
    Problem problem =
        problemOf(rest("http://127.0.0.1:1", oauth.tokenEndpoint().toString(), SHORT));

    assertThat(problem.code()).isEqualTo("FLOE-K103");
    assertThat(problem.message())
        .contains("authentication failed")
        .contains("client 'etl'")
        .contains(oauth.tokenEndpoint().toString());
    assertThat(problem.hint()).hasValueSatisfying(h -> assertThat(h).contains("client_secret"));
  }

  @Test
  void catalogDown() throws IOException {
    String uri = "http://127.0.0.1:" + closedPort();
    CatalogContext context =
        Profiles.context(
            Profiles.catalog(CatalogType.REST, uri, Credentials.NONE),
            Profiles.local("warehouse"),
            secrets,
            project,
            Clock.systemUTC(),
            SHORT);

    Problem problem = problemOf(context);

    assertThat(problem.code()).isEqualTo("FLOE-K110");
    assertThat(problem.message()).contains("catalogs.default").contains(uri).contains("refused");
  }

  @Test
  void bucketMissing() {
    String accessKey = canaries.next();
    String secretKey = canaries.next();
    Profiles.secret(
        secrets, "minio", Map.of("access_key_id", accessKey, "secret_access_key", secretKey));
    try (S3Server s3 = S3Server.builder().credentials(accessKey, secretKey).build().start()) {
      CatalogContext context =
          Profiles.context(
              Profiles.catalog(CatalogType.JDBC, "jdbc:sqlite:catalog.db", Credentials.NONE),
              Profiles.s3(
                  s3.endpoint().toString(), "missing-bucket", Profiles.staticSecret("minio")),
              secrets,
              project);

      try (OpenedCatalog opened = Catalogs.open(context)) {
        opened.namespaces().createNamespace(Namespace.of("bronze"));
        assertThatThrownBy(
                () ->
                    opened
                        .catalog()
                        .createTable(
                            TableIdentifier.of("bronze", "orders"),
                            Tables.SCHEMA,
                            PartitionSpec.unpartitioned()))
            .satisfies(
                failure -> {
                  Problem problem = opened.problem(failure).problems().get(0);
                  assertThat(problem.code()).isEqualTo("FLOE-K123");
                  assertThat(problem.message())
                      .contains("'missing-bucket'")
                      .contains("storage.default");
                  canaries.assertAbsentFrom(problem.toString());
                });
      }

      List<ConnectivityChecks.Result> checks = ConnectivityChecks.runAll(context);
      ConnectivityChecks.Result storage = checks.get(checks.size() - 1);
      assertThat(storage.ok()).isFalse();
      assertThat(storage.problem())
          .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("FLOE-K123"));
      canaries.assertAbsentFrom(checks.toString());
    }
  }

  private Problem problemOf(CatalogContext context) {
    ProblemException failure = null;
    try (OpenedCatalog opened = Catalogs.open(context)) {
      throw new AssertionError("opened unexpectedly: " + opened);
    } catch (ProblemException e) {
      failure = e;
    }
    assertThat(failure.problems()).hasSize(1);
    canaries.assertAbsentFrom(failure.toString());
    canaries.assertAbsentFrom(failure.problems().toString());
    return failure.problems().get(0);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return task -> {
      Thread thread = new Thread(task, "slow-token-endpoint");
      thread.setDaemon(true);
      return thread;
    };
  }
}
