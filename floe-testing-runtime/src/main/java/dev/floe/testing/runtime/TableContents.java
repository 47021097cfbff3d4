package dev.floe.testing.runtime;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a table held when it was read: its columns and rows, or that it does not exist (with the
 * tables the catalog has, for the failure message). What {@link TableAssert} asserts on.
 *
 * <p>Rows are in the order Iceberg's generic reader returned them (data file order, not sorted).
 * Each row maps column names, in schema order, to Iceberg's generic values: {@code Integer}, {@code
 * Long}, {@code Double}, {@code Float}, {@code Boolean}, {@code String}, {@code BigDecimal}, {@code
 * LocalDate}, {@code LocalTime}, {@code LocalDateTime} (timestamp), {@code OffsetDateTime}
 * (timestamp with time zone), {@code UUID}, {@code ByteBuffer}; a value may be {@code null}.
 *
 * @param table the table's name with its namespace, for example {@code silver.orders}
 * @param columns the top-level column names in schema order; empty when the table does not exist
 * @param rows every row; unmodifiable maps that may hold {@code null} values
 * @param catalogTables when the table does not exist: the tables of the catalog's namespaces
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record TableContents(
    String table,
    Optional<List<String>> columns,
    List<Map<String, @Nullable Object>> rows,
    List<String> catalogTables) {

  public TableContents {
    requireNonNull(table, "table");
    columns = requireNonNull(columns, "columns").map(List::copyOf);
    rows = rows.stream().map(TableContents::freeze).toList();
    catalogTables = List.copyOf(catalogTables);
  }

  /** An existing table's contents. */
  public static TableContents of(
      String table, List<String> columns, List<Map<String, @Nullable Object>> rows) {
    return new TableContents(table, Optional.of(columns), rows, List.of());
  }

  /** A table the catalog does not have; {@code catalogTables} are those it has. */
  public static TableContents missing(String table, List<String> catalogTables) {
    return new TableContents(table, Optional.empty(), List.of(), catalogTables);
  }

  /** Whether the table existed when it was read. */
  public boolean exists() {
    return columns.isPresent();
  }

  private static Map<String, @Nullable Object> freeze(Map<String, @Nullable Object> row) {
    // Map.copyOf refuses null values, and a column may well be null.
    return Collections.unmodifiableMap(new LinkedHashMap<>(row));
  }
}
