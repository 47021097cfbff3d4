package dev.floe.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.secret.SecretResolver;
import dev.floe.runtime.RunResult.AssetStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTest {
  @TempDir static Path dir;
  static CompiledArtifacts artifacts;
  static final List<String> EVENTS = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void compile() {
    artifacts = TestArtifacts.compile(dir, "local");
  }

  /** A resource of the application's own. */
  public static final class Counter implements AutoCloseable {
    final AtomicInteger uses = new AtomicInteger();
    volatile boolean closed;

    @Override
    public void close() {
      closed = true;
    }
  }

  public static final class Diamond {
    static volatile CountDownLatch bothBranches = new CountDownLatch(2);

    @FloeAsset(outputs = "bronze.source")
    public MaterializeResult source(AssetContext context, Counter counter) {
      counter.uses.incrementAndGet();
      EVENTS.add("source");
      context.log().info("made {} rows for run {}", 3, context.runId());
      return MaterializeResult.rows(3).with("seed", 42);
    }

    @FloeAsset(inputs = "bronze.source", outputs = "silver.left")
    public long left(Counter counter) throws InterruptedException {
      counter.uses.incrementAndGet();
      bothBranches.countDown();
      // Both branches run at once: each waits for the other.
      assertThat(bothBranches.await(10, TimeUnit.SECONDS)).isTrue();
      EVENTS.add("left");
      return 2;
    }

    @FloeAsset(inputs = "bronze.source", outputs = "silver.right")
    public void right() throws InterruptedException {
      bothBranches.countDown();
      assertThat(bothBranches.await(10, TimeUnit.SECONDS)).isTrue();
      EVENTS.add("right");
    }

    @FloeAsset(
        inputs = {"silver.left", "silver.right"},
        outputs = "gold.joined")
    public void joined() {
      EVENTS.add("joined");
    }
  }

  public static final class Failing {
    static final List<Throwable> THROWN = Collections.synchronizedList(new ArrayList<>());

    @FloeAsset(outputs = "bronze.bad")
    public void bad() {
      IllegalStateException boom = new IllegalStateException("the source is corrupt");
      THROWN.add(boom);
      if (boom.getMessage() != null) {
        throw boom;
      }
    }

    @FloeAsset(inputs = "bronze.bad", outputs = "silver.after_bad")
    public void afterBad() {
      EVENTS.add("after_bad");
    }

    @FloeAsset(inputs = "silver.after_bad", outputs = "gold.after_after")
    public void afterAfter() {
      EVENTS.add("after_after");
    }

    @FloeAsset(outputs = "bronze.independent")
    public void independent(Counter counter) {
      EVENTS.add("independent");
    }
  }

  public static final class IcebergAsset {
    @FloeAsset(outputs = "bronze.made_by_hand")
    public void make(Catalog catalog, FileIO io) {
      assertThat(io).isNotNull();
      Namespace ns = Namespace.of("bronze");
      if (!((SupportsNamespaces) catalog).namespaceExists(ns)) {
        ((SupportsNamespaces) catalog).createNamespace(ns);
      }
      TableIdentifier id = TableIdentifier.of(ns, "made_by_hand");
      if (catalog.tableExists(id)) {
        catalog.dropTable(id);
      }
      catalog.createTable(
          id, new Schema(Types.NestedField.required(1, "id", Types.LongType.get())));
    }
  }

  @Test
  void independentAssetsRunInParallelAndDownstreamWaits() {
    EVENTS.clear();
    Diamond.bothBranches = new CountDownLatch(2);
    Counter counter = new Counter();
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    List<String> finished = Collections.synchronizedList(new ArrayList<>());
    FloeDefinitions defs =
        FloeDefinitions.builder()
            .artifacts(artifacts)
            .projectDir(dir)
            .assetClasses(Diamond.class)
            .resource(Counter.class, counter)
            .runsDir(dir.resolve("runs-parallel"))
            .build();
    RunResult result =
        defs.materialize(
            List.of(),
            new RunListener() {
              @Override
              public void log(String asset, Level level, String message) {
                log.add(asset + " " + level + " " + message);
              }

              @Override
              public void assetFinished(RunResult.AssetResult r) {
                finished.add(r.name());
              }
            });
    assertThat(result.succeeded()).isTrue();
    assertThat(result.assets())
        .extracting(RunResult.AssetResult::name)
        .containsExactly("source", "left", "right", "joined");
    assertThat(EVENTS.get(0)).isEqualTo("source");
    assertThat(EVENTS.get(3)).isEqualTo("joined");
    assertThat(result.asset("source").orElseThrow().rows()).hasValue(3);
    assertThat(result.asset("source").orElseThrow().metadata()).containsEntry("seed", "42");
    assertThat(result.asset("left").orElseThrow().rows()).hasValue(2);
    assertThat(result.asset("right").orElseThrow().rows()).isEmpty();
    assertThat(counter.uses).hasValue(2);
    assertThat(counter.closed).as("floe does not close what the application owns").isFalse();
    assertThat(log).containsExactly("source INFO made 3 rows for run " + result.runId());
    assertThat(finished).hasSize(4);
    assertThat(result.runId())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  }

  @Test
  void aFailureSkipsItsDownstreamWhileOtherBranchesFinish() throws IOException {
    EVENTS.clear();
    List<Counter> made = new ArrayList<>();
    FloeDefinitions defs =
        FloeDefinitions.builder()
            .artifacts(artifacts)
            .projectDir(dir)
            .assetClasses(Failing.class)
            .resourceFactory(
                Counter.class,
                () -> {
                  Counter c = new Counter();
                  made.add(c);
                  return c;
                })
            .runsDir(dir.resolve("runs-failing"))
            .parallelism(1)
            .build();
    RunResult result = defs.materialize();
    assertThat(result.status()).isEqualTo(RunResult.Status.FAILED);
    assertThat(result.asset("bad").orElseThrow().status()).isEqualTo(AssetStatus.FAILED);
    assertThat(result.asset("bad").orElseThrow().failure()).containsSame(Failing.THROWN.get(0));
    assertThat(result.asset("bad").orElseThrow().error())
        .hasValue("java.lang.IllegalStateException: the source is corrupt");
    assertThat(result.asset("after_bad").orElseThrow().status()).isEqualTo(AssetStatus.SKIPPED);
    assertThat(result.asset("after_after").orElseThrow().status()).isEqualTo(AssetStatus.SKIPPED);
    assertThat(result.asset("after_after").orElseThrow().error())
        .hasValue("skipped: upstream asset bad failed");
    assertThat(result.asset("independent").orElseThrow().status()).isEqualTo(AssetStatus.SUCCESS);
    assertThat(EVENTS).containsExactly("independent");
    assertThat(made).singleElement().satisfies(c -> assertThat(c.closed).isTrue());

    Path document = dir.resolve("runs-failing").resolve(result.runId() + ".json");
    JsonNode json = new ObjectMapper().readTree(document.toFile());
    assertThat(json.get("pipeline").asText()).isEqualTo("customer-analytics");
    assertThat(json.get("environment").asText()).isEqualTo("local");
    assertThat(json.get("run_id").asText()).isEqualTo(result.runId());
    assertThat(json.get("status").asText()).isEqualTo("failed");
    assertThat(json.get("duration_ms").isNumber()).isTrue();
    JsonNode bad = json.get("assets").get(0);
    assertThat(bad.get("name").asText()).isEqualTo("bad");
    assertThat(bad.get("status").asText()).isEqualTo("failed");
    assertThat(bad.get("rows").isNull()).isTrue();
    assertThat(bad.get("outputs").get(0).asText()).isEqualTo("bronze.bad");
    assertThat(bad.get("error").asText()).contains("the source is corrupt");
    assertThat(json.at("/observability/traces/exported").isNumber()).isTrue();
    assertThat(json.at("/observability/lineage/emitted").isNumber()).isTrue();
    assertThat(json.at("/observability/lineage/failed_endpoint").isNull()).isTrue();
    try (Stream<Path> files = Files.list(dir.resolve("runs-failing"))) {
      assertThat(files).singleElement().satisfies(f -> assertThat(f).isEqualTo(document));
    }
  }

  @Test
  void theCatalogAndFileIoOfTheLocalPlatformAreInjected() {
    FloeDefinitions defs =
        FloeDefinitions.builder()
            .artifacts(artifacts)
            .projectDir(dir)
            .assetClasses(IcebergAsset.class)
            .build();
    RunResult result = defs.materialize();
    assertThat(result.assets())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.error()).isEmpty();
              assertThat(a.status()).isEqualTo(AssetStatus.SUCCESS);
            });
    assertThat(dir.resolve(".floe/catalog.db")).exists();
    assertThat(dir.resolve(".floe/runs").resolve(result.runId() + ".json")).exists();
  }

  @Test
  void aMissingSecretFailsBeforeAnyAssetRuns(@TempDir Path other) {
    EVENTS.clear();
    CompiledArtifacts dev = TestArtifacts.compile(other, "dev");
    FloeDefinitions defs =
        FloeDefinitions.builder()
            .artifacts(dev)
            .projectDir(other)
            .assetClasses(Failing.class)
            .resource(Counter.class, new Counter())
            .secrets(new SecretResolver(Map.of(), other.resolve("no-secrets"), List.of()))
            .build();
    assertThatThrownBy(defs::materialize)
        .isInstanceOf(ProblemException.class)
        .satisfies(
            e ->
                assertThat(((ProblemException) e).problems())
                    .extracting(p -> p.code())
                    .contains("FLOE-C033"));
    assertThat(EVENTS).isEmpty();
    assertThat(other.resolve(".floe/runs")).doesNotExist();
  }
}
