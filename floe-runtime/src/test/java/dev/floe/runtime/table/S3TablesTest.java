package dev.floe.runtime.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.catalog.Catalogs;
import dev.floe.catalog.OpenedCatalog;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.TextRenderer;
import dev.floe.core.diag.Verbosity;
import dev.floe.runtime.compute.ComputeEngine;
import dev.floe.testing.SecretCanaries;
import dev.floe.testing.catalog.CatalogRequest;
import dev.floe.testing.catalog.RestCatalogServer;
import dev.floe.testing.catalog.TokenCheck;
import dev.floe.testing.oauth2.OAuth2Server;
import dev.floe.testing.s3.S3Server;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dev-like profile on loopback: the Iceberg REST catalog behind OAuth2 and S3 storage with static
 * keys from mounted secret files. Data files are on S3, so a load copies them through the table's
 * FileIO; everything written goes through the same FileIO.
 */
class S3TablesTest {
  record Customer(long customerId, String region, BigDecimal balance, LocalDate since) {}

  @TempDir Path secrets;
  @TempDir Path project;
  @TempDir Path scratch;

  private final SecretCanaries canaries = SecretCanaries.create();

  private static List<Customer> customers(int count) {
    List<Customer> customers = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      customers.add(
          new Customer(
              i,
              i % 2 == 0 ? "east" : "west",
              new BigDecimal(i * 10 + ".50"),
              LocalDate.of(2025, 1, 1).plusDays(i)));
    }
    return customers;
  }

  @Test
  void roundTripThroughS3CopiesOnceReplacesOnRerunAndNeverShowsASecret() throws Exception {
    String accessKey = canaries.next();
    String secretKey = canaries.next();
    String clientSecret = canaries.next();
    Fixtures.secret(secrets, "catalog-secret", clientSecret);
    Fixtures.secret(
        secrets, "minio", Map.of("access_key_id", accessKey, "secret_access_key", secretKey));
    try (OAuth2Server oauth = OAuth2Server.builder().build().start();
        S3Server s3 =
            S3Server.builder().credentials(accessKey, secretKey).bucket("lake").build().start();
        RestCatalogServer rest =
            RestCatalogServer.builder()
                .requireTokensFrom(oauth)
                .s3Warehouse(s3, "lake")
                .build()
                .start();
        OpenedCatalog catalog =
            Catalogs.open(
                Fixtures.context(
                    Fixtures.restCatalog(
                        rest.uri().toString(),
                        "ingest",
                        "catalog-secret",
                        oauth.tokenEndpoint().toString()),
                    Fixtures.s3Storage(s3.endpoint().toString(), "lake", "minio"),
                    secrets,
                    project));
        ComputeEngine engine = Fixtures.duckDb(project, secrets);
        IcebergRunTables tables = IcebergRunTables.create(catalog, engine, scratch)) {

      TableWrite bronze = tables.writeRows("bronze.customers", Customer.class, customers(20));
      assertThat(bronze.location()).startsWith("s3://lake/");
      assertThat(s3.objectKeys("lake", "warehouse/bronze/customers/data/")).hasSize(1);

      try (Connection duck = engine.connect()) {
        assertThat(tables.load(duck, "bronze.customers")).isEqualTo("bronze.customers");
        assertThat(
                LocalTablesTest.query(
                    duck,
                    "SELECT table_type FROM information_schema.tables WHERE table_name = 'customers'"))
            .as("remote files are copied into a DuckDB table")
            .isEqualTo("BASE TABLE");
        tables.load(duck, "bronze.customers");
        assertThat(tables.loadCount()).as("copied once per snapshot").isEqualTo(1);
        try (var copies = Files.walk(scratch)) {
          assertThat(copies.filter(Files::isRegularFile))
              .as("copies are deleted after the load")
              .isEmpty();
        }

        String sql =
            "SELECT region, count(*) AS customers, sum(balance) AS balance, min(since) AS first"
                + " FROM bronze.customers GROUP BY region";
        TableWrite gold = tables.writeQuery(duck, "gold.regions", sql);
        assertThat(gold.rows()).isEqualTo(2);
        TableWrite again = tables.writeQuery(duck, "gold.regions", sql);
        assertThat(again.snapshotId()).isNotEqualTo(gold.snapshotId());
      }

      Table regions = catalog.catalog().loadTable(TableIdentifier.of("gold", "regions"));
      List<Record> rows = Fixtures.rows(regions);
      rows.sort(Comparator.comparing(r -> (String) r.getField("region")));
      assertThat(rows).as("the second write replaced the first").hasSize(2);
      assertThat(rows.get(0).getField("region")).isEqualTo("east");
      assertThat(rows.get(0).getField("customers")).isEqualTo(10L);
      // east: 20 + 40 + ... + 200 = 1100, plus 10 × 0.50
      assertThat(rows.get(0).getField("balance")).isEqualTo(new BigDecimal("1105.00"));
      assertThat(rows.get(0).getField("first")).isEqualTo(LocalDate.of(2025, 1, 3));
      assertThat(rows.get(1).getField("balance")).isEqualTo(new BigDecimal("1005.00"));
      assertThat(regions.location()).startsWith("s3://lake/warehouse/gold/regions");

      ProblemException missing =
          org.junit.jupiter.api.Assertions.assertThrows(
              ProblemException.class,
              () -> {
                try (Connection duck = engine.connect()) {
                  tables.load(duck, "gold.nothing");
                }
              });
      assertThat(missing.problems().get(0).code()).isEqualTo("FLOE-U044");
      canaries.assertAbsentFrom(
          new TextRenderer(missing.sources(), TextRenderer.Colour.PLAIN, Verbosity.DEBUG)
              .render(missing.problems()));
      canaries.assertAbsentFrom(tables.toString());
      canaries.assertAbsentFrom(engine.toString());

      List<CatalogRequest> requests = rest.requests();
      assertThat(rest.rejectedRequests()).isEmpty();
      assertThat(requests).isNotEmpty().allMatch(r -> r.tokenCheck() == TokenCheck.VALID);
    }
    assertThat(scratch).isEmptyDirectory();
  }

  @Test
  void aRefusedStorageKeyFailsTheWriteWithTheStorageProblemAndNoSecret() {
    String accessKey = canaries.next();
    String secretKey = canaries.next();
    Fixtures.secret(secrets, "catalog-secret", canaries.next());
    Fixtures.secret(
        secrets, "minio", Map.of("access_key_id", accessKey, "secret_access_key", canaries.next()));
    try (OAuth2Server oauth = OAuth2Server.builder().build().start();
        S3Server s3 =
            S3Server.builder().credentials(accessKey, secretKey).bucket("lake").build().start();
        RestCatalogServer rest =
            RestCatalogServer.builder()
                .requireTokensFrom(oauth)
                .s3Warehouse(s3, "lake")
                .build()
                .start();
        OpenedCatalog catalog =
            Catalogs.open(
                Fixtures.context(
                    Fixtures.restCatalog(
                        rest.uri().toString(),
                        "ingest",
                        "catalog-secret",
                        oauth.tokenEndpoint().toString()),
                    Fixtures.s3Storage(s3.endpoint().toString(), "lake", "minio"),
                    secrets,
                    project));
        ComputeEngine engine = Fixtures.duckDb(project, secrets);
        IcebergRunTables tables = IcebergRunTables.create(catalog, engine, scratch)) {
      assertThatThrownBy(() -> tables.writeRows("bronze.customers", Customer.class, customers(3)))
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> {
                String text =
                    new TextRenderer(e.sources(), TextRenderer.Colour.PLAIN, Verbosity.DEBUG)
                        .render(e.problems());
                assertThat(e.problems().get(0).code()).startsWith("FLOE-K12");
                canaries.assertAbsentFrom(text);
                canaries.assertAbsentFrom(e.toString());
              });
      assertThat(tables.schema("bronze.customers")).as("nothing committed").isEmpty();
    }
  }
}
