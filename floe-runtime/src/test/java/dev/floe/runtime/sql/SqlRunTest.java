package dev.floe.runtime.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.floe.catalog.Catalogs;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.secret.SecretResolver;
import dev.floe.runtime.AssetContext;
import dev.floe.runtime.FloeAsset;
import dev.floe.runtime.FloeDefinitions;
import dev.floe.runtime.RunResult;
import dev.floe.runtime.observe.LineageSink;
import dev.floe.runtime.observe.ObservabilityOptions;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java bronze assets and SQL silver and gold files in one graph, run on the local platform. */
class SqlRunTest {
  @TempDir static Path dir;
  static CompiledArtifacts artifacts;

  public record RawOrder(long orderId, long version, long customerId, String status, long amount) {}

  public record RawCustomer(long customerId, String region) {}

  /** Orders 1..20, version 1; orders 1..5 again as version 2; every 10th order cancelled. */
  static List<RawOrder> orders() {
    Stream<RawOrder> first =
        IntStream.rangeClosed(1, 20)
            .mapToObj(
                i ->
                    new RawOrder(i, 1, 1 + i % 4, i % 10 == 0 ? " Cancelled" : "placed ", i * 10L));
    Stream<RawOrder> second =
        IntStream.rangeClosed(1, 5)
            .mapToObj(i -> new RawOrder(i, 2, 1 + i % 4, "SHIPPED", i * 11L));
    return Stream.concat(first, second).toList();
  }

  public static final class Bronze {
    @FloeAsset(outputs = "bronze.raw_orders", group = "bronze")
    public long rawOrders(AssetContext context) {
      return context.writeRows("bronze.raw_orders", RawOrder.class, orders());
    }

    @FloeAsset(outputs = "raw_customers", group = "bronze")
    public long rawCustomers(AssetContext context) {
      List<RawCustomer> rows =
          IntStream.rangeClosed(1, 4)
              .mapToObj(i -> new RawCustomer(i, i % 2 == 0 ? "eu" : "us"))
              .toList();
      return context.writeRows("raw_customers", RawCustomer.class, rows);
    }
  }

  @BeforeAll
  static void project() {
    artifacts = SqlProject.compile(dir, List.of(SqlProject.sql("./sql")));
    SqlProject.write(
        dir,
        "sql/silver/stg_orders.sql",
        """
        -- the latest version of each order; cancelled orders dropped
        WITH ranked AS (
          SELECT *, row_number() OVER (PARTITION BY order_id ORDER BY version DESC) AS rn
          FROM bronze.raw_orders
        )
        SELECT order_id, customer_id, lower(trim(status)) AS status, amount
        FROM ranked
        WHERE rn = 1 AND lower(trim(status)) <> 'cancelled'
        """);
    // a bare name: the catalog profile's default namespace
    SqlProject.write(
        dir,
        "sql/silver/stg_customers.sql",
        "SELECT customer_id, upper(region) AS region FROM raw_customers\n");
    SqlProject.write(
        dir,
        "sql/gold/mart_revenue.sql",
        """
        SELECT c.region, count(*) AS orders, sum(o.amount) AS revenue
        FROM silver.stg_orders o
        JOIN "silver"."stg_customers" c USING (customer_id)
        GROUP BY c.region
        """);
    SqlProject.write(
        dir, "sql/order_count.sql", "SELECT count(*) AS orders FROM silver.stg_orders;\n");
  }

  private FloeDefinitions.Builder builder() {
    return FloeDefinitions.builder()
        .artifacts(artifacts)
        .projectDir(dir)
        .assetClasses(Bronze.class)
        // one at a time: two first writes into one new namespace at once can race in the JDBC
        // catalog (a namespace-properties primary key), which is the table helpers' business
        .parallelism(1)
        .writeRunDocuments(false);
  }

  @Test
  void sqlFilesAreAssetsOfTheGraph() {
    FloeDefinitions defs = builder().build();
    assertThat(defs.assets())
        .extracting(FloeDefinitions.Asset::name)
        .containsExactlyInAnyOrder(
            "raw_orders",
            "raw_customers",
            "stg_orders",
            "stg_customers",
            "mart_revenue",
            "order_count");
    FloeDefinitions.Asset stgOrders = asset(defs, "stg_orders");
    assertThat(stgOrders.kind()).isEqualTo("sql");
    assertThat(stgOrders.group()).hasValue("silver");
    assertThat(stgOrders.origin()).isEqualTo("sql/silver/stg_orders.sql");
    assertThat(stgOrders.inputs()).containsExactly("bronze.raw_orders");
    assertThat(stgOrders.outputs()).containsExactly("silver.stg_orders");
    assertThat(stgOrders.upstream()).containsExactly("raw_orders");
    assertThat(asset(defs, "stg_customers").inputs()).containsExactly("demo.raw_customers");
    assertThat(asset(defs, "mart_revenue").upstream())
        .containsExactlyInAnyOrder("stg_orders", "stg_customers");
    FloeDefinitions.Asset count = asset(defs, "order_count");
    assertThat(count.outputs()).containsExactly("demo.order_count");
    assertThat(count.group()).isEmpty();
  }

  @Test
  void selectingAGoldTablePicksItsSqlAndJavaUpstream() {
    FloeDefinitions defs = builder().build();
    assertThat(defs.select(List.of("+mart_revenue")))
        .extracting(FloeDefinitions.Asset::name)
        .containsExactlyInAnyOrder(
            "raw_orders", "raw_customers", "stg_orders", "stg_customers", "mart_revenue");
    assertThat(defs.select(List.of("group:silver")))
        .extracting(FloeDefinitions.Asset::name)
        .containsExactlyInAnyOrder("stg_orders", "stg_customers");
  }

  @Test
  void javaAndSqlAssetsRunTogetherWithSpansAndLineage() throws Exception {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    LineageSink sink = events::add;
    FloeDefinitions defs =
        builder()
            .observabilityOptions(
                ObservabilityOptions.DEFAULTS.withSpanExporter(spans).withLineageSink(sink))
            .build();

    RunResult result = defs.materialize();
    assertThat(result.assets()).allSatisfy(a -> assertThat(a.error()).as(a.name()).isEmpty());
    assertThat(result.succeeded()).isTrue();

    // the expected values, computed here from the same bronze rows
    Map<Long, RawOrder> latest = new TreeMap<>();
    for (RawOrder o : orders()) {
      latest.merge(o.orderId(), o, (a, b) -> a.version() >= b.version() ? a : b);
    }
    List<RawOrder> kept =
        latest.values().stream()
            .filter(o -> !o.status().strip().equalsIgnoreCase("cancelled"))
            .toList();
    assertThat(result.asset("stg_orders").orElseThrow().rows()).hasValue(kept.size());
    assertThat(result.asset("stg_customers").orElseThrow().rows()).hasValue(4);
    Map<String, long[]> revenue = new TreeMap<>();
    for (RawOrder o : kept) {
      long[] r = revenue.computeIfAbsent(o.customerId() % 2 == 0 ? "EU" : "US", k -> new long[2]);
      r[0]++;
      r[1] += o.amount();
    }

    Catalog catalog =
        Catalogs.open(artifacts.catalog(), artifacts.storage(), SecretResolver.fromProcess(), dir)
            .catalog();
    List<Record> stg = read(catalog, "silver", "stg_orders");
    assertThat(stg).hasSize(kept.size());
    assertThat(stg).extracting(r -> r.getField("status")).containsOnly("placed", "shipped");
    assertThat(stg).extracting(r -> r.getField("order_id")).doesNotHaveDuplicates();
    Record first =
        stg.stream()
            .filter(r -> ((Number) r.getField("order_id")).longValue() == 1)
            .findFirst()
            .orElseThrow();
    assertThat(first.getField("status")).isEqualTo("shipped");
    assertThat(((Number) first.getField("amount")).longValue()).isEqualTo(11);

    List<Record> mart = read(catalog, "gold", "mart_revenue");
    mart.sort(Comparator.comparing(r -> String.valueOf(r.getField("region"))));
    assertThat(mart).hasSize(revenue.size());
    int i = 0;
    for (Map.Entry<String, long[]> e : revenue.entrySet()) {
      Record r = mart.get(i++);
      assertThat(r.getField("region")).isEqualTo(e.getKey());
      assertThat(((Number) r.getField("orders")).longValue()).isEqualTo(e.getValue()[0]);
      assertThat(((Number) r.getField("revenue")).longValue()).isEqualTo(e.getValue()[1]);
    }
    List<Record> count = read(catalog, "demo", "order_count");
    assertThat(((Number) count.get(0).getField("orders")).longValue()).isEqualTo(kept.size());

    // a span per asset, SQL ones with their inputs and kind
    List<SpanData> recorded = spans.getFinishedSpanItems();
    Optional<SpanData> stgSpan =
        recorded.stream()
            .filter(
                s ->
                    "stg_orders"
                        .equals(s.getAttributes().get(AttributeKey.stringKey("floe.asset.name"))))
            .findFirst();
    assertThat(stgSpan).isPresent();
    assertThat(recorded).hasSize(7);
    assertThat(stgSpan.get().getAttributes().asMap().toString()).contains("bronze.raw_orders");

    ObjectMapper json = new ObjectMapper();
    List<JsonNode> parsed = new ArrayList<>();
    for (String e : events) {
      parsed.add(json.readTree(e));
    }
    JsonNode complete =
        parsed.stream()
            .filter(e -> e.at("/job/name").asText().endsWith(".mart_revenue"))
            .filter(e -> e.get("eventType").asText().equals("COMPLETE"))
            .findFirst()
            .orElseThrow();
    assertThat(complete.at("/inputs").toString()).contains("stg_orders").contains("stg_customers");
    assertThat(complete.at("/outputs/0/name").asText()).contains("mart_revenue");

    // re-running replaces the tables
    RunResult again =
        builder()
            .observabilityOptions(
                ObservabilityOptions.DEFAULTS
                    .withSpanExporter(InMemorySpanExporter.create())
                    .withLineageSink(e -> {}))
            .build()
            .materialize("+mart_revenue");
    assertThat(again.succeeded()).isTrue();
    assertThat(again.assets()).hasSize(5);
    assertThat(read(catalog, "gold", "mart_revenue")).hasSize(revenue.size());
  }

  private static FloeDefinitions.Asset asset(FloeDefinitions defs, String name) {
    return defs.assets().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
  }

  private static List<Record> read(Catalog catalog, String namespace, String table)
      throws Exception {
    List<Record> rows = new ArrayList<>();
    try (CloseableIterable<Record> read =
        IcebergGenerics.read(catalog.loadTable(TableIdentifier.of(namespace, table))).build()) {
      read.forEach(rows::add);
    }
    return rows;
  }
}
