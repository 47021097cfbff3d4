package dev.floe.runtime.table;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.Blob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types.NestedField;
import org.jspecify.annotations.Nullable;

/**
 * The columns of a query result as Iceberg columns: the type of each from the driver's metadata
 * (DuckDB's type names first, then the {@link java.sql.Types} code) and how to read its values.
 */
final class QueryColumns {
  /** Reads one value of a column, {@code null} for SQL NULL. */
  interface Reader {
    @Nullable Object read(ResultSet rows, int index) throws SQLException;
  }

  /** One column: its name, its Iceberg type and its reader. */
  record Column(String name, Type type, Reader reader) {}

  private static final int MAX_PRECISION = 38;

  private QueryColumns() {}

  /**
   * The columns of {@code meta}.
   *
   * @throws dev.floe.core.diag.ProblemException {@code FLOE-U046} for a type without an Iceberg
   *     equivalent, {@code FLOE-U045} for two columns of one name
   */
  static List<Column> of(TableIdentifier table, ResultSetMetaData meta) throws SQLException {
    List<Column> columns = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      String name = meta.getColumnLabel(i);
      if (name == null || name.isBlank()) {
        name = meta.getColumnName(i);
      }
      if (!names.add(name.toLowerCase(Locale.ROOT))) {
        throw TableProblems.writeFailed(
            table,
            "the query returns two columns named '" + name + "'",
            "give each column its own name with AS");
      }
      String typeName = Optional.ofNullable(meta.getColumnTypeName(i)).orElse("");
      Optional<Column> column =
          column(name, typeName, meta.getColumnType(i), meta.getPrecision(i), meta.getScale(i));
      if (column.isEmpty()) {
        throw TableProblems.unsupportedColumn(
            table,
            name,
            typeName.isEmpty() ? "with JDBC type code " + meta.getColumnType(i) : typeName,
            "cast it in the query to a type Iceberg stores, e.g. CAST("
                + name
                + " AS VARCHAR), CAST("
                + name
                + " AS DECIMAL(38, 0)) or CAST("
                + name
                + " AS TIMESTAMP)");
      }
      columns.add(column.get());
    }
    return columns;
  }

  /** The schema of {@code columns}, every column optional (a query result may hold NULLs). */
  static Schema schema(List<Column> columns) {
    List<NestedField> fields = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      fields.add(NestedField.optional(i + 1, columns.get(i).name(), columns.get(i).type()));
    }
    return new Schema(fields);
  }

  static Optional<Column> column(String name, String typeName, int code, int precision, int scale) {
    String base = baseName(typeName);
    Optional<Column> named = byName(name, base, precision, scale);
    if (named.isPresent() || UNSUPPORTED_NAMES.contains(base) || isNested(typeName)) {
      return named;
    }
    return byCode(name, code, typeName, precision, scale);
  }

  private static final Set<String> UNSUPPORTED_NAMES =
      Set.of(
          "TIMESTAMP_NS",
          "INTERVAL",
          "UHUGEINT",
          "TIME WITH TIME ZONE",
          "TIMETZ",
          "BIT",
          "VARINT",
          "BIGNUM",
          "UNION",
          "STRUCT",
          "MAP",
          "LIST",
          "ARRAY");

  private static boolean isNested(String typeName) {
    return typeName.endsWith("]")
        || typeName.startsWith("STRUCT")
        || typeName.startsWith("MAP")
        || typeName.startsWith("UNION");
  }

  private static String baseName(String typeName) {
    String upper = typeName.strip().toUpperCase(Locale.ROOT);
    int paren = upper.indexOf('(');
    return paren < 0 ? upper : upper.substring(0, paren).strip();
  }

  private static Optional<Column> byName(String name, String base, int precision, int scale) {
    Column column =
        switch (base) {
          case "BOOLEAN", "BOOL" ->
              new Column(
                  name, org.apache.iceberg.types.Types.BooleanType.get(), QueryColumns::bool);
          case "TINYINT", "SMALLINT", "INTEGER", "INT", "INT4", "INT2", "UTINYINT", "USMALLINT" ->
              new Column(
                  name, org.apache.iceberg.types.Types.IntegerType.get(), QueryColumns::integer);
          case "BIGINT", "INT8", "UINTEGER" ->
              new Column(name, org.apache.iceberg.types.Types.LongType.get(), QueryColumns::bigint);
          case "HUGEINT", "UBIGINT" -> decimal(name, MAX_PRECISION, 0);
          case "FLOAT", "REAL", "FLOAT4" ->
              new Column(name, org.apache.iceberg.types.Types.FloatType.get(), QueryColumns::real);
          case "DOUBLE", "FLOAT8", "DOUBLE PRECISION" ->
              new Column(name, org.apache.iceberg.types.Types.DoubleType.get(), QueryColumns::dbl);
          case "DECIMAL", "NUMERIC" -> decimalOrNull(name, precision, scale);
          case "VARCHAR", "TEXT", "STRING", "CHAR", "BPCHAR", "ENUM", "JSON" ->
              new Column(name, org.apache.iceberg.types.Types.StringType.get(), QueryColumns::text);
          case "DATE" ->
              new Column(name, org.apache.iceberg.types.Types.DateType.get(), QueryColumns::date);
          case "TIME" ->
              new Column(name, org.apache.iceberg.types.Types.TimeType.get(), QueryColumns::time);
          case "TIMESTAMP", "DATETIME", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_US" ->
              new Column(
                  name,
                  org.apache.iceberg.types.Types.TimestampType.withoutZone(),
                  QueryColumns::timestamp);
          case "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ" ->
              new Column(
                  name,
                  org.apache.iceberg.types.Types.TimestampType.withZone(),
                  QueryColumns::timestamptz);
          case "BLOB", "BYTEA", "VARBINARY", "BINARY" ->
              new Column(
                  name, org.apache.iceberg.types.Types.BinaryType.get(), QueryColumns::binary);
          case "UUID" ->
              new Column(name, org.apache.iceberg.types.Types.UUIDType.get(), QueryColumns::uuid);
          default -> null;
        };
    return Optional.ofNullable(column);
  }

  private static Optional<Column> byCode(
      String name, int code, String typeName, int precision, int scale) {
    Column column =
        switch (code) {
          case Types.BOOLEAN, Types.BIT ->
              new Column(
                  name, org.apache.iceberg.types.Types.BooleanType.get(), QueryColumns::bool);
          case Types.TINYINT, Types.SMALLINT, Types.INTEGER ->
              new Column(
                  name, org.apache.iceberg.types.Types.IntegerType.get(), QueryColumns::integer);
          case Types.BIGINT ->
              new Column(name, org.apache.iceberg.types.Types.LongType.get(), QueryColumns::bigint);
          case Types.REAL ->
              new Column(name, org.apache.iceberg.types.Types.FloatType.get(), QueryColumns::real);
          case Types.FLOAT, Types.DOUBLE ->
              new Column(name, org.apache.iceberg.types.Types.DoubleType.get(), QueryColumns::dbl);
          case Types.DECIMAL, Types.NUMERIC -> decimalOrNull(name, precision, scale);
          case Types.CHAR,
              Types.VARCHAR,
              Types.LONGVARCHAR,
              Types.NCHAR,
              Types.NVARCHAR,
              Types.LONGNVARCHAR,
              Types.CLOB,
              Types.NCLOB ->
              new Column(name, org.apache.iceberg.types.Types.StringType.get(), QueryColumns::text);
          case Types.DATE ->
              new Column(name, org.apache.iceberg.types.Types.DateType.get(), QueryColumns::date);
          case Types.TIME ->
              new Column(name, org.apache.iceberg.types.Types.TimeType.get(), QueryColumns::time);
          case Types.TIMESTAMP ->
              new Column(
                  name,
                  org.apache.iceberg.types.Types.TimestampType.withoutZone(),
                  QueryColumns::timestamp);
          case Types.TIMESTAMP_WITH_TIMEZONE ->
              new Column(
                  name,
                  org.apache.iceberg.types.Types.TimestampType.withZone(),
                  QueryColumns::timestamptz);
          case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
              new Column(
                  name, org.apache.iceberg.types.Types.BinaryType.get(), QueryColumns::binary);
          case Types.OTHER ->
              "uuid".equalsIgnoreCase(typeName)
                  ? new Column(
                      name, org.apache.iceberg.types.Types.UUIDType.get(), QueryColumns::uuid)
                  : null;
          default -> null;
        };
    return Optional.ofNullable(column);
  }

  private static @Nullable Column decimalOrNull(String name, int precision, int scale) {
    if (precision < 1 || precision > MAX_PRECISION || scale < 0 || scale > precision) {
      return null;
    }
    return decimal(name, precision, scale);
  }

  private static Column decimal(String name, int precision, int scale) {
    return new Column(
        name,
        org.apache.iceberg.types.Types.DecimalType.of(precision, scale),
        (rows, index) -> decimalValue(rows.getObject(index)));
  }

  private static @Nullable Object decimalValue(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    if (value instanceof Number number) {
      return new BigDecimal(number.toString());
    }
    return new BigDecimal(value.toString());
  }

  private static @Nullable Object bool(ResultSet rows, int index) throws SQLException {
    boolean value = rows.getBoolean(index);
    return rows.wasNull() ? null : value;
  }

  private static @Nullable Object integer(ResultSet rows, int index) throws SQLException {
    int value = rows.getInt(index);
    return rows.wasNull() ? null : value;
  }

  private static @Nullable Object bigint(ResultSet rows, int index) throws SQLException {
    long value = rows.getLong(index);
    return rows.wasNull() ? null : value;
  }

  private static @Nullable Object real(ResultSet rows, int index) throws SQLException {
    float value = rows.getFloat(index);
    return rows.wasNull() ? null : value;
  }

  private static @Nullable Object dbl(ResultSet rows, int index) throws SQLException {
    double value = rows.getDouble(index);
    return rows.wasNull() ? null : value;
  }

  private static @Nullable Object text(ResultSet rows, int index) throws SQLException {
    return rows.getString(index);
  }

  private static @Nullable Object date(ResultSet rows, int index) throws SQLException {
    return rows.getObject(index, LocalDate.class);
  }

  private static @Nullable Object time(ResultSet rows, int index) throws SQLException {
    return rows.getObject(index, LocalTime.class);
  }

  private static @Nullable Object timestamp(ResultSet rows, int index) throws SQLException {
    return rows.getObject(index, LocalDateTime.class);
  }

  private static @Nullable Object timestamptz(ResultSet rows, int index) throws SQLException {
    return rows.getObject(index, OffsetDateTime.class);
  }

  private static @Nullable Object binary(ResultSet rows, int index) throws SQLException {
    Object value = rows.getObject(index);
    if (value == null) {
      return null;
    }
    if (value instanceof byte[] bytes) {
      return ByteBuffer.wrap(bytes);
    }
    if (value instanceof Blob blob) {
      return ByteBuffer.wrap(blob.getBytes(1, Math.toIntExact(blob.length())));
    }
    byte[] bytes = rows.getBytes(index);
    return bytes == null ? null : ByteBuffer.wrap(bytes);
  }

  private static @Nullable Object uuid(ResultSet rows, int index) throws SQLException {
    Object value = rows.getObject(index);
    if (value == null) {
      return null;
    }
    return value instanceof UUID uuid ? uuid : UUID.fromString(value.toString());
  }
}
