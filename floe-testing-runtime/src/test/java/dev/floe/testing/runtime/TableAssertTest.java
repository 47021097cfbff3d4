package dev.floe.testing.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TableAssertTest {
  static Map<String, @Nullable Object> row(long id, @Nullable String status) {
    Map<String, @Nullable Object> row = new HashMap<>();
    row.put("order_id", id);
    row.put("status", status);
    return row;
  }

  static final TableContents ORDERS =
      TableContents.of(
          "silver.orders",
          List.of("order_id", "status"),
          List.of(row(1, "shipped"), row(2, "shipped"), row(2, "cancelled"), row(3, null)));

  @Test
  void passesOnWhatTheTableHolds() {
    TableAssert.assertThat(ORDERS)
        .exists()
        .hasRowCount(4)
        .hasColumns("status", "order_id")
        .hasNoDuplicates()
        .hasNoDuplicates("order_id", "status")
        .satisfiesAllRows(r -> assertThat(r).containsKey("status"));
    TableAssert.assertThat(ORDERS).column("order_id").containsExactly(1L, 2L, 2L, 3L);
    assertThat(ORDERS.rows().get(3)).containsEntry("status", null);
  }

  @Test
  void aMissingTableNamesTheTablesThereAre() {
    TableContents missing = TableContents.missing("gold.revenue", List.of("bronze.orders"));
    assertThat(missing.exists()).isFalse();
    assertThatThrownBy(() -> TableAssert.assertThat(missing).exists())
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting table gold.revenue to exist, but the catalog has no such table; its tables"
                + " are [bronze.orders]");
    assertThatThrownBy(() -> TableAssert.assertThat(missing).hasRowCount(0))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting table gold.revenue to exist");
    assertThatThrownBy(
            () -> TableAssert.assertThat(TableContents.missing("a.b", List.of())).exists())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("it has no table at all");
  }

  @Test
  void rowCountSaysHowManyThereAre() {
    assertThatThrownBy(() -> TableAssert.assertThat(ORDERS).hasRowCount(1))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting table silver.orders to have 1 row but it has 4");
  }

  @Test
  void missingColumnsAreListedWithTheColumnsThereAre() {
    assertThatThrownBy(() -> TableAssert.assertThat(ORDERS).hasColumns("order_id", "total", "tax"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting table silver.orders to have columns [order_id, total, tax] but it has no"
                + " total, tax; its columns are [order_id, status]");
    assertThatThrownBy(() -> TableAssert.assertThat(ORDERS).column("total"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("has no total");
  }

  @Test
  void duplicatesAreListedByKey() {
    assertThatThrownBy(() -> TableAssert.assertThat(ORDERS).hasNoDuplicates("order_id"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting table silver.orders to have no duplicate rows by [order_id] but 1 key occurs"
                + " more than once: {order_id=2} ×2");
    assertThatThrownBy(() -> TableAssert.assertThat(ORDERS).hasNoDuplicates("nope"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("has no nope");
  }

  @Test
  void manyDuplicatesAreCut() {
    List<Map<String, @Nullable Object>> rows = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      rows.add(row(i % 15, "x"));
    }
    TableContents t = TableContents.of("t.dups", List.of("order_id", "status"), rows);
    assertThatThrownBy(() -> TableAssert.assertThat(t).hasNoDuplicates())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("by all columns but 15 keys occur more than once")
        .hasMessageContaining("{order_id=9, status=x} ×2, …")
        .hasMessageNotContaining("order_id=10,");
  }

  @Test
  void columnFailuresNameTheColumn() {
    assertThatThrownBy(() -> TableAssert.assertThat(ORDERS).column("status").doesNotContainNull())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("column status of table silver.orders");
  }

  @Test
  void rowsThatFailAreListedWithWhy() {
    assertThatThrownBy(
            () ->
                TableAssert.assertThat(ORDERS)
                    .satisfiesAllRows(r -> assertThat(r.get("status")).isEqualTo("shipped")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Expecting every row of table silver.orders to satisfy the requirements but 2 of 4"
                + " rows do not:")
        .hasMessageContaining("row 2 {")
        .hasMessageContaining("cancelled")
        .hasMessageContaining("row 3 {")
        .hasMessageNotContaining("row 0 {");
  }

  @Test
  void manyFailingRowsAreCut() {
    List<Map<String, @Nullable Object>> rows = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      rows.add(row(i, "x"));
    }
    TableContents t = TableContents.of("t.all", List.of("order_id", "status"), rows);
    assertThatThrownBy(
            () -> TableAssert.assertThat(t).satisfiesAllRows(r -> assertThat(r).isEmpty()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("12 of 12 rows do not")
        .hasMessageContaining("row 9 {")
        .hasMessageNotContaining("row 10 {")
        .hasMessageEndingWith("…");
  }

  @Test
  void aDescriptionComesFirst() {
    assertThatThrownBy(() -> TableAssert.assertThat(ORDERS).as("after the run").hasRowCount(0))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("[after the run]");
  }
}
