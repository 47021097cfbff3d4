package dev.floe.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.runtime.observe.LineageSink;
import dev.floe.runtime.observe.ObservabilityOptions;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bronze rows, a SQL silver table and a JDBC gold step on the local platform, with signals. */
class EndToEndTest {
  @TempDir static Path dir;
  static CompiledArtifacts artifacts;

  @BeforeAll
  static void compile() {
    artifacts = TestArtifacts.compile(dir, "local");
  }

  public record Order(
      long orderId,
      String status,
      @AssetContext.Decimal(precision = 10, scale = 2) BigDecimal total) {}

  public static final class Layers {
    @FloeAsset(outputs = "bronze.orders", group = "bronze")
    public long orders(AssetContext context) {
      List<Order> rows =
          IntStream.rangeClosed(1, 100)
              .mapToObj(
                  i ->
                      new Order(
                          i, i % 10 == 0 ? " Cancelled" : "shipped ", BigDecimal.valueOf(i, 1)))
              .toList();
      context.setAttribute("orders.generated", rows.size());
      return context.writeRows("bronze.orders", Order.class, rows);
    }

    @FloeAsset(inputs = "bronze.orders", outputs = "silver.orders", group = "silver")
    public void cleanOrders(AssetContext context) {
      context.writeTable(
          "silver.orders",
          "SELECT order_id, lower(trim(status)) AS status, total FROM bronze.orders"
              + " WHERE lower(trim(status)) <> 'cancelled'");
    }

    @FloeAsset(inputs = "silver.orders", outputs = "gold.revenue", group = "gold")
    public MaterializeResult revenue(AssetContext context, Connection duckdb) throws Exception {
      String orders = context.table("silver.orders");
      try (Statement s = duckdb.createStatement();
          ResultSet r = s.executeQuery("SELECT count(*), sum(total) FROM " + orders)) {
        r.next();
        long count = r.getLong(1);
        context.writeTable(
            "gold.revenue",
            "SELECT status, sum(total) AS revenue FROM silver.orders GROUP BY status");
        return MaterializeResult.rows(1).with("orders", count).with("sum", r.getBigDecimal(2));
      }
    }
  }

  @Test
  void layersRunWithDataSpansAndLineage() throws Exception {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    LineageSink sink = events::add;
    FloeDefinitions defs =
        FloeDefinitions.builder()
            .artifacts(artifacts)
            .projectDir(dir)
            .assetClasses(Layers.class)
            .observabilityOptions(
                ObservabilityOptions.DEFAULTS.withSpanExporter(spans).withLineageSink(sink))
            .build();

    RunResult result = defs.materialize();
    assertThat(result.assets()).allSatisfy(a -> assertThat(a.error()).as(a.name()).isEmpty());
    assertThat(result.succeeded()).isTrue();
    assertThat(result.asset("orders").orElseThrow().rows()).hasValue(100);
    assertThat(result.asset("clean_orders").orElseThrow().rows()).hasValue(90);
    assertThat(result.asset("revenue").orElseThrow().metadata())
        .containsEntry("orders", "90")
        .containsEntry("sum", "450.00");

    Catalog catalog =
        dev.floe.catalog.Catalogs.open(
                artifacts.catalog(),
                artifacts.storage(),
                dev.floe.core.secret.SecretResolver.fromProcess(),
                dir)
            .catalog();
    Table revenue = catalog.loadTable(TableIdentifier.of("gold", "revenue"));
    List<Record> rows = new ArrayList<>();
    try (CloseableIterable<Record> read = IcebergGenerics.read(revenue).build()) {
      read.forEach(rows::add);
    }
    assertThat(rows)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getField("status")).isEqualTo("shipped");
              assertThat(r.getField("revenue").toString()).isEqualTo("450.00");
            });

    // One span per asset under the run span, with floe's attributes.
    List<SpanData> recorded = spans.getFinishedSpanItems();
    assertThat(recorded).hasSize(4);
    SpanData run =
        recorded.stream()
            .filter(s -> s.getParentSpanContext().isValid() == false)
            .findFirst()
            .orElseThrow();
    List<SpanData> assets = recorded.stream().filter(s -> s != run).toList();
    assertThat(assets)
        .allSatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(run.getSpanId()))
        .extracting(s -> s.getAttributes().get(AttributeKey.stringKey("floe.asset.name")))
        .containsExactlyInAnyOrder("orders", "clean_orders", "revenue");
    SpanData orders =
        assets.stream()
            .filter(
                s ->
                    "orders"
                        .equals(s.getAttributes().get(AttributeKey.stringKey("floe.asset.name"))))
            .findFirst()
            .orElseThrow();
    assertThat(orders.getAttributes().get(AttributeKey.longKey("orders.generated"))).isEqualTo(100);

    // START and COMPLETE per asset, linked to the run and to the asset's span.
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> parsed = new ArrayList<>();
    for (String e : events) {
      parsed.add(json.readTree(e));
    }
    for (String asset : List.of("orders", "clean_orders", "revenue")) {
      List<String> types =
          parsed.stream()
              .filter(e -> e.at("/job/name").asText().endsWith("." + asset))
              .map(e -> e.get("eventType").asText())
              .toList();
      assertThat(types).as(asset).containsExactly("START", "COMPLETE");
    }
    JsonNode complete =
        parsed.stream()
            .filter(e -> e.at("/job/name").asText().endsWith(".clean_orders"))
            .filter(e -> e.get("eventType").asText().equals("COMPLETE"))
            .findFirst()
            .orElseThrow();
    assertThat(complete.at("/outputs/0/name").asText()).contains("silver").contains("orders");
    assertThat(complete.at("/inputs/0/name").asText()).contains("bronze").contains("orders");
    assertThat(complete.at("/run/facets/parent/run/runId").asText()).isEqualTo(result.runId());
    assertThat(result.observability().traces().delivered()).isEqualTo(4);
    assertThat(result.observability().lineage().dropped()).isZero();
  }

  @Test
  void reRunningReplacesTheTables() {
    FloeDefinitions defs =
        FloeDefinitions.builder()
            .artifacts(artifacts)
            .projectDir(dir)
            .assetClasses(Layers.class)
            .build();
    RunResult first = defs.materialize();
    RunResult second = defs.materialize();
    assertThat(first.succeeded()).isTrue();
    assertThat(second.asset("clean_orders").orElseThrow().rows()).hasValue(90);
  }
}
