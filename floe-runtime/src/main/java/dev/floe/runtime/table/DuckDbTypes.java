package dev.floe.runtime.table;

import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.jspecify.annotations.Nullable;

/** Iceberg types as DuckDB type names: the columns of an empty table, the read schema of files. */
final class DuckDbTypes {
  private DuckDbTypes() {}

  /** The DuckDB type of {@code type}, empty when DuckDB has none (variant, geometry, …). */
  static Optional<String> of(Type type) {
    return Optional.ofNullable(
        switch (type.typeId()) {
          case BOOLEAN -> "BOOLEAN";
          case INTEGER -> "INTEGER";
          case LONG -> "BIGINT";
          case FLOAT -> "FLOAT";
          case DOUBLE -> "DOUBLE";
          case DECIMAL -> {
            Types.DecimalType decimal = (Types.DecimalType) type;
            yield "DECIMAL(" + decimal.precision() + ", " + decimal.scale() + ")";
          }
          case DATE -> "DATE";
          case TIME -> "TIME";
          case TIMESTAMP ->
              ((Types.TimestampType) type).shouldAdjustToUTC() ? "TIMESTAMPTZ" : "TIMESTAMP";
          case TIMESTAMP_NANO ->
              ((Types.TimestampNanoType) type).shouldAdjustToUTC() ? "TIMESTAMPTZ" : "TIMESTAMP_NS";
          case STRING -> "VARCHAR";
          case UUID -> "UUID";
          case FIXED, BINARY -> "BLOB";
          case STRUCT -> struct((Types.StructType) type);
          case LIST -> of(((Types.ListType) type).elementType()).map(e -> e + "[]").orElse(null);
          case MAP -> map((Types.MapType) type);
          default -> null;
        });
  }

  private static @Nullable String struct(Types.StructType struct) {
    StringBuilder out = new StringBuilder("STRUCT(");
    boolean first = true;
    for (Types.NestedField field : struct.fields()) {
      Optional<String> fieldType = of(field.type());
      if (fieldType.isEmpty()) {
        return null;
      }
      if (!first) {
        out.append(", ");
      }
      first = false;
      out.append(TableNames.quote(field.name())).append(' ').append(fieldType.get());
    }
    return out.append(')').toString();
  }

  private static @Nullable String map(Types.MapType map) {
    Optional<String> key = of(map.keyType());
    Optional<String> value = of(map.valueType());
    if (key.isEmpty() || value.isEmpty()) {
      return null;
    }
    return "MAP(" + key.get() + ", " + value.get() + ")";
  }

  /** Column definitions {@code "a" BIGINT, "b" VARCHAR} of a struct's fields. */
  static String columns(
      Types.StructType struct, java.util.function.Function<Types.NestedField, String> type) {
    return struct.fields().stream()
        .map(field -> TableNames.quote(field.name()) + " " + type.apply(field))
        .collect(Collectors.joining(", "));
  }
}
