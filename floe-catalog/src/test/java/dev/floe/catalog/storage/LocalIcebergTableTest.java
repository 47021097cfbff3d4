package dev.floe.catalog.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LocalFileIO} under Iceberg for real: a {@code JdbcCatalog} on a SQLite file, a warehouse
 * folder, Parquet data files, appends, reads and overwrites, with the relative paths of a local
 * profile resolved by {@link LocalPaths}.
 */
class LocalIcebergTableTest {
  private static final Schema SCHEMA =
      new Schema(
          Types.NestedField.required(1, "order_id", Types.LongType.get()),
          Types.NestedField.required(2, "customer", Types.StringType.get()),
          Types.NestedField.required(3, "total_amount", Types.DoubleType.get()),
          Types.NestedField.required(4, "created_at", Types.TimestampType.withZone()));
  private static final TableIdentifier ORDERS =
      TableIdentifier.of(Namespace.of("bronze"), "raw_orders");
  private static final OffsetDateTime T0 =
      OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  @TempDir Path project;

  private JdbcCatalog catalog() {
    Map<String, String> properties = new HashMap<>();
    properties.put(
        CatalogProperties.URI, LocalPaths.resolveJdbcUrl(project, "jdbc:sqlite:.floe/catalog.db"));
    properties.put(
        CatalogProperties.WAREHOUSE_LOCATION, LocalPaths.location(project, ".floe/warehouse"));
    properties.put(CatalogProperties.FILE_IO_IMPL, LocalFileIO.class.getName());
    properties.put("jdbc.schema-version", "V1");
    JdbcCatalog catalog = new JdbcCatalog();
    catalog.initialize("local", properties);
    return catalog;
  }

  @Test
  void appendsReadsAndOverwritesATableWithoutDuplicates() throws Exception {
    Files.createDirectories(project.resolve(".floe"));
    try (JdbcCatalog catalog = catalog()) {
      catalog.createNamespace(ORDERS.namespace());
      Table table = catalog.createTable(ORDERS, SCHEMA, PartitionSpec.unpartitioned());
      assertThat(table.io()).isInstanceOf(LocalFileIO.class);
      assertThat(table.location())
          .isEqualTo("file:" + project.resolve(".floe/warehouse/bronze/raw_orders"));

      table.newAppend().appendFile(writeOrders(table, "a", 0, 200)).commit();
      table.newAppend().appendFile(writeOrders(table, "b", 200, 150)).commit();

      assertThat(orderIds(table)).hasSize(350).doesNotHaveDuplicates();
      assertThat(sumOfAmounts(table)).isEqualTo(expectedSum(0, 350));
    }

    for (int run = 1; run <= 2; run++) {
      // A re-run replaces the contents: a fresh catalog (as a new process would open it).
      try (JdbcCatalog catalog = catalog()) {
        Table table = catalog.loadTable(ORDERS);
        table
            .newOverwrite()
            .overwriteByRowFilter(Expressions.alwaysTrue())
            .addFile(writeOrders(table, "run-" + run, 0, 300))
            .commit();
      }
    }

    try (JdbcCatalog catalog = catalog()) {
      Table table = catalog.loadTable(ORDERS);
      List<Long> ids = orderIds(table);
      assertThat(ids).hasSize(300).doesNotHaveDuplicates();
      assertThat(ids).containsExactlyInAnyOrderElementsOf(range(0, 300));
      assertThat(sumOfAmounts(table)).isEqualTo(expectedSum(0, 300));
      assertThat(table.currentSnapshot().summary())
          .containsEntry("total-records", "300")
          .containsEntry("total-data-files", "1");
      assertThat(parquetFiles(project.resolve(".floe/warehouse/bronze/raw_orders/data")))
          .as("every commit wrote its own data file; overwritten ones stay until expired")
          .hasSize(4);
      assertThat(temporaryFiles(project)).isEmpty();
    }
  }

  private static DataFile writeOrders(Table table, String batch, int first, int count)
      throws IOException {
    OutputFile file =
        table.io().newOutputFile(table.locationProvider().newDataLocation(batch + ".parquet"));
    DataWriter<Record> writer =
        Parquet.writeData(file)
            .forTable(table)
            .createWriterFunc(GenericParquetWriter::create)
            .overwrite()
            .build();
    try (writer) {
      for (int i = first; i < first + count; i++) {
        GenericRecord record = GenericRecord.create(table.schema());
        record.setField("order_id", (long) i);
        record.setField("customer", "customer-" + (i % 17));
        record.setField("total_amount", amount(i));
        record.setField("created_at", T0.plusMinutes(i));
        writer.write(record);
      }
    }
    return writer.toDataFile();
  }

  private static double amount(int i) {
    return (i % 100) + 0.25;
  }

  private static double expectedSum(int first, int count) {
    double sum = 0;
    for (int i = first; i < first + count; i++) {
      sum += amount(i);
    }
    return sum;
  }

  private static List<Long> range(int first, int count) {
    List<Long> ids = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      ids.add((long) i);
    }
    return ids;
  }

  private static List<Long> orderIds(Table table) throws IOException {
    List<Long> ids = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      for (Record record : records) {
        ids.add((Long) record.getField("order_id"));
        assertThat(record.getField("created_at"))
            .isEqualTo(T0.plusMinutes((Long) record.getField("order_id")));
      }
    }
    return ids;
  }

  private static double sumOfAmounts(Table table) throws IOException {
    double sum = 0;
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      for (Record record : records) {
        sum += (Double) record.getField("total_amount");
      }
    }
    return sum;
  }

  private static List<Path> parquetFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.toString().endsWith(".parquet")).toList();
    }
  }

  private static List<Path> temporaryFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(p -> p.toString().endsWith(LocalFileIO.TEMPORARY_SUFFIX)).toList();
    }
  }
}
