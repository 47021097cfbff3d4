package com.example.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.floe.runtime.AssetContext;
import dev.floe.runtime.FloeAsset;
import dev.floe.runtime.RunResult;
import dev.floe.testing.runtime.FloeTest;
import dev.floe.testing.runtime.FloeTestProject;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The example of docs/testing.md: a test written exactly as a user writes one. */
@FloeTest
class OrdersPipelineTest {

  /** Where orders come from: in production an HTTP client, in this test a fixed list. */
  public interface OrderFeed {
    List<Order> fetch();
  }

  public record Order(
      long orderId,
      String status,
      @AssetContext.Decimal(precision = 10, scale = 2) BigDecimal total) {}

  public static final class Bronze {
    @FloeAsset(outputs = "bronze.orders", group = "bronze")
    public long orders(AssetContext context, OrderFeed feed) {
      return context.writeRows("bronze.orders", Order.class, feed.fetch());
    }
  }

  public static final class Silver {
    @FloeAsset(inputs = "bronze.orders", outputs = "silver.orders", group = "silver")
    public long cleanOrders(AssetContext context) {
      return context.writeTable(
          "silver.orders",
          "SELECT order_id, lower(trim(status)) AS status, total FROM bronze.orders"
              + " WHERE lower(trim(status)) <> 'cancelled'");
    }
  }

  @BeforeEach
  void feed(FloeTestProject project) {
    List<Order> orders =
        IntStream.rangeClosed(1, 100)
            .mapToObj(
                i ->
                    new Order(i, i % 10 == 0 ? " Cancelled" : "Shipped ", BigDecimal.valueOf(i, 1)))
            .toList();
    project.resource(OrderFeed.class, () -> orders);
  }

  @Test
  void cleansOrders(FloeTestProject project) {
    RunResult run = project.materialize(Bronze.class, Silver.class);

    project.assertThatRun(run).succeeded().hasRows("orders", 100).hasRows("clean_orders", 90);
    project
        .assertThatTable("silver.orders")
        .hasRowCount(90)
        .hasColumns("order_id", "status", "total")
        .hasNoDuplicates("order_id")
        .satisfiesAllRows(row -> assertThat(row.get("status")).isEqualTo("shipped"));
    project.assertThatTable("silver.orders").column("order_id").doesNotContain(10L, 20L);
    assertThat(project.rows("bronze.orders")).hasSize(100);
  }

  @Test
  void everyAssetHasASpanAndLineage(FloeTestProject project) {
    project.materialize(Bronze.class, Silver.class);

    for (String asset : List.of("orders", "clean_orders")) {
      SpanData span = project.span(asset);
      assertThat(span.getName()).isEqualTo("floe.asset " + asset);
      assertThat(span.getParentSpanId()).isEqualTo(project.runSpan().getSpanId());
      assertThat(project.lineageEvents(asset))
          .extracting(e -> e.get("eventType").asText())
          .containsExactly("START", "COMPLETE");
    }
    JsonNode complete = project.lineageEvents("clean_orders").get(1);
    assertThat(complete.at("/inputs/0/name").asText()).contains("bronze").contains("orders");
    assertThat(complete.at("/outputs/0/name").asText()).contains("silver").contains("orders");
  }

  @Test
  void aSelectionRunsOnlyWhatItNames(FloeTestProject project) {
    project.materialize(Bronze.class, Silver.class);

    RunResult silverOnly = project.materialize(List.of("group:silver"), Bronze.class, Silver.class);

    assertThat(silverOnly.assets())
        .extracting(RunResult.AssetResult::name)
        .containsExactly("clean_orders");
    // The run's span and clean_orders': signals are those of the last run only.
    assertThat(project.spans()).hasSize(2);
  }
}
