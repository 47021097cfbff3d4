package dev.floe.benchmarks;

import dev.floe.core.compile.ArtifactJson;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.compile.Compiler;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.SourceTexts;
import dev.floe.core.diag.TextRenderer;
import dev.floe.core.internal.load.ConfigLoader;
import dev.floe.core.load.Loaded;
import dev.floe.core.model.FloeSpec;
import dev.floe.core.model.PlatformSpec;
import dev.floe.core.platform.LocatedPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code floe validate} and {@code floe compile} cost once the JVM is warm: loading and
 * validating floe.yaml and a platform.yaml from text, compiling them, and writing the artifacts
 * JSON.
 *
 * <p>The demo benchmarks use {@code demo/floe.yaml} with {@code demo/platform/dev}, read into
 * strings once per trial so that no file I/O is measured. The generated benchmarks use a
 * platform.yaml with {@code profiles} storage, {@code profiles} catalog and {@code profiles}
 * compute profiles of mixed types, to show that the cost grows linearly with the document. Run with
 * {@code java -jar benchmarks/target/benchmarks.jar} from anywhere inside the repository; see
 * docs/performance.md.
 *
 * <p>Not final, nor are its states: JMH generates subclasses of both.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Ten seconds of warm-up: on two shared cores the demo benchmarks still sped up after five.
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
// The CLI runs on SerialGC. A fixed, pre-touched heap keeps heap growth (slow first touches of
// memory in a VM) and parallel GC workers competing for two cores out of the numbers: with the
// default G1 and heap sizing, GC took 40-60% of the time at 2500 and 5000 (docs/performance.md).
@Fork(
    value = 1,
    jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class CompileBenchmark {
  private static final String PIPELINE_FILE = "demo/floe.yaml";
  private static final String DEV_PLATFORM_FILE = "demo/platform/dev/platform.yaml";
  private static final String GENERATED_PLATFORM_FILE = "generated/platform.yaml";

  /** An empty environment: every {@code ${VAR:-default}} takes its default, as in CI. */
  private static final Map<String, String> ENV = Map.of();

  /** A fixed clock: {@code compiled_at} must not make runs differ. */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  /** The demo pipeline and its dev platform, as text, and their compiled artifacts. */
  @State(Scope.Benchmark)
  public static class Demo {
    String pipeline;
    String platform;
    CompiledArtifacts artifacts;

    /** Reads the demo files once per trial. */
    @Setup(Level.Trial)
    public void read() {
      Path root = repositoryRoot();
      pipeline = readText(root.resolve(PIPELINE_FILE));
      platform = readText(root.resolve(DEV_PLATFORM_FILE));
      artifacts = checked(pipeline, DEV_PLATFORM_FILE, platform);
    }
  }

  /** The demo pipeline with a generated platform of {@code profiles} profiles of each kind. */
  @State(Scope.Benchmark)
  public static class Generated {
    @Param({"500", "1000", "2500", "5000"})
    int profiles;

    String pipeline;
    String platform;

    /** Generates the platform once per trial and checks that it compiles. */
    @Setup(Level.Trial)
    public void generate() {
      pipeline = readText(repositoryRoot().resolve(PIPELINE_FILE));
      platform = generatedPlatform(profiles);
      checked(pipeline, GENERATED_PLATFORM_FILE, platform);
    }
  }

  /** Load, validate and compile the demo against platform/dev, as {@code floe compile} does. */
  @Benchmark
  public CompiledArtifacts demoLoadValidateCompile(Demo demo) {
    return compile(demo.pipeline, DEV_PLATFORM_FILE, demo.platform);
  }

  /** Only load and validate the demo platform/dev, as {@code floe platform validate} does. */
  @Benchmark
  public Loaded<PlatformSpec> demoValidatePlatform(Demo demo) {
    return new ConfigLoader(new SourceTexts(), ENV).platformText(DEV_PLATFORM_FILE, demo.platform);
  }

  /** Write the demo's compiled_artifacts.json. */
  @Benchmark
  public String demoArtifactJson(Demo demo) {
    return ArtifactJson.write(demo.artifacts);
  }

  /**
   * Load, validate and compile the demo pipeline against a generated platform. Measured longer: an
   * operation takes up to half a second.
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 5, time = 2)
  public CompiledArtifacts generatedLoadValidateCompile(Generated generated) {
    return compile(generated.pipeline, GENERATED_PLATFORM_FILE, generated.platform);
  }

  private static CompiledArtifacts compile(
      String pipelineText, String platformFile, String platformText) {
    ConfigLoader loader = new ConfigLoader(new SourceTexts(), ENV);
    Loaded<FloeSpec> pipeline = loader.pipelineText(PIPELINE_FILE, pipelineText);
    Loaded<PlatformSpec> platform = loader.platformText(platformFile, platformText);
    return new Compiler(CLOCK, ENV)
        .compile(pipeline, new LocatedPlatform(platform, "dev", platformFile));
  }

  /** Compiles once outside measurement, so that a broken input fails the trial, readably. */
  private static CompiledArtifacts checked(
      String pipelineText, String platformFile, String platformText) {
    try {
      return compile(pipelineText, platformFile, platformText);
    } catch (ProblemException e) {
      SourceTexts sources = new SourceTexts();
      sources.put(PIPELINE_FILE, pipelineText);
      sources.put(platformFile, platformText);
      throw new IllegalStateException(
          "the benchmark input does not compile:\n"
              + new TextRenderer(sources, TextRenderer.Colour.PLAIN).render(e.problems()),
          e);
    }
  }

  /**
   * A valid platform.yaml with {@code n} storage, {@code n} catalog and {@code n} compute profiles,
   * cycling through three shapes of each kind (with credentials, secret references, interpolated
   * variables and nested properties) so that every part of the validator works. The first profile
   * of each kind is named {@code default}, which the demo pipeline selects.
   */
  static String generatedPlatform(int n) {
    StringBuilder yaml = new StringBuilder(n * 700);
    line(yaml, "# generated by CompileBenchmark: %d profiles of each kind", n);
    line(yaml, "version: \"1.0.0\"");
    line(yaml, "storage:");
    for (int i = 0; i < n; i++) {
      line(yaml, "  %s:", i == 0 ? "default" : String.format(Locale.ROOT, "storage-%05d", i));
      switch (i % 3) {
        case 0 -> {
          line(yaml, "    type: s3");
          line(yaml, "    endpoint: http://minio-%d.dev.internal:9000", i);
          line(yaml, "    region: \"${FLOE_BENCH_REGION:-us-east-1}\"");
          line(yaml, "    bucket: floe-warehouse-%05d", i);
          line(yaml, "    path_style_access: true");
          line(yaml, "    credentials:");
          line(yaml, "      mode: static");
          line(yaml, "      secret_ref: minio-credentials-%d", i);
        }
        case 1 -> {
          line(yaml, "    type: gcs");
          line(yaml, "    bucket: floe-gcs-%05d", i);
          line(yaml, "    endpoint: https://storage.googleapis.com");
          line(yaml, "    credentials:");
          line(yaml, "      mode: service_account");
          line(yaml, "      audience: floe-%d", i);
          line(yaml, "      provider: gcp");
        }
        default -> {
          line(yaml, "    type: local");
          line(yaml, "    path: .floe/warehouse-%05d", i);
        }
      }
    }
    line(yaml, "catalogs:");
    for (int i = 0; i < n; i++) {
      line(yaml, "  %s:", i == 0 ? "default" : String.format(Locale.ROOT, "catalog-%05d", i));
      switch (i % 3) {
        case 0 -> {
          line(yaml, "    type: polaris");
          line(yaml, "    uri: http://polaris-%d.dev.internal:8181/api/catalog", i);
          line(yaml, "    warehouse: warehouse_%d", i);
          line(yaml, "    namespace: demo");
          line(yaml, "    access_delegation: none");
          line(yaml, "    token_refresh_enabled: true");
          line(yaml, "    credentials:");
          line(yaml, "      mode: oauth2");
          line(yaml, "      client_id: {secret_ref: polaris-client-id-%d}", i);
          line(yaml, "      client_secret: {secret_ref: polaris-client-secret-%d}", i);
          line(yaml, "      scope: \"PRINCIPAL_ROLE:DATA_ENGINEER\"");
        }
        case 1 -> {
          line(yaml, "    type: rest");
          line(yaml, "    uri: \"${FLOE_BENCH_REST_URI:-http://rest.dev.internal:8181}\"");
          line(yaml, "    warehouse: s3://floe-warehouse-%05d/", i);
          line(yaml, "    properties:");
          line(yaml, "      io-impl: org.apache.iceberg.aws.s3.S3FileIO");
          line(yaml, "      client.region: us-east-1");
        }
        default -> {
          line(yaml, "    type: jdbc");
          line(yaml, "    uri: \"jdbc:postgresql://catalog-db:5432/catalog_%d\"", i);
          line(yaml, "    warehouse: .floe/warehouse-%05d", i);
          line(yaml, "    namespace: bench_%d", i);
        }
      }
    }
    line(yaml, "compute:");
    for (int i = 0; i < n; i++) {
      line(yaml, "  %s:", i == 0 ? "default" : String.format(Locale.ROOT, "compute-%05d", i));
      switch (i % 3) {
        case 0 -> {
          line(yaml, "    type: duckdb");
          line(yaml, "    properties:");
          line(yaml, "      threads: %d", 1 + i % 16);
          line(yaml, "      memory_limit: %dGB", 1 + i % 8);
        }
        case 1 -> {
          line(yaml, "    type: postgres");
          line(yaml, "    properties:");
          line(yaml, "      host: pg-%d.dev.internal", i);
          line(yaml, "      port: 5432");
          line(yaml, "      database: analytics");
          line(yaml, "      sslmode: require");
          line(yaml, "    credentials:");
          line(yaml, "      mode: static");
          line(yaml, "      secret_ref: pg-credentials-%d", i);
        }
        default -> {
          line(yaml, "    type: snowflake");
          line(yaml, "    properties:");
          line(yaml, "      account: acme-%d", i);
          line(yaml, "      warehouse: COMPUTE_WH");
          line(yaml, "      role: TRANSFORMER");
          line(yaml, "    credentials:");
          line(yaml, "      mode: static");
          line(yaml, "      secret_ref: snowflake-%d", i);
        }
      }
    }
    line(yaml, "observability:");
    line(yaml, "  otlp_endpoint: http://otel-collector.dev.internal:4318");
    line(yaml, "  lineage_endpoint: http://marquez.dev.internal:5000");
    line(yaml, "  sampling: 0.5");
    line(yaml, "  attributes:");
    line(yaml, "    deployment.environment: bench");
    return yaml.toString();
  }

  private static void line(StringBuilder yaml, String format, Object... args) {
    yaml.append(String.format(Locale.ROOT, format, args)).append('\n');
  }

  /** The folder holding {@code demo/}: user.dir or the nearest folder above it. */
  static Path repositoryRoot() {
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(PIPELINE_FILE))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no " + PIPELINE_FILE + " in " + start + " or above: run from inside the floe repository");
  }

  private static String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
