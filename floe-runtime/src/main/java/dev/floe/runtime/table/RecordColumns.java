package dev.floe.runtime.table;

import dev.floe.runtime.AssetContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.types.Types.NestedField;
import org.jspecify.annotations.Nullable;

/**
 * The columns of a Java record class: one per component, named in snake_case ({@code customerId}
 * becomes {@code customer_id}), required for primitive components and optional otherwise.
 */
final class RecordColumns {
  /**
   * The precision and scale of a {@code BigDecimal} component without {@link AssetContext.Decimal}.
   */
  static final int DEFAULT_PRECISION = 18;

  static final int DEFAULT_SCALE = 2;

  /** One column: the field, the accessor and the conversion to Iceberg's value class. */
  record Column(NestedField field, Method accessor, Function<Object, Object> convert) {}

  private static final Map<Class<?>, Type> PRIMITIVES =
      Map.of(
          long.class, Types.LongType.get(),
          int.class, Types.IntegerType.get(),
          double.class, Types.DoubleType.get(),
          float.class, Types.FloatType.get(),
          boolean.class, Types.BooleanType.get());

  private static final Map<Class<?>, Type> OBJECTS =
      Map.ofEntries(
          Map.entry(Long.class, Types.LongType.get()),
          Map.entry(Integer.class, Types.IntegerType.get()),
          Map.entry(Double.class, Types.DoubleType.get()),
          Map.entry(Float.class, Types.FloatType.get()),
          Map.entry(Boolean.class, Types.BooleanType.get()),
          Map.entry(String.class, Types.StringType.get()),
          Map.entry(LocalDate.class, Types.DateType.get()),
          Map.entry(LocalTime.class, Types.TimeType.get()),
          Map.entry(LocalDateTime.class, Types.TimestampType.withoutZone()),
          Map.entry(Instant.class, Types.TimestampType.withZone()),
          Map.entry(OffsetDateTime.class, Types.TimestampType.withZone()),
          Map.entry(UUID.class, Types.UUIDType.get()),
          Map.entry(byte[].class, Types.BinaryType.get()));

  private RecordColumns() {}

  /**
   * The columns of {@code type}.
   *
   * @throws dev.floe.core.diag.ProblemException {@code FLOE-U046} for a component of another type
   */
  static List<Column> of(TableIdentifier table, Class<? extends Record> type) {
    RecordComponent[] components = type.getRecordComponents();
    if (components == null) {
      throw new IllegalArgumentException(type.getName() + " is not a record class");
    }
    List<Column> columns = new ArrayList<>();
    int id = 1;
    for (RecordComponent component : components) {
      String name = snakeCase(component.getName());
      Class<?> javaType = component.getType();
      Method accessor = component.getAccessor();
      if (!accessor.trySetAccessible()) {
        throw TableProblems.writeFailed(
            table,
            "the accessor of component '"
                + component.getName()
                + "' of "
                + type.getName()
                + " cannot be called",
            "make the record public, or open its package to floe-runtime");
      }
      NestedField field;
      Function<Object, Object> convert = Function.identity();
      if (PRIMITIVES.containsKey(javaType)) {
        field = NestedField.required(id, name, PRIMITIVES.get(javaType));
      } else if (javaType == BigDecimal.class) {
        AssetContext.Decimal decimal = component.getAnnotation(AssetContext.Decimal.class);
        if (decimal == null) {
          decimal = accessor.getAnnotation(AssetContext.Decimal.class);
        }
        int precision = decimal == null ? DEFAULT_PRECISION : decimal.precision();
        int scale = decimal == null ? DEFAULT_SCALE : decimal.scale();
        if (precision < 1 || precision > 38 || scale < 0 || scale > precision) {
          throw TableProblems.unsupportedColumn(
              table,
              name,
              "decimal(" + precision + ", " + scale + ")",
              "use a precision of 1 to 38 and a scale of 0 to the precision in @Decimal on "
                  + type.getSimpleName()
                  + "."
                  + component.getName());
        }
        field = NestedField.optional(id, name, Types.DecimalType.of(precision, scale));
      } else if (OBJECTS.containsKey(javaType)) {
        field = NestedField.optional(id, name, OBJECTS.get(javaType));
        if (javaType == Instant.class) {
          convert = value -> OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC);
        } else if (javaType == byte[].class) {
          convert = value -> ByteBuffer.wrap((byte[]) value);
        }
      } else {
        throw TableProblems.unsupportedColumn(
            table,
            name,
            "Java "
                + javaType.getName()
                + " (component "
                + type.getSimpleName()
                + "."
                + component.getName()
                + ")",
            "use long, int, double, float, boolean, String, BigDecimal, LocalDate, LocalTime,"
                + " LocalDateTime, Instant, OffsetDateTime, UUID or byte[], or their boxed forms");
      }
      columns.add(new Column(field, accessor, convert));
      id++;
    }
    return columns;
  }

  static Schema schema(List<Column> columns) {
    return new Schema(columns.stream().map(Column::field).toList());
  }

  /** The value of {@code column} in {@code row}, converted; {@code null} when it is null. */
  static @Nullable Object value(Column column, Object row) {
    Object value;
    try {
      value = column.accessor().invoke(row);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(cause);
    }
    return value == null ? null : column.convert().apply(value);
  }

  /** {@code customerId} → {@code customer_id}; {@code HTTPCode} → {@code http_code}. */
  static String snakeCase(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean afterLower =
            i > 0 && !Character.isUpperCase(name.charAt(i - 1)) && name.charAt(i - 1) != '_';
        boolean beforeLower =
            i > 0
                && i + 1 < name.length()
                && Character.isUpperCase(name.charAt(i - 1))
                && Character.isLowerCase(name.charAt(i + 1));
        if (afterLower || beforeLower) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
