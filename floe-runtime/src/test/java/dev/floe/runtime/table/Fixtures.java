package dev.floe.runtime.table;

import dev.floe.catalog.CatalogContext;
import dev.floe.catalog.Catalogs;
import dev.floe.catalog.OpenedCatalog;
import dev.floe.core.compile.CompiledArtifacts.Resolved;
import dev.floe.core.model.AccessDelegation;
import dev.floe.core.model.CatalogProfile;
import dev.floe.core.model.CatalogType;
import dev.floe.core.model.ComputeProfile;
import dev.floe.core.model.ComputeType;
import dev.floe.core.model.Credentials;
import dev.floe.core.model.SecretRef;
import dev.floe.core.model.StorageProfile;
import dev.floe.core.model.StorageType;
import dev.floe.core.model.StringOrSecret;
import dev.floe.core.secret.SecretResolver;
import dev.floe.runtime.compute.ComputeEngine;
import dev.floe.runtime.compute.ComputeEngines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/** Compiled profiles, opened catalogs and engines for the table tests, as a run would have them. */
final class Fixtures {
  private Fixtures() {}

  static SecretResolver secrets(Path folder) {
    return new SecretResolver(Map.of(), folder, List.of());
  }

  /** The embedded local profile: a SQLite catalog and local storage under {@code project}. */
  static OpenedCatalog localCatalog(Path project, Path secrets) {
    CatalogProfile catalog =
        new CatalogProfile(
            CatalogType.JDBC,
            Optional.of(StringOrSecret.literal("jdbc:sqlite:.floe/catalog.db")),
            "demo",
            "demo",
            AccessDelegation.NONE,
            true,
            Map.of(),
            Credentials.NONE);
    StorageProfile storage =
        new StorageProfile(
            StorageType.LOCAL,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(".floe/warehouse"),
            false,
            Credentials.NONE);
    return Catalogs.open(context(catalog, storage, secrets, project));
  }

  static CatalogContext context(
      CatalogProfile catalog, StorageProfile storage, Path secrets, Path project) {
    return new CatalogContext(
        new Resolved<>("default", catalog),
        new Resolved<>("default", storage),
        secrets(secrets),
        project,
        Clock.systemUTC(),
        Map.of(),
        CatalogContext.DEFAULT_REQUEST_TIMEOUT);
  }

  static CatalogProfile restCatalog(String uri, String clientId, String secretName, String tokens) {
    return new CatalogProfile(
        CatalogType.REST,
        Optional.of(StringOrSecret.literal(uri)),
        "demo",
        "demo",
        AccessDelegation.NONE,
        true,
        Map.of(),
        new Credentials.OAuth2(
            StringOrSecret.literal(clientId),
            new SecretRef(secretName),
            Optional.of("PRINCIPAL_ROLE:ALL"),
            Optional.of(tokens),
            Optional.empty()));
  }

  static StorageProfile s3Storage(String endpoint, String bucket, String secretName) {
    return new StorageProfile(
        StorageType.S3,
        Optional.of(StringOrSecret.literal(endpoint)),
        Optional.of("us-east-1"),
        Optional.of(bucket),
        Optional.empty(),
        true,
        new Credentials.Static(Optional.of(new SecretRef(secretName))));
  }

  /** An in-memory DuckDB engine. */
  static ComputeEngine duckDb(Path project, Path secrets) {
    return ComputeEngines.open(
        new Resolved<>(
            "default", new ComputeProfile(ComputeType.DUCKDB, Map.of(), Credentials.NONE)),
        secrets(secrets),
        project);
  }

  static void secret(Path root, String name, String value) {
    write(root.resolve(name), value);
  }

  static void secret(Path root, String name, Map<String, String> keys) {
    keys.forEach((key, value) -> write(root.resolve(name).resolve(key), value));
  }

  private static void write(Path file, String value) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, value + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every row of the table's current snapshot, read with Iceberg's generic reader. */
  static List<Record> rows(Table table) {
    List<Record> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      for (Record record : records) {
        rows.add(record.copy());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
