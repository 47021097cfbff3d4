package dev.floe.runtime.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.diag.ProblemException;
import java.nio.file.Path;
import java.sql.Types;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The pure mappings: JDBC metadata of other engines, names, local locations, DuckDB types. */
class ColumnMappingTest {
  static Stream<Arguments> jdbcTypes() {
    Type none = null;
    return Stream.of(
        Arguments.of("bool", Types.BIT, 1, 0, org.apache.iceberg.types.Types.BooleanType.get()),
        Arguments.of(
            "int2", Types.SMALLINT, 5, 0, org.apache.iceberg.types.Types.IntegerType.get()),
        Arguments.of(
            "serial", Types.INTEGER, 10, 0, org.apache.iceberg.types.Types.IntegerType.get()),
        Arguments.of(
            "bigserial", Types.BIGINT, 19, 0, org.apache.iceberg.types.Types.LongType.get()),
        Arguments.of("float4", Types.REAL, 8, 0, org.apache.iceberg.types.Types.FloatType.get()),
        Arguments.of(
            "float8", Types.DOUBLE, 17, 0, org.apache.iceberg.types.Types.DoubleType.get()),
        Arguments.of("money", Types.FLOAT, 17, 0, org.apache.iceberg.types.Types.DoubleType.get()),
        Arguments.of(
            "numeric", Types.NUMERIC, 12, 3, org.apache.iceberg.types.Types.DecimalType.of(12, 3)),
        Arguments.of("numeric", Types.NUMERIC, 0, 0, none),
        Arguments.of("numeric", Types.NUMERIC, 131089, 0, none),
        Arguments.of(
            "varchar", Types.VARCHAR, 10, 0, org.apache.iceberg.types.Types.StringType.get()),
        Arguments.of(
            "citext", Types.LONGNVARCHAR, 10, 0, org.apache.iceberg.types.Types.StringType.get()),
        Arguments.of("date", Types.DATE, 10, 0, org.apache.iceberg.types.Types.DateType.get()),
        Arguments.of("time", Types.TIME, 10, 0, org.apache.iceberg.types.Types.TimeType.get()),
        Arguments.of(
            "timestamp",
            Types.TIMESTAMP,
            10,
            0,
            org.apache.iceberg.types.Types.TimestampType.withoutZone()),
        Arguments.of(
            "timestamptz",
            Types.TIMESTAMP_WITH_TIMEZONE,
            10,
            0,
            org.apache.iceberg.types.Types.TimestampType.withZone()),
        Arguments.of("bytea", Types.BINARY, 10, 0, org.apache.iceberg.types.Types.BinaryType.get()),
        Arguments.of(
            "image", Types.LONGVARBINARY, 10, 0, org.apache.iceberg.types.Types.BinaryType.get()),
        Arguments.of("uuid", Types.OTHER, 0, 0, org.apache.iceberg.types.Types.UUIDType.get()),
        Arguments.of("jsonb", Types.OTHER, 0, 0, none),
        Arguments.of("int4[]", Types.ARRAY, 0, 0, none),
        Arguments.of("MAP(VARCHAR, INTEGER)", Types.OTHER, 0, 0, none));
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("jdbcTypes")
  void mapsJdbcTypesOfOtherEngines(String name, int code, int precision, int scale, Type expected) {
    Optional<QueryColumns.Column> column = QueryColumns.column("c", name, code, precision, scale);
    assertThat(column.map(QueryColumns.Column::type)).isEqualTo(Optional.ofNullable(expected));
  }

  @Test
  void namesWithoutNamespaceAreInTheDefaultOne() {
    assertThat(TableNames.identifier("orders", "demo"))
        .isEqualTo(TableIdentifier.of("demo", "orders"));
    assertThat(TableNames.identifier("a.b.t", "demo"))
        .isEqualTo(TableIdentifier.of(Namespace.of("a", "b"), "t"));
    assertThat(TableNames.sql(TableIdentifier.of(Namespace.of("a", "b"), "t")))
        .isEqualTo("\"a.b\".t");
    assertThat(TableNames.sql(TableIdentifier.of("Bronze", "my-table")))
        .isEqualTo("\"Bronze\".\"my-table\"");
    assertThat(TableNames.quoted(TableIdentifier.of("s", "a\"b"))).isEqualTo("\"s\".\"a\"\"b\"");
  }

  @Test
  void emptyNamesAndPartsAreU008() {
    for (String name : new String[] {"", "bronze.", ".orders", "a..b"}) {
      assertThatThrownBy(() -> TableNames.identifier(name, "demo"))
          .as(name)
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> assertThat(e.problems().get(0).code()).isEqualTo("FLOE-U008"));
    }
  }

  @Test
  void localLocationsArePathsAndOthersAreNot() {
    assertThat(LocalFiles.path("file:/data/x.parquet")).contains(Path.of("/data/x.parquet"));
    assertThat(LocalFiles.path("file:///data/x.parquet")).contains(Path.of("/data/x.parquet"));
    assertThat(LocalFiles.path("file://localhost/data/x.parquet"))
        .contains(Path.of("/data/x.parquet"));
    assertThat(LocalFiles.path("/data/../data/x.parquet")).contains(Path.of("/data/x.parquet"));
    assertThat(LocalFiles.path("file://server/data/x.parquet")).isEmpty();
    assertThat(LocalFiles.path("file://host")).isEmpty();
    assertThat(LocalFiles.path("s3://lake/x.parquet")).isEmpty();
    assertThat(LocalFiles.path("file:relative/x.parquet")).isEmpty();
    assertThat(LocalFiles.path("relative/x.parquet")).isEmpty();
  }

  @Test
  void icebergTypesDuckDbCannotReadHaveNoDuckDbType() {
    assertThat(DuckDbTypes.of(org.apache.iceberg.types.Types.VariantType.get())).isEmpty();
    assertThat(
            DuckDbTypes.of(
                org.apache.iceberg.types.Types.ListType.ofOptional(
                    1, org.apache.iceberg.types.Types.VariantType.get())))
        .isEmpty();
    assertThat(
            DuckDbTypes.of(
                org.apache.iceberg.types.Types.StructType.of(
                    org.apache.iceberg.types.Types.NestedField.optional(
                        1, "v", org.apache.iceberg.types.Types.VariantType.get()))))
        .isEmpty();
    assertThat(
            DuckDbTypes.of(
                org.apache.iceberg.types.Types.MapType.ofOptional(
                    1,
                    2,
                    org.apache.iceberg.types.Types.StringType.get(),
                    org.apache.iceberg.types.Types.VariantType.get())))
        .isEmpty();
    assertThat(DuckDbTypes.of(org.apache.iceberg.types.Types.TimestampNanoType.withoutZone()))
        .contains("TIMESTAMP_NS");
    assertThat(DuckDbTypes.of(org.apache.iceberg.types.Types.FixedType.ofLength(4)))
        .contains("BLOB");
  }
}
