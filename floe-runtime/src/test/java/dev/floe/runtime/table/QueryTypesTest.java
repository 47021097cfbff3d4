package dev.floe.runtime.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.catalog.OpenedCatalog;
import dev.floe.core.diag.ProblemException;
import dev.floe.runtime.compute.ComputeEngine;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The type mapping of query results, one DuckDB expression per row: the Iceberg type of its column,
 * the value read back with Iceberg's reader, and the same value read again through DuckDB after a
 * load (the mapping back).
 */
class QueryTypesTest {
  @TempDir static Path project;
  @TempDir static Path secrets;
  @TempDir static Path scratch;

  private static OpenedCatalog catalog;
  private static ComputeEngine engine;
  private static IcebergRunTables tables;

  @BeforeAll
  static void open() {
    catalog = Fixtures.localCatalog(project, secrets);
    engine = Fixtures.duckDb(project, secrets);
    tables = IcebergRunTables.create(catalog, engine, scratch);
  }

  @AfterAll
  static void close() {
    tables.close();
    engine.close();
    catalog.close();
  }

  static Stream<Arguments> types() {
    return Stream.of(
        Arguments.of("true", Types.BooleanType.get(), true),
        Arguments.of("7::TINYINT", Types.IntegerType.get(), 7),
        Arguments.of("-300::SMALLINT", Types.IntegerType.get(), -300),
        Arguments.of("2147483647::INTEGER", Types.IntegerType.get(), 2147483647),
        Arguments.of("9007199254740993::BIGINT", Types.LongType.get(), 9007199254740993L),
        Arguments.of("255::UTINYINT", Types.IntegerType.get(), 255),
        Arguments.of("65535::USMALLINT", Types.IntegerType.get(), 65535),
        Arguments.of("4294967295::UINTEGER", Types.LongType.get(), 4294967295L),
        Arguments.of(
            "18446744073709551615::UBIGINT",
            Types.DecimalType.of(38, 0),
            new BigDecimal("18446744073709551615")),
        Arguments.of(
            "-99999999999999999999999999999999999999::HUGEINT",
            Types.DecimalType.of(38, 0),
            new BigDecimal("-99999999999999999999999999999999999999")),
        Arguments.of(
            "(SELECT SUM(x) FROM range(1, 101) t(x))",
            Types.DecimalType.of(38, 0),
            new BigDecimal("5050")),
        Arguments.of("1.5::FLOAT", Types.FloatType.get(), 1.5f),
        Arguments.of("2.25::DOUBLE", Types.DoubleType.get(), 2.25d),
        Arguments.of(
            "12.345::DECIMAL(10,3)", Types.DecimalType.of(10, 3), new BigDecimal("12.345")),
        Arguments.of(
            "12345678901234567890.12::DECIMAL(38,2)",
            Types.DecimalType.of(38, 2),
            new BigDecimal("12345678901234567890.12")),
        Arguments.of("'héllo'::VARCHAR", Types.StringType.get(), "héllo"),
        Arguments.of("'text'::TEXT", Types.StringType.get(), "text"),
        Arguments.of("DATE '2026-02-28'", Types.DateType.get(), LocalDate.of(2026, 2, 28)),
        Arguments.of(
            "TIMESTAMP '2026-02-28 13:14:15.123456'",
            Types.TimestampType.withoutZone(),
            LocalDateTime.of(2026, 2, 28, 13, 14, 15, 123_456_000)),
        Arguments.of(
            "TIMESTAMPTZ '2026-02-28 13:14:15.5+00'",
            Types.TimestampType.withZone(),
            OffsetDateTime.of(2026, 2, 28, 13, 14, 15, 500_000_000, ZoneOffset.UTC)),
        Arguments.of("TIME '01:02:03.5'", Types.TimeType.get(), LocalTime.of(1, 2, 3, 500_000_000)),
        Arguments.of(
            "'ab'::BLOB",
            Types.BinaryType.get(),
            ByteBuffer.wrap("ab".getBytes(StandardCharsets.UTF_8))),
        Arguments.of(
            "'6f1c1d7e-4f8a-4b7e-9a51-3d2f6c9b0a11'::UUID",
            Types.UUIDType.get(),
            UUID.fromString("6f1c1d7e-4f8a-4b7e-9a51-3d2f6c9b0a11")),
        Arguments.of("NULL::BIGINT", Types.LongType.get(), null));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("types")
  void mapsEachTypeAndItsValue(String expression, Type expected, Object value) throws Exception {
    String table = "types.t" + Integer.toHexString(expression.hashCode() & 0xffffff);
    try (Connection duck = engine.connect()) {
      long copies = tables.copyWriteCount();
      TableWrite written = tables.writeQuery(duck, table, "SELECT " + expression + " AS v, 1 AS k");
      assertThat(tables.copyWriteCount()).as("written by DuckDB's COPY").isEqualTo(copies + 1);
      assertThat(written.schema().findField("v").type()).isEqualTo(expected);
      assertThat(written.schema().findField("v").isOptional()).isTrue();

      Table iceberg = catalog.catalog().loadTable(tables.identifier(table));
      List<Record> rows = Fixtures.rows(iceberg);
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0).getField("v")).isEqualTo(value);

      String sql = tables.load(duck, table);
      TableWrite again = tables.writeQuery(duck, table + "_again", "SELECT v FROM " + sql);
      assertThat(again.schema().findField("v").type())
          .as("the type survives a load into DuckDB and a second write")
          .isEqualTo(expected);
      assertThat(
              Fixtures.rows(catalog.catalog().loadTable(tables.identifier(table + "_again")))
                  .get(0)
                  .getField("v"))
          .isEqualTo(value);
    }
  }

  static Stream<Arguments> unsupported() {
    return Stream.of(
        Arguments.of("INTERVAL 1 DAY", "INTERVAL"),
        Arguments.of("[1, 2]", "INTEGER[]"),
        Arguments.of("{'a': 1}", "STRUCT(a INTEGER)"),
        Arguments.of("TIMESTAMP_NS '2026-01-01 00:00:00'", "TIMESTAMP_NS"),
        Arguments.of("1::UHUGEINT", "UHUGEINT"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("unsupported")
  void aTypeWithoutIcebergEquivalentIsU046NamingColumnAndType(String expression, String type)
      throws Exception {
    try (Connection duck = engine.connect()) {
      assertThatThrownBy(
              () ->
                  tables.writeQuery(duck, "types.bad", "SELECT 1 AS ok, " + expression + " AS odd"))
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> {
                assertThat(e.problems().get(0).code()).isEqualTo("FLOE-U046");
                assertThat(e.problems().get(0).message())
                    .isEqualTo(
                        "Cannot write table 'types.bad': column 'odd' has the type "
                            + type
                            + ", which Iceberg cannot store");
                assertThat(e.problems().get(0).hint()).get().asString().contains("CAST(odd AS");
              });
    }
    assertThat(tables.schema("types.bad")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("duplicates")
  void twoColumnsOfOneNameAreU045(String sql) throws Exception {
    try (Connection duck = engine.connect()) {
      assertThatThrownBy(() -> tables.writeQuery(duck, "types.dup", sql))
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> assertThat(e.problems().get(0).code()).isEqualTo("FLOE-U045"));
    }
  }

  static Stream<String> duplicates() {
    return Stream.of("SELECT 1 AS a, 2 AS a");
  }

  @org.junit.jupiter.api.Test
  void aHugeintBeyond38DigitsIsU045NamingValueColumnAndRow() throws Exception {
    try (Connection duck = engine.connect()) {
      assertThatThrownBy(
              () ->
                  tables.writeQuery(
                      duck,
                      "types.huge",
                      "SELECT * FROM (VALUES (1::HUGEINT), (170141183460469231731687303715884105727::HUGEINT))"
                          + " t(big)"))
          .isInstanceOfSatisfying(
              ProblemException.class,
              e ->
                  assertThat(e.problems().get(0).message())
                      .isEqualTo(
                          "Cannot write table 'types.huge': the value"
                              + " 170141183460469231731687303715884105727 of column 'big' in row 2"
                              + " does not fit decimal(38, 0)"));
    }
    assertThat(tables.schema("types.huge")).as("nothing committed").isEmpty();
    assertThat(project.resolve(".floe/warehouse/types/huge/data"))
        .as("no data file is left behind")
        .satisfiesAnyOf(
            path -> assertThat(path).doesNotExist(), path -> assertThat(path).isEmptyDirectory());
  }
}
