package dev.floe.runtime.observe;

import dev.floe.catalog.storage.LocalPaths;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.model.CatalogProfile;
import dev.floe.core.model.SecretRef;
import dev.floe.core.model.StorageProfile;
import dev.floe.core.model.StorageType;
import dev.floe.core.model.StringOrSecret;
import dev.floe.core.secret.ResolvedSetting;
import io.openlineage.client.utils.DatasetIdentifier;
import io.openlineage.client.utils.filesystem.FilesystemDatasetUtils;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names Iceberg tables as OpenLineage datasets, from the catalog and storage profiles of the
 * artifact (see docs/runtime-observability.md, "Dataset naming"):
 *
 * <ul>
 *   <li>Catalogs that place tables under a warehouse location ({@code jdbc}, {@code glue}, {@code
 *       nessie}, {@code hive}) name a table by its default location, like OpenLineage's own Iceberg
 *       integrations (Spark, Flink): the naming spec's storage rows, {@code file} with the absolute
 *       path for local storage, {@code s3://<bucket>} with the object key for S3;
 *   <li>REST catalogs ({@code polaris}, {@code rest}), where the server chooses the location, name
 *       a table by the catalog, like the spec's catalog rows (Unity Catalog): the namespace is the
 *       catalog URI, the name {@code <warehouse>.<namespace>.<table>}. A catalog URI given as a
 *       secret is never resolved here: the namespace is then {@code secret_ref:NAME}.
 * </ul>
 *
 * Thread-safe; names are computed once per table.
 */
final class DatasetNaming {
  /** The folder of local storage when the profile names none (as floe-catalog uses). */
  static final String DEFAULT_LOCAL_PATH = ".floe/warehouse";

  private final Map<String, DatasetIdentifier> byTable = new ConcurrentHashMap<>();
  private final Optional<String> location;
  private final String catalogNamespace;
  private final String warehouse;

  private DatasetNaming(Optional<String> location, String catalogNamespace, String warehouse) {
    this.location = location;
    this.catalogNamespace = catalogNamespace;
    this.warehouse = warehouse;
  }

  static DatasetNaming of(CompiledArtifacts artifacts, Path projectDir) {
    CatalogProfile catalog = artifacts.catalog().value();
    StorageProfile storage = artifacts.storage().value();
    String catalogNamespace =
        catalog
            .uri()
            .map(DatasetNaming::display)
            .orElse("iceberg://" + artifacts.catalog().profile());
    return switch (catalog.type()) {
      case POLARIS, REST ->
          new DatasetNaming(Optional.empty(), catalogNamespace, catalog.warehouse());
      default ->
          new DatasetNaming(
              warehouseLocation(catalog, storage, projectDir),
              catalogNamespace,
              catalog.warehouse());
    };
  }

  /** The written form of a catalog URI: the text itself, or {@code secret_ref:NAME}. */
  private static String display(StringOrSecret uri) {
    if (uri instanceof SecretRef ref) {
      return ResolvedSetting.Hidden.DISPLAY_PREFIX + ref.name();
    }
    String text = ((StringOrSecret.Literal) uri).value().strip();
    // Query and fragment are not part of the data source's identity (and may carry tokens).
    int cut = indexOfAny(text, '?', '#');
    text = cut < 0 ? text : text.substring(0, cut);
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  private static int indexOfAny(String text, char a, char b) {
    int i = text.indexOf(a);
    int j = text.indexOf(b);
    return i < 0 ? j : (j < 0 ? i : Math.min(i, j));
  }

  /** Where the catalog creates tables, as floe-catalog configures it; empty when unknown. */
  private static Optional<String> warehouseLocation(
      CatalogProfile catalog, StorageProfile storage, Path projectDir) {
    String written = catalog.warehouse().strip();
    if (storage.type() == StorageType.LOCAL) {
      try {
        return Optional.of(
            LocalPaths.location(projectDir, storage.path().orElse(DEFAULT_LOCAL_PATH)));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    if (written.contains("://")) {
      return Optional.of(written);
    }
    String scheme =
        switch (storage.type()) {
          case S3 -> "s3://";
          case GCS -> "gs://";
          default -> "";
        };
    if (scheme.isEmpty() || storage.bucket().isEmpty()) {
      return Optional.empty();
    }
    String prefix = written.replaceAll("^/+|/+$", "");
    return Optional.of(scheme + storage.bucket().get() + (prefix.isEmpty() ? "" : "/" + prefix));
  }

  /**
   * The dataset of the table {@code table} ({@code namespace.table}, possibly with nested
   * namespaces).
   */
  DatasetIdentifier dataset(String table) {
    return byTable.computeIfAbsent(table, this::name);
  }

  private DatasetIdentifier name(String table) {
    if (location.isPresent()) {
      String path = String.join("/", Arrays.asList(table.split("\\.")));
      try {
        return FilesystemDatasetUtils.fromLocation(URI.create(location.get() + "/" + path));
      } catch (IllegalArgumentException e) {
        // Not a URI (spaces in a path): fall back to the catalog's naming.
      }
    }
    return new DatasetIdentifier(warehouse + "." + table, catalogNamespace);
  }
}
