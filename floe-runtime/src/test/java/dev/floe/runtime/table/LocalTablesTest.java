package dev.floe.runtime.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.catalog.OpenedCatalog;
import dev.floe.core.diag.ProblemException;
import dev.floe.runtime.AssetContext;
import dev.floe.runtime.compute.ComputeEngine;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.deletes.PositionDelete;
import org.apache.iceberg.deletes.PositionDeleteWriter;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded profile end to end: a SQLite JDBC catalog, local storage and in-memory DuckDB —
 * records written, loaded in place, transformed by a query and read back with Iceberg's reader.
 */
class LocalTablesTest {
  record Order(
      long orderId,
      String customer,
      @AssetContext.Decimal(precision = 10, scale = 2) BigDecimal amount,
      LocalDate day,
      LocalDateTime createdAt,
      Instant paidAt,
      @Nullable Integer quantity,
      boolean shipped) {}

  @TempDir Path project;
  @TempDir Path secrets;
  @TempDir Path scratch;

  private OpenedCatalog catalog;
  private ComputeEngine engine;
  private IcebergRunTables tables;

  @BeforeEach
  void open() {
    catalog = Fixtures.localCatalog(project, secrets);
    engine = Fixtures.duckDb(project, secrets);
    tables = IcebergRunTables.create(catalog, engine, scratch);
  }

  @AfterEach
  void close() {
    tables.close();
    engine.close();
    catalog.close();
  }

  private static List<Order> orders(int count) {
    List<Order> orders = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      orders.add(
          new Order(
              i,
              "customer-" + (i % 3),
              new BigDecimal(i + ".25"),
              LocalDate.of(2026, 1, 1).plusDays(i),
              LocalDateTime.of(2026, 1, 1, 12, 0).plusMinutes(i),
              Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i),
              i % 2 == 0 ? null : i,
              i % 2 == 0));
    }
    return orders;
  }

  @Test
  void writesRecordsLoadsThemInPlaceAndWritesAQueryOverThem() throws Exception {
    TableWrite written = tables.writeRows("bronze.orders", Order.class, orders(10));

    assertThat(written.rows()).isEqualTo(10);
    assertThat(written.table()).isEqualTo(TableIdentifier.of("bronze", "orders"));
    assertThat(written.location()).startsWith("file:" + project.resolve(".floe/warehouse"));
    Schema schema = written.schema();
    assertThat(schema.findField("order_id").isRequired()).isTrue();
    assertThat(schema.findField("order_id").type()).isEqualTo(Types.LongType.get());
    assertThat(schema.findField("amount").type()).isEqualTo(Types.DecimalType.of(10, 2));
    assertThat(schema.findField("created_at").type()).isEqualTo(Types.TimestampType.withoutZone());
    assertThat(schema.findField("paid_at").type()).isEqualTo(Types.TimestampType.withZone());
    assertThat(schema.findField("quantity").isOptional()).isTrue();
    assertThat(schema.findField("shipped").type()).isEqualTo(Types.BooleanType.get());

    long summaryId;
    assertThat(tables.loadedSchema("bronze.orders")).as("not loaded yet").isEmpty();
    try (Connection duck = engine.connect()) {
      assertThat(tables.load(duck, "bronze.orders")).isEqualTo("bronze.orders");
      assertThat(tables.loadedSchema("bronze.orders").map(Schema::asStruct))
          .as("the schema of what was made readable")
          .contains(schema.asStruct());
      assertThat(query(duck, "SELECT count(*), sum(amount), max(day) FROM bronze.orders"))
          .isEqualTo("10|57.50|2026-01-11");
      assertThat(
              query(
                  duck,
                  "SELECT table_type FROM information_schema.tables WHERE table_name = 'orders'"))
          .as("local files are read in place")
          .isEqualTo("VIEW");

      TableWrite summary =
          tables.writeQuery(
              duck,
              "silver.customer_totals",
              "SELECT customer, count(*) AS orders, sum(amount) AS total, max(paid_at) AS last_paid,"
                  + " sum(quantity) AS quantity FROM bronze.orders GROUP BY customer");
      assertThat(summary.rows()).isEqualTo(3);
      assertThat(summary.schema().findField("orders").type()).isEqualTo(Types.LongType.get());
      assertThat(summary.schema().findField("total").type()).isEqualTo(Types.DecimalType.of(38, 2));
      assertThat(summary.schema().findField("quantity").type())
          .as("SUM of an INTEGER is a HUGEINT")
          .isEqualTo(Types.DecimalType.of(38, 0));
      assertThat(summary.schema().findField("last_paid").type())
          .isEqualTo(Types.TimestampType.withZone());
      summaryId = summary.snapshotId();
    }

    Table result = catalog.catalog().loadTable(TableIdentifier.of("silver", "customer_totals"));
    assertThat(result.currentSnapshot().snapshotId()).isEqualTo(summaryId);
    List<Record> rows = Fixtures.rows(result);
    rows.sort(Comparator.comparing(r -> (String) r.getField("customer")));
    assertThat(rows).hasSize(3);
    Record first = rows.get(0);
    assertThat(first.getField("customer")).isEqualTo("customer-0");
    assertThat(first.getField("orders")).isEqualTo(3L);
    assertThat(first.getField("total")).isEqualTo(new BigDecimal("18.75"));
    assertThat(first.getField("last_paid"))
        .isEqualTo(OffsetDateTime.of(2026, 1, 1, 0, 0, 9, 0, ZoneOffset.UTC));
    assertThat(first.getField("quantity")).isEqualTo(new BigDecimal("12"));
  }

  @Test
  void aSecondWriteReplacesTheRowsAndALoadSeesTheNewSnapshot() throws Exception {
    tables.writeRows("bronze.orders", Order.class, orders(10));
    try (Connection duck = engine.connect()) {
      tables.load(duck, "bronze.orders");
      assertThat(query(duck, "SELECT count(*) FROM bronze.orders")).isEqualTo("10");

      TableWrite second = tables.writeRows("bronze.orders", Order.class, orders(4));
      assertThat(second.rows()).isEqualTo(4);
      Table table = catalog.catalog().loadTable(TableIdentifier.of("bronze", "orders"));
      assertThat(Fixtures.rows(table)).hasSize(4);
      assertThat(table.currentSnapshot().snapshotId()).isEqualTo(second.snapshotId());
      assertThat(table.currentSnapshot().summary()).containsEntry("total-records", "4");

      tables.load(duck, "bronze.orders");
      assertThat(query(duck, "SELECT count(*) FROM bronze.orders")).isEqualTo("4");

      tables.writeQuery(duck, "silver.copy", "SELECT * FROM bronze.orders");
      tables.writeQuery(duck, "silver.copy", "SELECT * FROM bronze.orders");
      assertThat(Fixtures.rows(catalog.catalog().loadTable(TableIdentifier.of("silver", "copy"))))
          .as("re-running replaces, never duplicates")
          .hasSize(4);
    }
  }

  @Test
  void aSecondLoadOfTheSameSnapshotDoesNothing() throws Exception {
    tables.writeRows("bronze.orders", Order.class, orders(3));
    try (Connection duck = engine.connect()) {
      tables.load(duck, "bronze.orders");
      tables.load(duck, "bronze.orders");
    }
    assertThat(tables.loadCount()).isEqualTo(1);
  }

  @Test
  void anEmptyWriteMakesAnEmptyTableWithItsColumns() throws Exception {
    TableWrite written = tables.writeRows("bronze.none", Order.class, List.of());
    assertThat(written.rows()).isZero();
    Table none = catalog.catalog().loadTable(TableIdentifier.of("bronze", "none"));
    assertThat(none.currentSnapshot()).as("an empty snapshot is committed").isNotNull();
    assertThat(written.snapshotId()).isEqualTo(none.currentSnapshot().snapshotId());
    assertThat(Fixtures.rows(none)).isEmpty();
    try (Connection duck = engine.connect()) {
      assertThat(tables.load(duck, "bronze.none")).isEqualTo("bronze.none");
      assertThat(query(duck, "SELECT count(*) FROM bronze.none")).isEqualTo("0");
      assertThat(
              query(
                  duck,
                  "SELECT data_type FROM information_schema.columns WHERE table_name = 'none'"
                      + " AND column_name = 'amount'"))
          .isEqualTo("DECIMAL(10,2)");
      TableWrite copy = tables.writeQuery(duck, "silver.none", "SELECT * FROM bronze.none;");
      assertThat(copy.rows()).isZero();
      assertThat(copy.schema().findField("amount").type()).isEqualTo(Types.DecimalType.of(10, 2));
    }
  }

  @Test
  void aTableCreatedWithoutSnapshotLoadsEmpty() throws Exception {
    Schema schema =
        new Schema(
            Types.NestedField.required(1, "id", Types.LongType.get()),
            Types.NestedField.optional(
                2, "tags", Types.ListType.ofOptional(3, Types.StringType.get())),
            Types.NestedField.optional(
                4,
                "address",
                Types.StructType.of(Types.NestedField.optional(5, "city", Types.StringType.get()))),
            Types.NestedField.optional(
                6,
                "attributes",
                Types.MapType.ofOptional(7, 8, Types.StringType.get(), Types.IntegerType.get())),
            Types.NestedField.optional(9, "token", Types.UUIDType.get()));
    catalog.namespaces().createNamespace(org.apache.iceberg.catalog.Namespace.of("demo"));
    catalog.catalog().createTable(TableIdentifier.of("demo", "fresh"), schema);
    try (Connection duck = engine.connect()) {
      assertThat(tables.load(duck, "fresh"))
          .as("a bare name is in the default namespace")
          .isEqualTo("demo.fresh");
      assertThat(query(duck, "SELECT count(*) FROM demo.fresh")).isEqualTo("0");
      assertThat(
              query(
                  duck,
                  "SELECT string_agg(data_type, ';' ORDER BY ordinal_position) FROM"
                      + " information_schema.columns WHERE table_name = 'fresh'"))
          .isEqualTo("BIGINT;VARCHAR[];STRUCT(city VARCHAR);MAP(VARCHAR, INTEGER);UUID");
    }
  }

  @Test
  void deleteFilesAreAppliedByTheIcebergReader() throws Exception {
    tables.writeRows("bronze.orders", Order.class, orders(5));
    Table table = catalog.catalog().loadTable(TableIdentifier.of("bronze", "orders"));
    String dataFile;
    try (var tasks = table.newScan().planFiles()) {
      dataFile = tasks.iterator().next().file().location();
    }
    OutputFile out =
        table.io().newOutputFile(table.locationProvider().newDataLocation("deletes.parquet"));
    PositionDeleteWriter<Record> deletes =
        Parquet.writeDeletes(out)
            .withSpec(PartitionSpec.unpartitioned())
            .overwrite()
            .buildPositionWriter();
    try (deletes) {
      deletes.write(PositionDelete.<Record>create().set(dataFile, 0L));
      deletes.write(PositionDelete.<Record>create().set(dataFile, 2L));
    }
    table.newRowDelta().addDeletes(deletes.toDeleteFile()).commit();

    try (Connection duck = engine.connect()) {
      tables.load(duck, "bronze.orders");
      assertThat(
              query(
                  duck,
                  "SELECT string_agg(order_id::VARCHAR, ',' ORDER BY order_id) FROM bronze.orders"))
          .isEqualTo("2,4,5");
      assertThat(
              query(
                  duck,
                  "SELECT table_type FROM information_schema.tables WHERE table_name = 'orders'"))
          .isEqualTo("BASE TABLE");
    }
  }

  @Test
  void aMissingTableIsU044NamingTableAndCatalog() throws Exception {
    try (Connection duck = engine.connect()) {
      assertThatThrownBy(() -> tables.load(duck, "bronze.nowhere"))
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> {
                assertThat(e.problems().get(0).code()).isEqualTo("FLOE-U044");
                assertThat(e.problems().get(0).message())
                    .isEqualTo(
                        "Cannot read table 'bronze.nowhere': it does not exist in catalog 'default'");
                assertThat(e.problems().get(0).hint()).get().asString().contains("input");
              });
    }
    assertThat(tables.schema("bronze.nowhere")).isEmpty();
  }

  @Test
  void schemaIsTheCurrentSchema() {
    tables.writeRows("bronze.orders", Order.class, orders(1));
    assertThat(tables.schema("bronze.orders"))
        .get()
        .satisfies(s -> assertThat(s.findField("customer")).isNotNull());
  }

  @Test
  void aFailingQueryIsU041WithTheEngineMessage() throws Exception {
    try (Connection duck = engine.connect()) {
      assertThatThrownBy(() -> tables.writeQuery(duck, "silver.broken", "SELECT * FROM nowhere"))
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> {
                assertThat(e.problems().get(0).code()).isEqualTo("FLOE-U041");
                assertThat(e.problems().get(0).message())
                    .startsWith(
                        "Cannot write table 'silver.broken': its query failed on compute 'default': ")
                    .contains("nowhere");
              });
    }
    assertThat(tables.schema("silver.broken")).isEmpty();
  }

  @Test
  void twoThreadsLoadingOneTableLoadItOnce() throws Exception {
    tables.writeRows("bronze.orders", Order.class, orders(50));
    tables.writeRows("bronze.more", Order.class, orders(7));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (String name :
          List.of("bronze.orders", "bronze.orders", "bronze.more", "bronze.orders")) {
        Callable<String> task =
            () -> {
              start.await();
              try (Connection duck = engine.connect()) {
                String sql = tables.load(duck, name);
                return query(duck, "SELECT count(*) FROM " + sql);
              }
            };
        results.add(pool.submit(task));
      }
      start.countDown();
      List<String> counts = new ArrayList<>();
      for (Future<String> result : results) {
        counts.add(result.get());
      }
      assertThat(counts).containsExactly("50", "50", "7", "50");
    } finally {
      pool.shutdownNow();
    }
    assertThat(tables.loadCount()).isEqualTo(2);
  }

  @Test
  void closeDeletesTheScratchFolder() throws Exception {
    tables.close();
    try (var files = Files.list(scratch)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aRecordWithAnUnsupportedComponentIsU046() {
    record Odd(long id, List<String> tags) {}
    assertThatThrownBy(() -> tables.writeRows("bronze.odd", Odd.class, List.of()))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problems().get(0).code()).isEqualTo("FLOE-U046");
              assertThat(e.problems().get(0).message())
                  .contains("'tags'")
                  .contains("java.util.List");
            });
  }

  @Test
  void aDecimalThatDoesNotFitIsU045AndNothingIsCommitted() {
    record Price(@AssetContext.Decimal(precision = 4, scale = 2) BigDecimal price) {}
    assertThatThrownBy(
            () ->
                tables.writeRows(
                    "bronze.prices", Price.class, List.of(new Price(new BigDecimal("123.4")))))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problems().get(0).code()).isEqualTo("FLOE-U045");
              assertThat(e.problems().get(0).message())
                  .isEqualTo(
                      "Cannot write table 'bronze.prices': the value 123.4 of column 'price' in row 1"
                          + " does not fit decimal(4, 2)");
            });
    assertThat(tables.schema("bronze.prices")).isEmpty();
  }

  @Test
  void decimalsAreRoundedHalfUpToTheScale() {
    record Price(BigDecimal price) {}
    tables.writeRows("bronze.prices", Price.class, List.of(new Price(new BigDecimal("1.005"))));
    Table table = catalog.catalog().loadTable(TableIdentifier.of("bronze", "prices"));
    assertThat(Fixtures.rows(table).get(0).getField("price")).isEqualTo(new BigDecimal("1.01"));
    assertThat(table.schema().findField("price").type()).isEqualTo(Types.DecimalType.of(18, 2));
  }

  @Test
  void recordComponentsBecomeSnakeCaseColumns() {
    assertThat(RecordColumns.snakeCase("customerId")).isEqualTo("customer_id");
    assertThat(RecordColumns.snakeCase("HTTPCode")).isEqualTo("http_code");
    assertThat(RecordColumns.snakeCase("order_id")).isEqualTo("order_id");
    assertThat(RecordColumns.snakeCase("x")).isEqualTo("x");
  }

  @Test
  void manyRowsRoundTrip() throws Exception {
    record Row(long id, String name) {}
    List<Row> rows = LongStream.range(0, 20_000).mapToObj(i -> new Row(i, "n" + i)).toList();
    tables.writeRows("bronze.many", Row.class, rows);
    try (Connection duck = engine.connect()) {
      tables.load(duck, "bronze.many");
      assertThat(query(duck, "SELECT count(*), sum(id), count(DISTINCT name) FROM bronze.many"))
          .isEqualTo("20000|199990000|20000");
    }
  }

  // byte[] is a supported component type of writeRows: the test needs one.
  @SuppressWarnings("ArrayRecordComponent")
  record Everything(
      int count,
      float ratio,
      double score,
      @Nullable Long big,
      @Nullable Boolean flag,
      @Nullable Double maybe,
      @Nullable Float small,
      LocalTime at,
      OffsetDateTime when,
      UUID id,
      byte[] payload) {}

  @Test
  void everyRecordComponentTypeRoundTrips() throws Exception {
    UUID id = UUID.fromString("6f1c1d7e-4f8a-4b7e-9a51-3d2f6c9b0a11");
    OffsetDateTime when = OffsetDateTime.of(2026, 3, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2));
    tables.writeRows(
        "bronze.everything",
        Everything.class,
        List.of(
            new Everything(
                3,
                0.5f,
                2.5,
                null,
                true,
                null,
                1.25f,
                LocalTime.of(8, 30),
                when,
                id,
                new byte[] {1, 2})));
    Record row =
        Fixtures.rows(catalog.catalog().loadTable(TableIdentifier.of("bronze", "everything")))
            .get(0);
    assertThat(row.getField("count")).isEqualTo(3);
    assertThat(row.getField("ratio")).isEqualTo(0.5f);
    assertThat(row.getField("big")).isNull();
    assertThat(row.getField("flag")).isEqualTo(true);
    assertThat(row.getField("small")).isEqualTo(1.25f);
    assertThat(row.getField("at")).isEqualTo(LocalTime.of(8, 30));
    assertThat(row.getField("when")).isEqualTo(when.withOffsetSameInstant(ZoneOffset.UTC));
    assertThat(row.getField("id")).isEqualTo(id);
    assertThat(row.getField("payload")).isEqualTo(java.nio.ByteBuffer.wrap(new byte[] {1, 2}));
    try (Connection duck = engine.connect()) {
      tables.load(duck, "bronze.everything");
      assertThat(
              query(
                  duck,
                  "SELECT count, id, \"at\", octet_length(payload), \"when\" FROM bronze.everything"))
          .isEqualTo("3|6f1c1d7e-4f8a-4b7e-9a51-3d2f6c9b0a11|08:30|2|2026-03-01T08:00Z");
    }
  }

  @Test
  void aNullRowIsU045() {
    record Row(long id) {}
    List<@Nullable Row> rows = new ArrayList<>();
    rows.add(new Row(1));
    rows.add(null);
    assertThatThrownBy(() -> tables.writeRows("bronze.nulls", Row.class, rows))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problems().get(0).message()).contains("row 2 is null"));
  }

  @Test
  void anInvalidDecimalAnnotationIsU046() {
    record Bad(@AssetContext.Decimal(precision = 40, scale = 2) BigDecimal value) {}
    assertThatThrownBy(() -> tables.writeRows("bronze.bad", Bad.class, List.of()))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problems().get(0).code()).isEqualTo("FLOE-U046"));
  }

  @Test
  void aComponentAccessorThatThrowsFailsTheWrite() {
    record Throwing(long id) {
      // Called by writeRows through reflection only.
      @SuppressWarnings("UnusedMethod")
      @Override
      public long id() {
        throw new IllegalStateException("boom");
      }
    }
    assertThatThrownBy(
            () -> tables.writeRows("bronze.throwing", Throwing.class, List.of(new Throwing(1))))
        .hasMessageContaining("boom");
    assertThat(tables.schema("bronze.throwing")).isEmpty();
  }

  static String query(Connection connection, String sql) throws Exception {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      StringBuilder out = new StringBuilder();
      for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
        if (i > 1) {
          out.append('|');
        }
        out.append(rows.getString(i));
      }
      return out.toString();
    }
  }
}
