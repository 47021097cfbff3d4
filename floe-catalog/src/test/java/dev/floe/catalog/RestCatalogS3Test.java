package dev.floe.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.model.AccessDelegation;
import dev.floe.core.model.CatalogType;
import dev.floe.core.model.Credentials;
import dev.floe.testing.SecretCanaries;
import dev.floe.testing.catalog.CatalogRequest;
import dev.floe.testing.catalog.RestCatalogServer;
import dev.floe.testing.catalog.TokenCheck;
import dev.floe.testing.oauth2.OAuth2Server;
import dev.floe.testing.s3.S3Server;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.aws.s3.S3FileIO;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dev-like profile end to end on loopback: an Iceberg REST catalog behind OAuth2 with 5-second
 * tokens, S3 storage with static keys from mounted secret files. The test waits past the expiry of
 * every token between its writes (mock-oauth2-server computes {@code expires_in} from the real
 * clock, so a virtual clock cannot be shared with it). Five seconds rather than two or three: with
 * {@code expires_in} rounded down and half a short lifetime as expiry skew, a 3-second token leaves
 * about one second between its last hand-out and its expiry at the server, which a request on a
 * loaded build machine can exceed.
 */
class RestCatalogS3Test {
  private static final TableIdentifier ORDERS = TableIdentifier.of("bronze", "raw_orders");

  @TempDir Path secrets;
  @TempDir Path project;

  private final SecretCanaries canaries = SecretCanaries.create();

  @Test
  void writesAndReadsAcrossTokenExpiriesWithAValidTokenOnEveryRequest() throws Exception {
    String accessKey = canaries.next();
    String secretKey = canaries.next();
    String clientSecret = canaries.next();
    Profiles.secret(secrets, "catalog-secret", clientSecret);
    Profiles.secret(
        secrets, "minio", Map.of("access_key_id", accessKey, "secret_access_key", secretKey));
    try (OAuth2Server oauth =
            OAuth2Server.builder().tokenLifetime(Duration.ofSeconds(5)).build().start();
        S3Server s3 =
            S3Server.builder().credentials(accessKey, secretKey).bucket("lake").build().start();
        RestCatalogServer rest =
            RestCatalogServer.builder()
                .requireTokensFrom(oauth)
                .s3Warehouse(s3, "lake")
                .build()
                .start()) {
      CatalogContext context =
          Profiles.context(
              Profiles.catalog(
                  CatalogType.REST,
                  rest.uri().toString(),
                  Profiles.oauth2("ingest", "catalog-secret", oauth.tokenEndpoint().toString())),
              Profiles.s3(s3.endpoint().toString(), "lake", Profiles.staticSecret("minio")),
              secrets,
              project);

      try (OpenedCatalog opened = Catalogs.open(context)) {
        opened.namespaces().createNamespace(Namespace.of("bronze"));
        Table table =
            opened.catalog().createTable(ORDERS, Tables.SCHEMA, PartitionSpec.unpartitioned());
        for (int batch = 0; batch < 3; batch++) {
          if (batch > 0) {
            pastTokenExpiry();
          }
          Tables.append(opened.catalog().loadTable(ORDERS), "batch-" + batch, batch * 10, 10);
        }
        pastTokenExpiry();
        assertThat(Tables.ids(opened.catalog().loadTable(ORDERS)))
            .containsExactlyInAnyOrderElementsOf(Tables.range(0, 30));
        assertThat(table.location()).startsWith("s3://lake/warehouse/bronze/raw_orders");
        canaries.assertAbsentFrom(opened.toString());
        canaries.assertAbsentFrom(opened.properties().toString());
      }

      List<CatalogRequest> requests = rest.requests();
      assertThat(rest.rejectedRequests()).isEmpty();
      assertThat(requests).isNotEmpty().allMatch(r -> r.tokenCheck() == TokenCheck.VALID);
      assertThat(requests)
          .extracting(CatalogRequest::subject)
          .containsOnly(java.util.Optional.of("ingest"));
      assertThat(oauth.issuedTokenCount())
          .as("a new token after each expiry")
          .isGreaterThanOrEqualTo(4);
      assertThat(s3.objectKeys("lake", "warehouse/bronze/raw_orders/data/")).hasSize(3);
      canaries.assertAbsentFrom(requests.toString());
      canaries.assertAbsentFrom(oauth.tokenRequests().toString());
    }
  }

  @Test
  void vendedCredentialsReachTheTablesFileIo() {
    String accessKey = canaries.next();
    String secretKey = canaries.next();
    Profiles.secret(secrets, "catalog-secret", canaries.next());
    try (OAuth2Server oauth = OAuth2Server.builder().build().start();
        S3Server s3 =
            S3Server.builder().credentials(accessKey, secretKey).bucket("lake").build().start();
        RestCatalogServer rest =
            RestCatalogServer.builder()
                .requireTokensFrom(oauth)
                .s3Warehouse(s3, "lake")
                .vendCredentials(
                    Map.of("s3.access-key-id", accessKey, "s3.secret-access-key", secretKey))
                .build()
                .start()) {
      CatalogContext context =
          Profiles.context(
              Profiles.catalog(
                  CatalogType.POLARIS,
                  rest.uri().toString(),
                  "lake",
                  AccessDelegation.VENDED_CREDENTIALS,
                  Map.of(),
                  Profiles.oauth2("ingest", "catalog-secret", oauth.tokenEndpoint().toString())),
              // No storage credentials at all: only the vended ones can sign the writes.
              Profiles.s3(s3.endpoint().toString(), "lake", Credentials.NONE),
              secrets,
              project);

      try (OpenedCatalog opened = Catalogs.open(context)) {
        assertThat(opened.properties())
            .containsEntry(CatalogProperties.ACCESS_DELEGATION_HEADER, "vended-credentials");
        opened.namespaces().createNamespace(Namespace.of("bronze"));
        opened.catalog().createTable(ORDERS, Tables.SCHEMA, PartitionSpec.unpartitioned());
        Table table = opened.catalog().loadTable(ORDERS);
        assertThat(table.io()).isInstanceOf(S3FileIO.class);
        Tables.append(table, "vended", 0, 20);
        assertThat(Tables.ids(opened.catalog().loadTable(ORDERS)))
            .containsExactlyInAnyOrderElementsOf(Tables.range(0, 20));
        canaries.assertAbsentFrom(opened.properties().toString());
      }
      assertThat(rest.rejectedRequests()).isEmpty();
      assertThat(s3.objectKeys("lake", "warehouse/bronze/raw_orders/data/")).hasSize(1);
    }
  }

  @Test
  void connectivityChecksReportTokenCatalogAndBucket() {
    String accessKey = canaries.next();
    String secretKey = canaries.next();
    Profiles.secret(secrets, "catalog-secret", canaries.next());
    Profiles.secret(
        secrets, "minio", Map.of("access_key_id", accessKey, "secret_access_key", secretKey));
    try (OAuth2Server oauth = OAuth2Server.builder().build().start();
        S3Server s3 =
            S3Server.builder().credentials(accessKey, secretKey).bucket("lake").build().start();
        RestCatalogServer rest =
            RestCatalogServer.builder()
                .requireTokensFrom(oauth)
                .s3Warehouse(s3, "lake")
                .build()
                .start()) {
      CatalogContext context =
          Profiles.context(
              Profiles.catalog(
                  CatalogType.REST,
                  rest.uri().toString(),
                  Profiles.oauth2("ingest", "catalog-secret", oauth.tokenEndpoint().toString())),
              Profiles.s3(s3.endpoint().toString(), "lake", Profiles.staticSecret("minio")),
              secrets,
              project);

      List<ConnectivityChecks.Result> results = ConnectivityChecks.runAll(context);

      assertThat(results)
          .extracting(ConnectivityChecks.Result::name)
          .containsExactly("oauth2 token", "catalog", "storage");
      assertThat(results).allMatch(ConnectivityChecks.Result::ok, "every check succeeds");
      assertThat(results.get(0).detail()).contains("token obtained from").contains("valid for");
      assertThat(results.get(1).detail()).startsWith("GET /v1/config answered by");
      assertThat(results.get(2).detail()).contains("bucket s3://lake");
      canaries.assertAbsentFrom(results.toString());
    }
  }

  /** Waits longer than a token lives, so that the token of the last request has expired. */
  private static void pastTokenExpiry() throws InterruptedException {
    Thread.sleep(5_100);
  }
}
