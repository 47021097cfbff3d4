package dev.floe.runtime.table;

import dev.floe.core.diag.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;

/**
 * Makes one snapshot of an Iceberg table readable in DuckDB, in the cheapest way that is correct:
 *
 * <ul>
 *   <li>no snapshot or no data files: an empty table with the Iceberg schema's columns;
 *   <li>delete files: the rows read by Iceberg's generic reader (deletes applied), written to one
 *       scratch Parquet file, then copied into a DuckDB table;
 *   <li>local Parquet files only: a view over the files in place;
 *   <li>otherwise (S3, any remote FileIO): the files copied into the scratch folder through the
 *       table's FileIO, then into a DuckDB table, and the copies deleted.
 * </ul>
 *
 * <p>Files are read by Parquet field id with DuckDB's {@code read_parquet(…, schema=…)}, so that
 * renamed and added columns read as Iceberg reads them; a table with a name mapping (files without
 * field ids) is read by column name.
 */
final class DuckDbLoader {
  /** How a table was made readable, for the tests and the run's debug log. */
  enum Method {
    EMPTY,
    VIEW,
    COPY,
    READER
  }

  private final Path scratch;
  private final Set<String> schemas = ConcurrentHashMap.newKeySet();

  DuckDbLoader(Path scratch) {
    this.scratch = scratch;
  }

  Method load(Connection connection, TableIdentifier id, Table table, Optional<Snapshot> snapshot)
      throws SQLException, IOException {
    Schema schema = readSchema(table, snapshot);
    List<String> files = new ArrayList<>();
    boolean deletes = false;
    if (snapshot.isPresent()) {
      Set<String> paths = new LinkedHashSet<>();
      try (CloseableIterable<FileScanTask> tasks =
          table.newScan().useSnapshot(snapshot.get().snapshotId()).planFiles()) {
        for (FileScanTask task : tasks) {
          paths.add(task.file().location());
          deletes |= !task.deletes().isEmpty();
        }
      }
      files.addAll(paths);
    }
    String target = TableNames.quoted(id);
    boolean byName = table.properties().containsKey(TableProperties.DEFAULT_NAME_MAPPING);
    if (files.isEmpty()) {
      replaceable(connection, id);
      execute(connection, "CREATE TABLE " + target + " (" + columns(id, schema) + ")");
      return Method.EMPTY;
    }
    if (deletes) {
      replaceable(connection, id);
      Path folder = Files.createTempDirectory(scratchFolder(), "read-");
      try {
        Path file = folder.resolve("rows.parquet");
        writeRows(table, snapshot.get(), schema, file);
        execute(
            connection,
            "CREATE TABLE "
                + target
                + " AS "
                + select(id, byName, schema, List.of(file.toString())));
      } finally {
        deleteTree(folder);
      }
      return Method.READER;
    }
    if (view(connection, id, schema, files, byName)) {
      return Method.VIEW;
    }
    replaceable(connection, id);
    Path folder = Files.createTempDirectory(scratchFolder(), "copy-");
    try {
      List<String> copies = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        Path copy = folder.resolve(String.format("%05d.parquet", i));
        copy(table.io().newInputFile(files.get(i)), copy);
        copies.add(copy.toString());
      }
      execute(connection, "CREATE TABLE " + target + " AS " + select(id, byName, schema, copies));
    } finally {
      deleteTree(folder);
    }
    return Method.COPY;
  }

  /**
   * Makes a table this run wrote readable from the data files the write produced, without asking
   * the catalog: a view when they are local files, nothing otherwise.
   *
   * @return whether the table is readable now
   */
  boolean loadWritten(Connection connection, TableIdentifier id, Schema schema, List<String> files)
      throws SQLException {
    if (files.isEmpty()) {
      replaceable(connection, id);
      execute(
          connection, "CREATE TABLE " + TableNames.quoted(id) + " (" + columns(id, schema) + ")");
      return true;
    }
    return view(connection, id, schema, files, false);
  }

  /** A view over the files in place when they are all local files; {@code false} otherwise. */
  private boolean view(
      Connection connection, TableIdentifier id, Schema schema, List<String> files, boolean byName)
      throws SQLException {
    List<Path> local = files.stream().map(LocalFiles::path).flatMap(Optional::stream).toList();
    if (local.size() != files.size() || !local.stream().allMatch(Files::isRegularFile)) {
      return false;
    }
    List<String> names = local.stream().map(Path::toString).toList();
    String view = " VIEW " + TableNames.quoted(id) + " AS " + select(id, byName, schema, names);
    ensureSchema(connection, TableNames.schema(id));
    try {
      // One statement in the usual case: no view yet, or this table's view from an earlier load.
      execute(connection, "CREATE OR REPLACE" + view);
    } catch (SQLException e) {
      // A table of that name (an earlier copy): dropped, then the view made afresh.
      replaceable(connection, id);
      execute(connection, "CREATE" + view);
    }
    return true;
  }

  private Path scratchFolder() throws IOException {
    return Files.createDirectories(scratch);
  }

  /** The schema reading {@code snapshot} returns; the table's for a table without a snapshot. */
  static Schema readSchema(Table table, Optional<Snapshot> snapshot) {
    return snapshot.isPresent() ? schemaOf(table, snapshot.get()) : table.schema();
  }

  private static Schema schemaOf(Table table, Snapshot snapshot) {
    Integer schemaId = snapshot.schemaId();
    if (schemaId != null && table.schemas().containsKey(schemaId)) {
      return table.schemas().get(schemaId);
    }
    return table.schema();
  }

  /** Creates {@code schema} in DuckDB unless this run did already. */
  private void ensureSchema(Connection connection, String schema) throws SQLException {
    if (!schemas.contains(schema)) {
      synchronized (DuckDbLoader.class) {
        // Two connections creating one schema at once conflict in DuckDB: one at a time.
        execute(connection, "CREATE SCHEMA IF NOT EXISTS " + TableNames.quote(schema));
      }
      schemas.add(schema);
    }
  }

  /** Creates the schema and drops whatever {@code id} names in DuckDB now (table or view). */
  private void replaceable(Connection connection, TableIdentifier id) throws SQLException {
    String schema = TableNames.schema(id);
    ensureSchema(connection, schema);
    String kind = null;
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT table_type FROM information_schema.tables"
                + " WHERE table_schema = ? AND table_name = ?")) {
      query.setString(1, schema);
      query.setString(2, id.name());
      try (ResultSet rows = query.executeQuery()) {
        if (rows.next()) {
          kind = rows.getString(1);
        }
      }
    }
    if ("VIEW".equalsIgnoreCase(kind)) {
      execute(connection, "DROP VIEW " + TableNames.quoted(id));
    } else if (kind != null) {
      execute(connection, "DROP TABLE " + TableNames.quoted(id));
    }
  }

  private static String columns(TableIdentifier id, Schema schema) {
    return DuckDbTypes.columns(schema.asStruct(), field -> duckType(id, field));
  }

  private static String duckType(TableIdentifier id, Types.NestedField field) {
    return DuckDbTypes.of(field.type())
        .orElseThrow(
            () ->
                new ProblemException(
                    dev.floe.core.diag.Problem.error(
                            dev.floe.runtime.RuntimeCode.U047,
                            "Cannot make table '"
                                + TableNames.display(id)
                                + "' readable by DuckDB: column '"
                                + field.name()
                                + "' has the Iceberg type "
                                + field.type()
                                + ", which DuckDB cannot read")
                        .hint("read the table with the Iceberg API (inject Catalog) instead")
                        .build()));
  }

  /** {@code SELECT * FROM read_parquet([...])}, by field id unless the table maps names. */
  private static String select(
      TableIdentifier id, boolean byName, Schema schema, List<String> files) {
    String list =
        files.stream().map(DuckDbLoader::literal).collect(Collectors.joining(", ", "[", "]"));
    if (byName) {
      return "SELECT "
          + schema.columns().stream()
              .map(f -> TableNames.quote(f.name()))
              .collect(Collectors.joining(", "))
          + " FROM read_parquet("
          + list
          + ", union_by_name = true)";
    }
    String byId =
        schema.columns().stream()
            .map(
                f ->
                    f.fieldId()
                        + ": {name: "
                        + literal(f.name())
                        + ", type: "
                        + literal(duckType(id, f))
                        + ", default_value: NULL}")
            .collect(Collectors.joining(", ", "MAP {", "}"));
    return "SELECT * FROM read_parquet(" + list + ", schema = " + byId + ")";
  }

  private static void writeRows(Table table, Snapshot snapshot, Schema schema, Path file)
      throws IOException {
    DataWriter<Record> writer =
        Parquet.writeData(org.apache.iceberg.Files.localOutput(file.toFile()))
            .schema(schema)
            .withSpec(org.apache.iceberg.PartitionSpec.unpartitioned())
            .createWriterFunc(GenericParquetWriter::create)
            .overwrite()
            .build();
    try (writer;
        CloseableIterable<Record> rows =
            IcebergGenerics.read(table)
                .useSnapshot(snapshot.snapshotId())
                .project(schema)
                .build()) {
      for (Record row : rows) {
        writer.write(row);
      }
    }
  }

  private static void copy(InputFile source, Path target) throws IOException {
    try (InputStream in = source.newStream()) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  static void deleteTree(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (var walk = Files.walk(folder)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      // Scratch space: a leftover file is removed with the run's scratch folder.
    }
  }
}
