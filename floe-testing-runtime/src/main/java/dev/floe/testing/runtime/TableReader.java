package dev.floe.testing.runtime;

import dev.floe.catalog.Catalogs;
import dev.floe.catalog.OpenedCatalog;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.secret.SecretResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;
import org.jspecify.annotations.Nullable;

/**
 * Reads tables of a compiled project through the Iceberg API. The catalog is opened for each read
 * and closed after it, so that a read sees what the last run committed and no catalog connection
 * outlives the read (the SQLite file of the local platform stays free for the next run).
 */
final class TableReader {
  private final CompiledArtifacts artifacts;
  private final Path projectDir;
  private final SecretResolver secrets;

  TableReader(CompiledArtifacts artifacts, Path projectDir, SecretResolver secrets) {
    this.artifacts = artifacts;
    this.projectDir = projectDir;
    this.secrets = secrets;
  }

  /** {@code orders → tests.orders}: a name without a namespace is in the catalog profile's. */
  String qualify(String table) {
    if (table.isBlank()) {
      throw new IllegalArgumentException("table name must not be blank");
    }
    return table.indexOf('.') < 0 ? artifacts.catalog().value().namespace() + "." + table : table;
  }

  /** The table's contents now, or that it is missing. */
  TableContents read(String table) {
    String name = qualify(table);
    try (OpenedCatalog opened =
        Catalogs.open(artifacts.catalog(), artifacts.storage(), secrets, projectDir)) {
      Catalog catalog = opened.catalog();
      TableIdentifier id = TableIdentifier.parse(name);
      if (!catalog.tableExists(id)) {
        return TableContents.missing(name, tables(catalog));
      }
      Table loaded = catalog.loadTable(id);
      Schema schema = loaded.schema();
      List<String> columns = schema.columns().stream().map(Types.NestedField::name).toList();
      List<Map<String, @Nullable Object>> rows = new ArrayList<>();
      try (CloseableIterable<Record> records = IcebergGenerics.read(loaded).build()) {
        for (Record r : records) {
          Map<String, @Nullable Object> row = new LinkedHashMap<>();
          for (String column : columns) {
            row.put(column, r.getField(column));
          }
          rows.add(row);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read table " + name, e);
      }
      return TableContents.of(name, columns, rows);
    }
  }

  private static List<String> tables(Catalog catalog) {
    List<String> names = new ArrayList<>();
    if (catalog instanceof SupportsNamespaces namespaces) {
      for (Namespace ns : namespaces.listNamespaces()) {
        for (TableIdentifier id : catalog.listTables(ns)) {
          names.add(id.toString());
        }
      }
    }
    names.sort(null);
    return names;
  }
}
