package dev.floe.testing.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.testing.oauth2.OAuth2Server;
import dev.floe.testing.s3.S3Server;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class S3WarehouseTest {

  private static final Schema SCHEMA =
      new Schema(Types.NestedField.required(1, "id", Types.LongType.get()));

  private static OAuth2Server oauth;
  private static S3Server s3;
  private static RestCatalogServer catalog;

  @BeforeAll
  static void start() {
    oauth = OAuth2Server.builder().build().start();
    s3 = S3Server.builder().credentials("lake-key", "lake-secret").build().start();
    catalog =
        RestCatalogServer.builder()
            .requireTokensFrom(oauth)
            .s3Warehouse(s3, "warehouse")
            .vendCredentials(
                Map.of("s3.access-key-id", "lake-key", "s3.secret-access-key", "lake-secret"))
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    catalog.close();
    s3.close();
    oauth.close();
  }

  private static RESTCatalog client(Map<String, String> extra) {
    Map<String, String> properties = catalog.clientProperties("writer", "secret");
    properties.putAll(extra);
    RESTCatalog client = new RESTCatalog();
    client.initialize("lake", properties);
    return client;
  }

  @Test
  void writesTableMetadataIntoTheBucket() throws Exception {
    String metadata;
    try (RESTCatalog client = client(Map.of())) {
      client.createNamespace(Namespace.of("bronze"));
      Table table = client.createTable(TableIdentifier.of("bronze", "orders"), SCHEMA);
      metadata = ((HasTableOperations) table).operations().current().metadataFileLocation();
    }

    assertThat(catalog.warehouseLocation()).isEqualTo("s3://warehouse/warehouse");
    assertThat(metadata).startsWith("s3://warehouse/warehouse/bronze/orders/metadata/");
    assertThat(s3.objectKeys("warehouse", "warehouse/bronze/orders/metadata/"))
        .singleElement()
        .satisfies(key -> assertThat("s3://warehouse/" + key).isEqualTo(metadata));
    assertThat(catalog.rejectedRequests()).isEmpty();
  }

  @Test
  void vendsStorageCredentialsToClientsThatAskAndTheyCanWrite() throws Exception {
    try (RESTCatalog client =
        client(Map.of("header.X-Iceberg-Access-Delegation", "vended-credentials"))) {
      client.createNamespace(Namespace.of("silver"));
      client.createTable(TableIdentifier.of("silver", "items"), SCHEMA);
      Table table = client.loadTable(TableIdentifier.of("silver", "items"));

      assertThat(table.io().properties())
          .containsEntry("s3.access-key-id", "lake-key")
          .containsEntry("s3.endpoint", s3.endpoint().toString());
      try (OutputStream out =
          table.io().newOutputFile(table.location() + "/data/probe.txt").create()) {
        out.write("written with vended credentials".getBytes(StandardCharsets.UTF_8));
      }
    }

    assertThat(s3.objectKeys("warehouse", "warehouse/silver/items/data/"))
        .containsExactly("warehouse/silver/items/data/probe.txt");
  }

  @Test
  void handsOutNoKeysToClientsThatDoNotAsk() {
    try (RESTCatalog client = client(Map.of())) {
      client.createNamespace(Namespace.of("gold"));
      client.createTable(TableIdentifier.of("gold", "t"), SCHEMA);
      Table table = client.loadTable(TableIdentifier.of("gold", "t"));

      assertThat(table.io().properties()).doesNotContainKey("s3.access-key-id");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
