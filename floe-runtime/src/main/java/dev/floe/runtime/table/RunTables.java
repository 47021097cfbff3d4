package dev.floe.runtime.table;

import dev.floe.core.api.Api;
import java.sql.Connection;
import java.util.Optional;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * The table helpers of one run, shared by all its assets. Thread-safe: assets call it from several
 * threads, each with its own engine connection. Failures are {@link
 * dev.floe.core.diag.ProblemException}s with {@code FLOE-U04x} codes naming the table.
 */
@Api(status = Api.Status.INTERNAL)
public interface RunTables extends AutoCloseable {
  /** The Iceberg identifier of {@code table}: as given, or in the default namespace. */
  TableIdentifier identifier(String table);

  /**
   * Makes the Iceberg table readable through {@code engine} under the returned SQL name (its {@code
   * namespace.table}); a second call for the same table and snapshot reuses the first.
   */
  String load(Connection engine, String table);

  /** Runs {@code sql} on {@code engine} and replaces {@code table} with its result. */
  TableWrite writeQuery(Connection engine, String table, String sql);

  /** Replaces {@code table} with {@code rows}, one column per record component. */
  <T extends Record> TableWrite writeRows(String table, Class<T> type, Iterable<? extends T> rows);

  /** The current schema of {@code table}, when it exists. */
  Optional<Schema> schema(String table);

  /**
   * The schema of {@code table} as the last {@link #load} made it readable (the schema of the
   * snapshot read), without asking the catalog again; empty when this run has not loaded it.
   */
  Optional<Schema> loadedSchema(String table);

  /** Deletes scratch copies; never throws. */
  @Override
  void close();
}
