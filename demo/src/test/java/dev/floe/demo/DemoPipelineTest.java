package dev.floe.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.catalog.Catalogs;
import dev.floe.catalog.OpenedCatalog;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.platform.PlatformRequest;
import dev.floe.core.project.FloeProject;
import dev.floe.core.secret.SecretResolver;
import dev.floe.runtime.FloeDefinitions;
import dev.floe.runtime.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo pipeline on the local platform: the business rules hold on the data it builds. */
class DemoPipelineTest {
  @TempDir static Path project;
  static RunResult result;
  static OpenedCatalog catalog;

  @BeforeAll
  static void runTheDemo() throws IOException {
    Path demo = Path.of("").toAbsolutePath();
    copy(demo, project, "floe.yaml");
    copy(demo, project, "platform/local/platform.yaml");
    try (Stream<Path> sql = Files.walk(demo.resolve("sql"))) {
      for (Path file : sql.filter(p -> p.toString().endsWith(".sql")).toList()) {
        copy(demo, project, demo.relativize(file).toString());
      }
    }
    CompiledArtifacts artifacts =
        FloeProject.builder()
            .variables(Map.of())
            .build()
            .load(
                project.resolve("floe.yaml"),
                PlatformRequest.builder()
                    .environment("local")
                    .workDir(project)
                    .homeDir(project)
                    .build())
            .artifacts();
    result =
        FloeDefinitions.builder()
            .artifacts(artifacts)
            .projectDir(project)
            .assetClasses(Bronze.class)
            .writeRunDocuments(false)
            .build()
            .materialize();
    catalog =
        Catalogs.open(
            artifacts.catalog(), artifacts.storage(), SecretResolver.fromProcess(), project);
  }

  @AfterAll
  static void close() {
    catalog.close();
  }

  @Test
  void everyAssetSucceeds() {
    assertThat(result.assets())
        .allSatisfy(a -> assertThat(a.error()).as(a.name()).isEmpty())
        .extracting(RunResult.AssetResult::name)
        .containsExactlyInAnyOrder(
            "raw_customers",
            "raw_products",
            "raw_orders",
            "raw_order_items",
            "stg_customers",
            "stg_products",
            "stg_orders",
            "stg_order_items",
            "mart_customer_orders",
            "mart_product_performance",
            "mart_revenue");
    assertThat(result.asset("raw_customers").orElseThrow().rows()).hasValue(1000);
    assertThat(result.asset("raw_products").orElseThrow().rows()).hasValue(100);
    assertThat(result.asset("raw_orders").orElseThrow().rows()).hasValue(5000);
    assertThat(result.asset("raw_order_items").orElseThrow().rows().getAsLong())
        .isBetween(14_000L, 16_000L);
  }

  @Test
  void silverKeepsTheLatestValidRowPerId() {
    List<Record> customers = rows("silver.stg_customers");
    assertThat(customers).hasSize(Bronze.CUSTOMERS);
    assertThat(unique(customers, "customer_id")).isTrue();
    assertThat(customers)
        .allSatisfy(
            c -> {
              String email = (String) c.getField("email");
              assertThat(email)
                  .isNotNull()
                  .isEqualTo(email.strip().toLowerCase(java.util.Locale.ROOT));
              assertThat((String) c.getField("region")).isIn("NORTH", "SOUTH", "EAST", "WEST");
            });

    List<Record> products = rows("silver.stg_products");
    assertThat(products).hasSize(Bronze.PRODUCTS);
    assertThat(products).allSatisfy(p -> assertThat((BigDecimal) p.getField("price")).isPositive());
    Record seven =
        products.stream()
            .filter(p -> (long) p.getField("product_id") == 7)
            .findFirst()
            .orElseThrow();
    assertThat(seven.getField("price")).isEqualTo(Bronze.price(7).add(BigDecimal.ONE));

    List<Record> orders = rows("silver.stg_orders");
    assertThat(unique(orders, "order_id")).isTrue();
    assertThat(orders).hasSize(Bronze.ORDERS - Bronze.ORDERS / 123);
    Set<Long> customerIds = new HashSet<>();
    customers.forEach(c -> customerIds.add((Long) c.getField("customer_id")));
    assertThat(orders)
        .allSatisfy(o -> assertThat(customerIds).contains((Long) o.getField("customer_id")));

    List<Record> items = rows("silver.stg_order_items");
    assertThat(unique(items, "order_item_id")).isTrue();
    assertThat(items).allSatisfy(i -> assertThat((Integer) i.getField("quantity")).isPositive());
  }

  @Test
  void goldTotalsReconcileWithSilver() {
    Set<Long> cancelled = new HashSet<>();
    for (Record o : rows("silver.stg_orders")) {
      if ("cancelled".equals(o.getField("status"))) {
        cancelled.add((Long) o.getField("order_id"));
      }
    }
    BigDecimal items = BigDecimal.ZERO;
    for (Record i : rows("silver.stg_order_items")) {
      if (!cancelled.contains((Long) i.getField("order_id"))) {
        items = items.add((BigDecimal) i.getField("subtotal"));
      }
    }
    assertThat(items).isPositive();
    assertThat(sum("gold.mart_revenue", "revenue")).isEqualByComparingTo(items);
    assertThat(sum("gold.mart_customer_orders", "revenue")).isEqualByComparingTo(items);
    assertThat(sum("gold.mart_product_performance", "revenue")).isEqualByComparingTo(items);
    assertThat(rows("gold.mart_customer_orders")).hasSize(Bronze.CUSTOMERS);
    assertThat(rows("gold.mart_product_performance")).hasSize(Bronze.PRODUCTS);
  }

  @Test
  void assetCodeHoldsBusinessLogicOnly() throws IOException {
    Path sources = Path.of("src/main/java");
    List<String> forbidden =
        List.of(
            "System.getenv",
            "System.getProperty",
            "http://",
            "https://",
            "jdbc:",
            "secret",
            "password",
            "token",
            "Tracer",
            "OpenTelemetry",
            "OpenLineage",
            "Catalogs",
            "SecretResolver",
            "FloeProject",
            "ArtifactJson",
            "platform.yaml",
            "s3://");
    long lines = 0;
    List<Path> files = new ArrayList<>();
    try (Stream<Path> all = Files.walk(sources)) {
      all.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
    }
    try (Stream<Path> sql = Files.walk(Path.of("sql"))) {
      sql.filter(p -> p.toString().endsWith(".sql")).forEach(files::add);
    }
    for (Path file : files) {
      String text = Files.readString(file);
      lines += text.lines().count();
      for (String word : forbidden) {
        assertThat(text.toLowerCase(java.util.Locale.ROOT))
            .as("%s must not mention %s: asset code holds business logic only", file, word)
            .doesNotContain(word.toLowerCase(java.util.Locale.ROOT));
      }
    }
    long javaLines =
        files.stream()
            .filter(f -> f.toString().endsWith(".java"))
            .mapToLong(f -> read(f).lines().count())
            .sum();
    assertThat(javaLines).as("the demo's Java stays small").isLessThan(400);
    assertThat(lines).isPositive();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BigDecimal sum(String table, String column) {
    BigDecimal total = BigDecimal.ZERO;
    for (Record r : rows(table)) {
      Object value = r.getField(column);
      total = total.add(value instanceof BigDecimal d ? d : new BigDecimal(value.toString()));
    }
    return total;
  }

  private static boolean unique(List<Record> rows, String column) {
    Set<Object> seen = new HashSet<>();
    return rows.stream().allMatch(r -> seen.add(r.getField(column)));
  }

  private static List<Record> rows(String table) {
    List<Record> out = new ArrayList<>();
    try (CloseableIterable<Record> read =
        IcebergGenerics.read(catalog.catalog().loadTable(TableIdentifier.parse(table))).build()) {
      read.forEach(out::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static void copy(Path from, Path to, String relative) throws IOException {
    Path target = to.resolve(relative);
    Files.createDirectories(target.getParent());
    Files.copy(from.resolve(relative), target);
  }
}
