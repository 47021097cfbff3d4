package dev.floe.benchmarks;

import dev.floe.catalog.Catalogs;
import dev.floe.catalog.OpenedCatalog;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.platform.PlatformRequest;
import dev.floe.core.project.FloeProject;
import dev.floe.core.secret.SecretResolver;
import dev.floe.demo.Bronze;
import dev.floe.runtime.FloeDefinitions;
import dev.floe.runtime.RunListener;
import dev.floe.runtime.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.CloseableIterable;

/**
 * The demo pipeline on the local platform, timed layer by layer, against the same silver and gold
 * SQL run directly in DuckDB over the same bronze Parquet files (docs/performance.md, "Demo
 * pipeline"). One mode per JVM, so that each process's peak memory is its own; with the JIT option
 * the {@code ./floe} launcher runs pipelines with (C1 only), which the summary reports:
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -cp benchmarks/target/benchmarks.jar \
 *     dev.floe.benchmarks.DemoPipelineBenchmark floe 5
 * java -XX:TieredStopAtLevel=1 -cp benchmarks/target/benchmarks.jar \
 *     dev.floe.benchmarks.DemoPipelineBenchmark duckdb 5
 * </pre>
 *
 * <p>{@code floe}: the whole demo through {@link FloeDefinitions#materialize} — bronze Java assets,
 * then silver and gold SQL assets on the embedded DuckDB, every table committed to the SQLite
 * Iceberg catalog, spans and lineage on as the demo has them — once cold (the first run in the JVM)
 * and then {@code runs} more times. A layer's time is from its first asset's start to its last
 * asset's end, as a run listener sees them.
 *
 * <p>{@code floe-sql}: floe builds bronze once (not timed), then each run materializes silver and
 * gold only ({@code group:silver group:gold}): the same start and the same work as {@code duckdb},
 * so that the two compare without bronze's Java assets competing for the cores. Its {@code run} is
 * the whole {@code materialize} call: opening the catalog and the engine, every asset, the run's
 * end.
 *
 * <p>{@code duckdb}: floe builds bronze once (not timed); then each run opens a new DuckDB database
 * file with the local platform's settings (2 threads, 1 GB), makes views over bronze's current
 * Parquet data files, and runs each silver and gold file as {@code CREATE TABLE … AS} followed by
 * {@code COPY … TO '….parquet'}, in the order of the layers — what a hand-written script over the
 * same files would do, with no catalog, no spans and no lineage.
 *
 * <p>Prints one line per run and a summary with medians, rows per second per layer, the heap's peak
 * and the process's peak resident memory ({@code VmHWM}).
 */
public final class DemoPipelineBenchmark {
  private static final List<String> LAYERS = List.of("bronze", "silver", "gold");

  private DemoPipelineBenchmark() {}

  /**
   * Runs one mode.
   *
   * @param args {@code floe|floe-sql|duckdb [runs]}
   * @throws Exception when the demo cannot be set up or a run fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 1 || !List.of("floe", "floe-sql", "duckdb").contains(args[0])) {
      System.err.println("usage: DemoPipelineBenchmark floe|floe-sql|duckdb [runs]");
      System.exit(2);
    }
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path project = Files.createTempDirectory("floe-demo-bench");
    Path demo = CompileBenchmark.repositoryRoot().resolve("demo");
    copy(demo, project);
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
    FloeDefinitions definitions =
        FloeDefinitions.builder()
            .artifacts(artifacts)
            .projectDir(project)
            .assetClasses(Bronze.class)
            .writeRunDocuments(false)
            .build();
    List<Map<String, Double>> times = new ArrayList<>();
    Map<String, Long> rows = new LinkedHashMap<>();
    if (args[0].equals("floe")) {
      for (int i = 0; i <= runs; i++) {
        times.add(floeRun(definitions, List.of(), rows, i == 0 ? "cold" : "run " + i));
      }
    } else if (args[0].equals("floe-sql")) {
      bronze(definitions, rows);
      for (int i = 0; i <= runs; i++) {
        times.add(
            floeRun(
                definitions,
                List.of("group:silver", "group:gold"),
                rows,
                i == 0 ? "cold" : "run " + i));
      }
    } else {
      bronze(definitions, rows);
      Map<String, List<String>> files = bronzeFiles(artifacts, project);
      List<FloeDefinitions.Asset> order = dependencyOrder(definitions.assets());
      for (int i = 0; i <= runs; i++) {
        times.add(duckDbRun(project, files, order, rows, i, i == 0 ? "cold" : "run " + i));
      }
    }
    summary(args[0], times, rows);
    deleteTree(project);
  }

  /** Builds bronze once, untimed: the input of the SQL-only modes. */
  private static void bronze(FloeDefinitions definitions, Map<String, Long> rows) {
    RunResult bronze = definitions.materialize("group:bronze");
    if (!bronze.succeeded()) {
      throw new IllegalStateException("bronze failed: " + bronze);
    }
    rows.put("bronze", rowsOf(bronze, "bronze"));
  }

  private static Map<String, Double> floeRun(
      FloeDefinitions definitions, List<String> selectors, Map<String, Long> rows, String label) {
    Map<String, long[]> spans = new ConcurrentHashMap<>();
    Map<String, String> groups = new ConcurrentHashMap<>();
    long start = System.nanoTime();
    RunResult result =
        definitions.materialize(
            selectors,
            new RunListener() {
              @Override
              public void assetStarted(String asset) {
                spans.put(asset, new long[] {System.nanoTime(), 0});
              }

              @Override
              public void assetFinished(RunResult.AssetResult result) {
                long[] span = spans.get(result.name());
                if (span != null) {
                  span[1] = System.nanoTime();
                }
                groups.put(result.name(), result.group().orElse("?"));
              }
            });
    double total = seconds(System.nanoTime() - start);
    if (!result.succeeded()) {
      throw new IllegalStateException("the demo failed: " + result);
    }
    Map<String, Double> times = new LinkedHashMap<>();
    for (String layer : LAYERS) {
      if (!groups.containsValue(layer)) {
        continue; // not selected: bronze of floe-sql
      }
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      for (Map.Entry<String, long[]> span : spans.entrySet()) {
        if (layer.equals(groups.get(span.getKey()))) {
          first = Math.min(first, span.getValue()[0]);
          last = Math.max(last, span.getValue()[1]);
        }
      }
      times.put(layer, seconds(last - first));
      rows.put(layer, rowsOf(result, layer));
    }
    times.put("silver+gold", times.get("silver") + times.get("gold"));
    times.put("run", total);
    print(label, times);
    if (Boolean.getBoolean("floe.bench.timeline")) {
      spans.entrySet().stream()
          .sorted(Map.Entry.comparingByValue((a, b) -> Long.compare(a[0], b[0])))
          .forEach(
              e ->
                  System.out.printf(
                      "          %-28s %7.1f ms .. %7.1f ms%n",
                      e.getKey(),
                      (e.getValue()[0] - start) / 1e6,
                      (e.getValue()[1] - start) / 1e6));
    }
    return times;
  }

  private static Map<String, Double> duckDbRun(
      Path project,
      Map<String, List<String>> bronze,
      List<FloeDefinitions.Asset> order,
      Map<String, Long> rows,
      int i,
      String label)
      throws IOException, SQLException {
    Path work = Files.createDirectories(project.resolve("raw-duckdb/run-" + i));
    Map<String, Double> times = new LinkedHashMap<>();
    long start = System.nanoTime();
    try (Connection duck =
            DriverManager.getConnection("jdbc:duckdb:" + work.resolve("raw.duckdb"));
        Statement sql = duck.createStatement()) {
      sql.execute("SET threads = 2");
      sql.execute("SET memory_limit = '1GB'");
      sql.execute("CREATE SCHEMA bronze");
      for (Map.Entry<String, List<String>> table : bronze.entrySet()) {
        StringBuilder list = new StringBuilder();
        for (String file : table.getValue()) {
          list.append(list.length() == 0 ? "" : ", ").append('\'').append(file).append('\'');
        }
        sql.execute(
            "CREATE VIEW bronze."
                + table.getKey()
                + " AS SELECT * FROM read_parquet(["
                + list
                + "])");
      }
      for (String layer : List.of("silver", "gold")) {
        long layerStart = System.nanoTime();
        sql.execute("CREATE SCHEMA " + layer);
        long written = 0;
        for (FloeDefinitions.Asset asset : order) {
          if (!layer.equals(asset.group().orElse(""))) {
            continue;
          }
          String name = asset.name();
          Path file = project.resolve("sql").resolve(layer).resolve(name + ".sql");
          String query = Files.readString(file, StandardCharsets.UTF_8);
          sql.execute("CREATE TABLE " + layer + "." + name + " AS " + query);
          Path out = Files.createDirectories(work.resolve(layer)).resolve(name + ".parquet");
          sql.execute(
              "COPY "
                  + layer
                  + "."
                  + name
                  + " TO '"
                  + out
                  + "' (FORMAT parquet, COMPRESSION zstd)");
          try (ResultSet count = sql.executeQuery("SELECT count(*) FROM " + layer + "." + name)) {
            count.next();
            written += count.getLong(1);
          }
        }
        times.put(layer, seconds(System.nanoTime() - layerStart));
        rows.put(layer, written);
      }
    }
    times.put("silver+gold", times.get("silver") + times.get("gold"));
    times.put("run", seconds(System.nanoTime() - start));
    print(label, times);
    return times;
  }

  /** The current data files of each bronze table, as DuckDB reads them. */
  private static Map<String, List<String>> bronzeFiles(CompiledArtifacts artifacts, Path project)
      throws IOException {
    Map<String, List<String>> files = new LinkedHashMap<>();
    try (OpenedCatalog catalog =
        Catalogs.open(
            artifacts.catalog(), artifacts.storage(), SecretResolver.fromProcess(), project)) {
      for (TableIdentifier id :
          catalog.catalog().listTables(org.apache.iceberg.catalog.Namespace.of("bronze"))) {
        Table table = catalog.catalog().loadTable(id);
        List<String> paths = new ArrayList<>();
        try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
          for (FileScanTask task : tasks) {
            paths.add(task.file().location().replaceFirst("^file:", ""));
          }
        }
        files.put(id.name(), paths);
      }
    }
    return files;
  }

  private static long rowsOf(RunResult result, String layer) {
    long rows = 0;
    for (RunResult.AssetResult a : result.assets()) {
      if (layer.equals(a.group().orElse(""))) {
        rows += a.rows().orElse(0);
      }
    }
    return rows;
  }

  private static void summary(String mode, List<Map<String, Double>> times, Map<String, Long> rows)
      throws IOException {
    List<Map<String, Double>> warm = times.subList(1, times.size());
    System.out.printf(
        Locale.ROOT, "%n%s: cold run and median of %d warm runs%n", mode, warm.size());
    for (String figure : times.get(0).keySet()) {
      double median = median(warm, figure);
      long layerRows =
          figure.equals("silver+gold")
              ? rows.getOrDefault("silver", 0L) + rows.getOrDefault("gold", 0L)
              : rows.getOrDefault(figure, 0L);
      String rate =
          figure.equals("run") || layerRows == 0
              ? ""
              : String.format(
                  Locale.ROOT, "  %,10.0f rows/s (%,d rows)", layerRows / median, layerRows);
      System.out.printf(
          Locale.ROOT,
          "  %-12s cold %7.3f s  warm median %7.3f s%s%n",
          figure,
          times.get(0).get(figure),
          median,
          rate);
    }
    long heap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heap += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        Locale.ROOT,
        "  peak heap %d MiB (sum of the heap pools' peaks), peak RSS %s%n",
        heap >> 20,
        peakRss());
    System.out.printf(Locale.ROOT, "  JIT: %s%n", jit());
  }

  /** Which compilers this JVM runs, and whether that is how {@code ./floe} runs a pipeline. */
  private static String jit() {
    boolean c1Only =
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .anyMatch(a -> a.equals("-XX:TieredStopAtLevel=1"));
    return c1Only
        ? "C1 only (-XX:TieredStopAtLevel=1), as ./floe runs it"
        : "C1 and C2 (tiered), not as ./floe runs it: add -XX:TieredStopAtLevel=1";
  }

  private static String peakRss() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return "unknown (no /proc/self/status)";
    }
    for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
      if (line.startsWith("VmHWM:")) {
        long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
        return (kib >> 10) + " MiB";
      }
    }
    return "unknown";
  }

  private static double median(List<Map<String, Double>> runs, String figure) {
    List<Double> values = new ArrayList<>();
    runs.forEach(r -> values.add(r.get(figure)));
    values.sort(Comparator.naturalOrder());
    int n = values.size();
    return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
  }

  private static void print(String label, Map<String, Double> times) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-6s", label));
    times.forEach((k, v) -> line.append(String.format(Locale.ROOT, "  %s %.3f s", k, v)));
    System.out.println(line);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  /** The assets in an order where each comes after everything it reads. */
  private static List<FloeDefinitions.Asset> dependencyOrder(List<FloeDefinitions.Asset> assets) {
    List<FloeDefinitions.Asset> order = new ArrayList<>();
    java.util.Set<String> done = new java.util.HashSet<>();
    while (order.size() < assets.size()) {
      int before = order.size();
      for (FloeDefinitions.Asset a : assets) {
        if (!done.contains(a.name()) && done.containsAll(a.upstream())) {
          order.add(a);
          done.add(a.name());
        }
      }
      if (order.size() == before) {
        throw new IllegalStateException("the demo's assets have a cycle");
      }
    }
    return order;
  }

  private static void copy(Path demo, Path project) throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(demo.resolve("floe.yaml"));
    files.add(demo.resolve("platform/local/platform.yaml"));
    try (Stream<Path> sql = Files.walk(demo.resolve("sql"))) {
      sql.filter(p -> p.toString().endsWith(".sql")).forEach(files::add);
    }
    for (Path file : files) {
      Path target = project.resolve(demo.relativize(file).toString());
      try {
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Deletes the benchmark's copy of the demo and its warehouse, so that runs do not fill /tmp. */
  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
