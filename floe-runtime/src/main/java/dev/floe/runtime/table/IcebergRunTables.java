package dev.floe.runtime.table;

import static java.util.Objects.requireNonNull;

import dev.floe.catalog.OpenedCatalog;
import dev.floe.core.api.Api;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.model.ComputeType;
import dev.floe.runtime.compute.ComputeEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ManifestWriter;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.types.Types;
import org.jspecify.annotations.Nullable;

/**
 * The table helpers of a run on an opened Iceberg catalog and a compute engine.
 *
 * <p><b>Reading.</b> With DuckDB, {@link #load} makes the table's current snapshot readable as
 * {@code namespace.table} (see {@link DuckDbLoader}: local files in place, remote files copied
 * once, delete files applied by Iceberg's reader); a second load of the same snapshot does nothing,
 * and a table this run wrote whose current snapshot is still the one it committed is read from the
 * data files of that write without planning a scan. With any other engine, {@code load} checks that
 * the table exists and returns its name without moving data: a PostgreSQL, Trino, Snowflake or
 * Redshift engine reads its own tables (for Trino and Snowflake, the same Iceberg tables through
 * their own Iceberg connectors).
 *
 * <p><b>Writing.</b> {@link #writeQuery} and {@link #writeRows} write Parquet files with Iceberg's
 * generic writer through the table's own FileIO (so vended credentials apply) and commit
 * create-or-replace in one transaction: a run that writes a table again replaces its rows. The
 * namespace is created when missing.
 *
 * <p>Thread-safe: loads of one table are serialized, loads of different tables run in parallel.
 */
@Api(status = Api.Status.INTERNAL)
public final class IcebergRunTables implements RunTables {
  private final OpenedCatalog opened;
  private final ComputeEngine engine;
  private final Path scratch;
  private final DuckDbLoader loader;
  private final Map<TableIdentifier, Object> locks = new ConcurrentHashMap<>();
  private final Map<TableIdentifier, Long> loaded = new ConcurrentHashMap<>();
  private final Map<TableIdentifier, Schema> loadedSchemas = new ConcurrentHashMap<>();
  private final Map<TableIdentifier, Written> written = new ConcurrentHashMap<>();
  private final AtomicLong loads = new AtomicLong();
  private final AtomicLong copies = new AtomicLong();

  private IcebergRunTables(OpenedCatalog opened, ComputeEngine engine, Path scratch) {
    this.opened = opened;
    this.engine = engine;
    this.scratch = scratch;
    this.loader = new DuckDbLoader(scratch);
  }

  /**
   * Table helpers over {@code catalog} and {@code engine}.
   *
   * @param catalog the run's catalog; not closed by this object
   * @param engine the run's compute engine; not closed by this object
   * @param scratch a folder for copies of remote data files, created when needed and deleted by
   *     {@link #close()}; the run's own, not shared with another run
   */
  public static IcebergRunTables create(OpenedCatalog catalog, ComputeEngine engine, Path scratch) {
    requireNonNull(catalog, "catalog");
    requireNonNull(engine, "engine");
    requireNonNull(scratch, "scratch");
    return new IcebergRunTables(
        catalog, engine, scratch.toAbsolutePath().resolve("tables-" + UUID.randomUUID()));
  }

  @Override
  public TableIdentifier identifier(String table) {
    requireNonNull(table, "table");
    return TableNames.identifier(table, opened.defaultNamespace());
  }

  @Override
  public String load(Connection engineConnection, String table) {
    requireNonNull(engineConnection, "engine");
    TableIdentifier id = identifier(table);
    if (engine.type() != ComputeType.DUCKDB) {
      loadedSchemas.put(id, loadTable(id).schema());
      return TableNames.sql(id);
    }
    synchronized (locks.computeIfAbsent(id, key -> new Object())) {
      Table current = loadTable(id);
      Optional<Snapshot> snapshot = Optional.ofNullable(current.currentSnapshot());
      loadedSchemas.put(id, DuckDbLoader.readSchema(current, snapshot));
      long key = snapshot.map(Snapshot::snapshotId).orElse(-1L);
      Written mine = written.get(id);
      if (mine != null && mine.snapshotId() == key && loadWritten(engineConnection, id, mine)) {
        return TableNames.sql(id);
      }
      Long done = loaded.get(id);
      if (done != null && done == key) {
        return TableNames.sql(id);
      }
      try {
        loader.load(engineConnection, id, current, snapshot);
      } catch (SQLException e) {
        throw TableProblems.notReadable(id, engine.profile(), TableProblems.reason(e), e);
      } catch (IOException | RuntimeException e) {
        if (e instanceof ProblemException problem) {
          throw problem;
        }
        throw TableProblems.notReadable(id, engine.profile(), TableProblems.reason(e), e);
      }
      loaded.put(id, key);
      loads.incrementAndGet();
      return TableNames.sql(id);
    }
  }

  /**
   * A table this run wrote and nobody changed since, made readable from the files of its write
   * without planning a scan; {@code false} when its files are not local.
   */
  private boolean loadWritten(Connection connection, TableIdentifier id, Written mine) {
    Long done = loaded.get(id);
    if (done != null && done == mine.snapshotId()) {
      return true;
    }
    try {
      if (!loader.loadWritten(connection, id, mine.schema(), mine.files())) {
        return false;
      }
    } catch (SQLException e) {
      throw TableProblems.notReadable(id, engine.profile(), TableProblems.reason(e), e);
    }
    loaded.put(id, mine.snapshotId());
    loads.incrementAndGet();
    return true;
  }

  /** What a write of this run committed: its snapshot, schema and data files. */
  private record Written(long snapshotId, Schema schema, List<String> files) {}

  /** How many query writes took DuckDB's COPY path. */
  long copyWriteCount() {
    return copies.get();
  }

  /** How many loads moved data or created a view; a cached load does not count. */
  long loadCount() {
    return loads.get();
  }

  @Override
  public TableWrite writeQuery(Connection engineConnection, String table, String sql) {
    requireNonNull(engineConnection, "engine");
    requireNonNull(sql, "sql");
    TableIdentifier id = identifier(table);
    try {
      if (engine.type() == ComputeType.DUCKDB
          && engineConnection.isWrapperFor(org.duckdb.DuckDBConnection.class)) {
        Optional<List<QueryColumns.Column>> probed = probe(engineConnection, id, sql);
        if (probed.isPresent()) {
          List<QueryColumns.Column> columns = probed.get();
          return replace(
              id,
              QueryColumns.schema(columns),
              (target, writer) -> {
                if (DuckDbCopy.castable(target)) {
                  try {
                    DuckDbCopy.write(engineConnection, sql, target, writer, scratch);
                    copies.incrementAndGet();
                    return;
                  } catch (SQLException e) {
                    // Written the slow way below, which names the row and column that failed.
                  }
                }
                streamQuery(engineConnection, id, sql, target, writer);
              });
        }
      }
      try (Statement statement = engineConnection.createStatement();
          ResultSet rows = execute(statement, id, sql)) {
        List<QueryColumns.Column> columns = QueryColumns.of(id, rows.getMetaData());
        return replace(
            id,
            QueryColumns.schema(columns),
            (target, writer) -> writeResult(id, rows, columns, target, writer));
      }
    } catch (SQLException e) {
      throw TableProblems.queryFailed(id, engine.profile(), TableProblems.reason(e), e);
    }
  }

  /**
   * The columns of {@code sql}'s result from DuckDB's prepared statement, without running it; empty
   * when it cannot be prepared (the plain path then runs it and reports its error).
   */
  private static Optional<List<QueryColumns.Column>> probe(
      Connection connection, TableIdentifier id, String sql) {
    try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
      java.sql.ResultSetMetaData meta = statement.getMetaData();
      return meta == null ? Optional.empty() : Optional.of(QueryColumns.of(id, meta));
    } catch (SQLException e) {
      // Not usable as a subquery (or failing): the plain path runs it and reports its error.
      return Optional.empty();
    }
  }

  private ResultSet execute(Statement statement, TableIdentifier id, String sql) {
    try {
      return statement.executeQuery(sql);
    } catch (SQLException e) {
      throw TableProblems.queryFailed(id, engine.profile(), TableProblems.reason(e), e);
    }
  }

  private void streamQuery(
      Connection connection, TableIdentifier id, String sql, Schema target, DataFileWriter writer)
      throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = execute(statement, id, sql)) {
      writeResult(id, rows, QueryColumns.of(id, rows.getMetaData()), target, writer);
    }
  }

  private static void writeResult(
      TableIdentifier id,
      ResultSet rows,
      List<QueryColumns.Column> columns,
      Schema target,
      DataFileWriter writer)
      throws SQLException {
    long row = 0;
    List<Types.NestedField> fields = target.columns();
    while (rows.next()) {
      row++;
      GenericRecord record = GenericRecord.create(target);
      for (int i = 0; i < columns.size(); i++) {
        Object value = columns.get(i).reader().read(rows, i + 1);
        record.set(i, Values.fit(id, fields.get(i), value, row));
      }
      writer.write(record);
    }
  }

  @Override
  public <T extends Record> TableWrite writeRows(
      String table, Class<T> type, Iterable<? extends T> rows) {
    requireNonNull(type, "type");
    requireNonNull(rows, "rows");
    TableIdentifier id = identifier(table);
    List<RecordColumns.Column> columns = RecordColumns.of(id, type);
    try {
      return replace(
          id,
          RecordColumns.schema(columns),
          (target, writer) -> {
            long row = 0;
            List<Types.NestedField> fields = target.columns();
            for (T item : rows) {
              row++;
              if (item == null) {
                throw TableProblems.writeFailed(
                    id, "row " + row + " is null", "leave null rows out of the rows given");
              }
              GenericRecord record = GenericRecord.create(target);
              for (int i = 0; i < columns.size(); i++) {
                Object value = RecordColumns.value(columns.get(i), item);
                record.set(i, Values.fit(id, fields.get(i), value, row));
              }
              writer.write(record);
            }
          });
    } catch (SQLException e) {
      throw new IllegalStateException("records do not read from SQL", e);
    }
  }

  /** Writes rows into a new data file set of a table being created or replaced. */
  private interface RowSource {
    void writeTo(Schema target, DataFileWriter writer) throws SQLException;
  }

  private TableWrite replace(TableIdentifier id, Schema schema, RowSource rows)
      throws SQLException {
    Catalog catalog = opened.catalog();
    Transaction transaction;
    try {
      createNamespace(id.namespace());
      transaction =
          catalog
              .buildTable(id, schema)
              .withPartitionSpec(PartitionSpec.unpartitioned())
              .createOrReplaceTransaction();
    } catch (ValidationException | IllegalArgumentException e) {
      throw TableProblems.writeFailed(
          id, TableProblems.reason(e), "check the column names and types of the result", e);
    } catch (RuntimeException e) {
      if (e instanceof ProblemException problem) {
        throw problem;
      }
      throw opened.problem(e);
    }
    Table staged = transaction.table();
    DataFileWriter writer = new DataFileWriter(staged);
    boolean committed = false;
    @Nullable ManifestFile manifest = null;
    try {
      try (writer) {
        rows.writeTo(staged.schema(), writer);
      }
      AppendFiles append = transaction.newAppend().scanManifestsWith(InlineExecutor.INSTANCE);
      if (!writer.files().isEmpty()) {
        manifest = manifestOf(staged, writer.files());
        append.appendManifest(manifest);
      }
      append.commit();
      Snapshot snapshot = staged.currentSnapshot();
      transaction.commitTransaction();
      committed = true;
      long snapshotId = snapshot == null ? -1L : snapshot.snapshotId();
      written.put(
          id,
          new Written(
              snapshotId,
              staged.schema(),
              writer.files().stream().map(DataFile::location).toList()));
      return new TableWrite(id, writer.rows(), staged.schema(), snapshotId, staged.location());
    } catch (CommitFailedException | ValidationException e) {
      throw TableProblems.writeFailed(
          id,
          "the catalog refused the commit: " + TableProblems.reason(e),
          "another writer may have changed the table at the same time; run again",
          e);
    } catch (java.io.UncheckedIOException e) {
      Optional<Throwable> storage = storageFailure(e);
      if (storage.isPresent()) {
        throw opened.problem(storage.get());
      }
      throw TableProblems.writeFailed(
          id,
          "a data file could not be written: " + TableProblems.reason(e),
          "check that the storage profile's credentials may write the table's location "
              + staged.location(),
          e);
    } catch (ProblemException e) {
      throw e;
    } catch (RuntimeException e) {
      throw opened.problem(storageFailure(e).orElse(e));
    } finally {
      if (!committed) {
        writer.abort();
        if (manifest != null) {
          deleteQuietly(staged, manifest.path());
        }
      }
    }
  }

  /**
   * The manifest of a write's data files, written on this thread. Handing Iceberg the data files
   * one by one makes it write their manifest on its worker pool, and its wait for that pool polls
   * with {@code Thread.sleep(10)}: 10–20 ms of every small table's commit spent asleep. A manifest
   * without a snapshot id is taken as it is (the snapshot id is inherited, format 2 and later) or
   * copied by the append on this thread (format 1).
   */
  private static ManifestFile manifestOf(Table staged, List<DataFile> files) {
    TableOperations operations = ((HasTableOperations) staged).operations();
    OutputFile out =
        staged
            .io()
            .newOutputFile(
                operations.metadataFileLocation("floe-" + UUID.randomUUID() + "-m0.avro"));
    ManifestWriter<DataFile> manifest =
        ManifestFiles.write(operations.current().formatVersion(), staged.spec(), out, null);
    try (manifest) {
      for (DataFile file : files) {
        manifest.add(file);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return manifest.toManifestFile();
  }

  private static void deleteQuietly(Table table, String location) {
    try {
      table.io().deleteFile(location);
    } catch (RuntimeException e) {
      // An unreferenced metadata file: harmless, and the write's own failure is what matters.
    }
  }

  /** The AWS SDK failure behind {@code e}, which the catalog describes as a storage problem. */
  private static Optional<Throwable> storageFailure(Throwable e) {
    Throwable current = e;
    for (int depth = 0; current != null && depth < 8; depth++) {
      if (current instanceof software.amazon.awssdk.core.exception.SdkException) {
        return Optional.of(current);
      }
      current = current.getCause();
    }
    return Optional.empty();
  }

  // One at a time within a run: assets writing tables of a new namespace in parallel would race
  // (the JDBC catalog reports the loser as a constraint violation, not as AlreadyExists).
  private synchronized void createNamespace(Namespace namespace) {
    if (namespace.isEmpty() || !(opened.catalog() instanceof SupportsNamespaces namespaces)) {
      return;
    }
    if (!namespaces.namespaceExists(namespace)) {
      try {
        namespaces.createNamespace(namespace);
      } catch (AlreadyExistsException e) {
        // Another process created it at the same time.
      } catch (RuntimeException e) {
        if (!namespaces.namespaceExists(namespace)) {
          throw e;
        }
      }
    }
  }

  @Override
  public Optional<Schema> schema(String table) {
    TableIdentifier id = identifier(table);
    try {
      return Optional.of(opened.catalog().loadTable(id).schema());
    } catch (NoSuchTableException e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      throw opened.problem(e);
    }
  }

  @Override
  public Optional<Schema> loadedSchema(String table) {
    return Optional.ofNullable(loadedSchemas.get(identifier(table)));
  }

  private Table loadTable(TableIdentifier id) {
    try {
      return opened.catalog().loadTable(id);
    } catch (NoSuchTableException e) {
      throw TableProblems.notFound(id, opened.profile(), e);
    } catch (RuntimeException e) {
      throw opened.problem(e);
    }
  }

  @Override
  public void close() {
    try {
      if (Files.exists(scratch)) {
        DuckDbLoader.deleteTree(scratch);
      }
    } catch (RuntimeException e) {
      // Scratch space only; close() never throws.
    }
  }

  @Override
  public String toString() {
    return "IcebergRunTables[" + opened + ", " + engine + "]";
  }
}
