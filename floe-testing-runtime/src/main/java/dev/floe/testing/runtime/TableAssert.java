package dev.floe.testing.runtime;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;
import org.jspecify.annotations.Nullable;

/**
 * AssertJ assertions on a table as it was read ({@link TableContents}), usually through {@link
 * FloeTestProject#assertThatTable}:
 *
 * <pre>{@code
 * project.assertThatTable("silver.orders")
 *     .hasRowCount(90)
 *     .hasColumns("order_id", "status")
 *     .hasNoDuplicates("order_id")
 *     .satisfiesAllRows(row -> assertThat(row.get("status")).isNotEqualTo("cancelled"));
 * project.assertThatTable("silver.orders").column("status").containsOnly("shipped");
 * }</pre>
 *
 * <p>Every assertion but {@link #exists()} first checks that the table exists. Failure messages
 * name the table and say what was found. Not thread-safe, like every AssertJ assertion.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class TableAssert extends AbstractAssert<TableAssert, TableContents> {
  /** Most offending keys or rows a failure message lists. */
  static final int MAX_LISTED = 10;

  private TableAssert(TableContents actual) {
    super(actual, TableAssert.class);
  }

  /** Assertions on {@code contents}. */
  public static TableAssert assertThat(TableContents contents) {
    return new TableAssert(requireNonNull(contents, "contents"));
  }

  /** Verifies that the table exists. */
  public TableAssert exists() {
    isNotNull();
    if (!actual.exists()) {
      failWithMessage("%s", missingMessage(actual));
    }
    return this;
  }

  /** Verifies that the table has exactly {@code expected} rows. */
  public TableAssert hasRowCount(long expected) {
    exists();
    int count = actual.rows().size();
    if (count != expected) {
      failWithMessage(
          "%s",
          "Expecting table "
              + actual.table()
              + " to have "
              + expected
              + (expected == 1 ? " row" : " rows")
              + " but it has "
              + count);
    }
    return this;
  }

  /** Verifies that the table has at least these columns, in any order. */
  public TableAssert hasColumns(String... columns) {
    exists();
    List<String> actualColumns = columns();
    List<String> missing = Arrays.stream(columns).filter(c -> !actualColumns.contains(c)).toList();
    if (!missing.isEmpty()) {
      failWithMessage(
          "%s",
          "Expecting table "
              + actual.table()
              + " to have columns "
              + Arrays.toString(columns)
              + " but it has no "
              + String.join(", ", missing)
              + "; its columns are "
              + actualColumns);
    }
    return this;
  }

  /**
   * Verifies that no two rows have the same values in {@code keyColumns}; with no column given,
   * that no two rows are equal in every column.
   */
  public TableAssert hasNoDuplicates(String... keyColumns) {
    exists();
    List<String> keys = keyColumns.length == 0 ? columns() : List.of(keyColumns);
    if (keyColumns.length > 0) {
      hasColumns(keyColumns);
    }
    Map<List<@Nullable Object>, Integer> counts = new LinkedHashMap<>();
    for (Map<String, @Nullable Object> row : actual.rows()) {
      List<@Nullable Object> key = new ArrayList<>(keys.size());
      for (String k : keys) {
        key.add(row.get(k));
      }
      counts.merge(key, 1, Integer::sum);
    }
    List<String> duplicates = new ArrayList<>();
    int duplicated = 0;
    for (Map.Entry<List<@Nullable Object>, Integer> e : counts.entrySet()) {
      if (e.getValue() > 1) {
        duplicated++;
        if (duplicates.size() < MAX_LISTED) {
          duplicates.add(describeKey(keys, e.getKey()) + " ×" + e.getValue());
        }
      }
    }
    if (duplicated > 0) {
      failWithMessage(
          "%s",
          "Expecting table "
              + actual.table()
              + " to have no duplicate rows by "
              + (keyColumns.length == 0 ? "all columns" : keys.toString())
              + " but "
              + duplicated
              + (duplicated == 1 ? " key occurs" : " keys occur")
              + " more than once: "
              + String.join(", ", duplicates)
              + (duplicated > duplicates.size() ? ", …" : ""));
    }
    return this;
  }

  /**
   * The values of {@code column}, one per row in row order, for AssertJ's list assertions ({@code
   * containsOnly}, {@code doesNotContainNull}, {@code isSorted}, …).
   */
  public ListAssert<@Nullable Object> column(String column) {
    requireNonNull(column, "column");
    hasColumns(column);
    List<@Nullable Object> values = new ArrayList<>(actual.rows().size());
    for (Map<String, @Nullable Object> row : actual.rows()) {
      values.add(row.get(column));
    }
    return Assertions.<@Nullable Object>assertThat(values)
        .as("column %s of table %s", column, actual.table());
  }

  /**
   * Verifies that {@code requirements} hold for every row (a map of column name to value); the
   * failure lists the rows that do not satisfy them, with why.
   */
  public TableAssert satisfiesAllRows(Consumer<Map<String, @Nullable Object>> requirements) {
    requireNonNull(requirements, "requirements");
    exists();
    List<String> failures = new ArrayList<>();
    int failed = 0;
    List<Map<String, @Nullable Object>> rows = actual.rows();
    for (int i = 0; i < rows.size(); i++) {
      try {
        requirements.accept(rows.get(i));
      } catch (AssertionError e) {
        failed++;
        if (failures.size() < MAX_LISTED) {
          failures.add(
              "  row "
                  + i
                  + " "
                  + rows.get(i)
                  + ":\n    "
                  + firstLines(String.valueOf(e.getMessage())));
        }
      }
    }
    if (failed > 0) {
      failWithMessage(
          "%s",
          "Expecting every row of table "
              + actual.table()
              + " to satisfy the requirements but "
              + failed
              + " of "
              + rows.size()
              + (rows.size() == 1 ? " row does" : " rows do")
              + " not:\n"
              + String.join("\n", failures)
              + (failed > failures.size() ? "\n  …" : ""));
    }
    return this;
  }

  /** The failure message for a table that does not exist. */
  static String missingMessage(TableContents contents) {
    return "Expecting table "
        + contents.table()
        + " to exist, but the catalog has no such table"
        + (contents.catalogTables().isEmpty()
            ? " (it has no table at all: did the asset that writes it run?)"
            : "; its tables are " + contents.catalogTables());
  }

  private List<String> columns() {
    return actual.columns().orElse(List.of());
  }

  private static String describeKey(List<String> keys, List<@Nullable Object> values) {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < keys.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append(keys.get(i)).append('=').append(values.get(i));
    }
    return out.append('}').toString();
  }

  private static String firstLines(String message) {
    String trimmed = message.strip();
    return trimmed.replace("\n", "\n    ");
  }
}
