package dev.floe.runtime.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.model.AccessDelegation;
import dev.floe.core.model.CatalogProfile;
import dev.floe.core.model.CatalogType;
import dev.floe.core.model.Credentials;
import dev.floe.core.model.SecretRef;
import dev.floe.core.model.StorageProfile;
import dev.floe.core.model.StorageType;
import dev.floe.core.model.StringOrSecret;
import io.openlineage.client.utils.DatasetIdentifier;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatasetNamingTest {
  private static final Path PROJECT = Path.of("/work/project");

  private static CatalogProfile catalog(
      CatalogType type, Optional<StringOrSecret> uri, String warehouse) {
    return new CatalogProfile(
        type, uri, warehouse, "default", AccessDelegation.NONE, true, Map.of(), Credentials.NONE);
  }

  private static StorageProfile storage(
      StorageType type, Optional<String> bucket, Optional<String> path) {
    return new StorageProfile(
        type, Optional.empty(), Optional.of("us-east-1"), bucket, path, false, Credentials.NONE);
  }

  private static DatasetIdentifier name(
      CatalogProfile catalog, StorageProfile storage, String table) {
    CompiledArtifacts artifacts =
        TestArtifacts.artifacts(
            catalog, storage, TestArtifacts.observability(Optional.empty(), Optional.empty()));
    return DatasetNaming.of(artifacts, PROJECT).dataset(table);
  }

  @Test
  void localStorageNamesTheTableByItsAbsoluteLocation() {
    DatasetIdentifier id =
        name(
            catalog(CatalogType.JDBC, Optional.of(StringOrSecret.literal("jdbc:sqlite:c.db")), "w"),
            storage(StorageType.LOCAL, Optional.empty(), Optional.empty()),
            "silver.stg_orders");
    assertThat(id.getNamespace()).isEqualTo("file");
    assertThat(id.getName()).isEqualTo("/work/project/.floe/warehouse/silver/stg_orders");
  }

  @Test
  void s3StorageNamesTheBucketAndTheKey() {
    DatasetIdentifier id =
        name(
            catalog(
                CatalogType.JDBC,
                Optional.of(StringOrSecret.literal("jdbc:postgresql://db/c")),
                "/warehouse/"),
            storage(StorageType.S3, Optional.of("iceberg-data"), Optional.empty()),
            "a.b.t");
    assertThat(id.getNamespace()).isEqualTo("s3://iceberg-data");
    assertThat(id.getName()).isEqualTo("warehouse/a/b/t");
  }

  @Test
  void aWarehouseUriIsUsedAsWritten() {
    DatasetIdentifier id =
        name(
            catalog(CatalogType.GLUE, Optional.empty(), "s3://other/wh"),
            storage(StorageType.S3, Optional.of("iceberg-data"), Optional.empty()),
            "silver.t");
    assertThat(id.getNamespace()).isEqualTo("s3://other");
    assertThat(id.getName()).isEqualTo("wh/silver/t");
  }

  @Test
  void gcsStorageNamesTheBucket() {
    DatasetIdentifier id =
        name(
            catalog(
                CatalogType.NESSIE,
                Optional.of(StringOrSecret.literal("http://nessie:19120/api/v2")),
                ""),
            storage(StorageType.GCS, Optional.of("lake"), Optional.empty()),
            "silver.t");
    assertThat(id.getNamespace()).isEqualTo("gs://lake");
    assertThat(id.getName()).isEqualTo("silver/t");
  }

  @Test
  void unknownLocationsFallBackToTheCatalog() {
    DatasetIdentifier id =
        name(
            catalog(CatalogType.GLUE, Optional.empty(), "wh"),
            storage(StorageType.AZURE, Optional.of("container"), Optional.empty()),
            "silver.t");
    assertThat(id.getNamespace()).isEqualTo("iceberg://default");
    assertThat(id.getName()).isEqualTo("wh.silver.t");
  }

  @Test
  void restCatalogsNameByCatalogUriWithoutQuery() {
    DatasetIdentifier id =
        name(
            catalog(
                CatalogType.REST,
                Optional.of(StringOrSecret.literal("https://cat.example.com/api/?x=1#f")),
                "demo"),
            storage(StorageType.S3, Optional.of("b"), Optional.empty()),
            "silver.t");
    assertThat(id.getNamespace()).isEqualTo("https://cat.example.com/api");
    assertThat(id.getName()).isEqualTo("demo.silver.t");
  }

  @Test
  void aSecretCatalogUriIsNamedByItsSecret() {
    DatasetIdentifier id =
        name(
            catalog(CatalogType.POLARIS, Optional.of(new SecretRef("catalog-uri")), "demo"),
            storage(StorageType.S3, Optional.of("b"), Optional.empty()),
            "silver.t");
    assertThat(id.getNamespace()).isEqualTo("secret_ref:catalog-uri");
  }

  @Test
  void urlsAreGivenTheirApiPaths() {
    assertThat(ObservabilityOrchestrator.tracesUrl("http://c:4318"))
        .isEqualTo("http://c:4318/v1/traces");
    assertThat(ObservabilityOrchestrator.tracesUrl("http://c:4318/?t=1"))
        .isEqualTo("http://c:4318/v1/traces?t=1");
    assertThat(ObservabilityOrchestrator.tracesUrl("http://c/otlp/v1/traces"))
        .isEqualTo("http://c/otlp/v1/traces");
    assertThat(HttpLineageSink.lineageUri("http://m:5000").toString())
        .isEqualTo("http://m:5000/api/v1/lineage");
    assertThat(HttpLineageSink.lineageUri("http://m:5000/?k=v").toString())
        .isEqualTo("http://m:5000/api/v1/lineage?k=v");
    assertThat(HttpLineageSink.lineageUri("http://m/custom").toString())
        .isEqualTo("http://m/custom");
  }
}
