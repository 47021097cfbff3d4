package dev.floe.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.platform.PlatformRequest;
import dev.floe.core.project.FloeProject;
import dev.floe.testing.DemoProject;
import dev.floe.testing.FloeServers;
import dev.floe.testing.telemetry.LineageEvent;
import dev.floe.testing.telemetry.LineageReceiver;
import dev.floe.testing.telemetry.OtlpReceiver;
import dev.floe.testing.telemetry.ReceivedSpan;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of 50 trivial assets through the whole runtime with real OTLP and OpenLineage receivers on
 * loopback: everything arrives while they answer, and the run still succeeds — with the drops and
 * the failed endpoint in its report — while they refuse, hang or answer 500.
 */
@FloeServers
class ObservedRunTest {
  static final int ASSETS = 50;
  @TempDir static Path dir;
  static Class<?> fifty;

  @BeforeAll
  static void compileFiftyAssets() throws Exception {
    StringBuilder source =
        new StringBuilder("package gen; import dev.floe.runtime.*; public final class Fifty {\n");
    for (int i = 0; i < ASSETS; i++) {
      String inputs = i == 0 ? "" : "inputs = \"bronze.t" + (i - 1) / 2 + "\", ";
      source.append(
          "  @FloeAsset("
              + inputs
              + "outputs = \"bronze.t"
              + i
              + "\")\n"
              + "  public long a"
              + i
              + "(AssetContext c) { c.setAttribute(\"i\", "
              + i
              + "L); return "
              + i
              + "; }\n");
    }
    source.append("}\n");
    Path src = Files.createDirectories(dir.resolve("src/gen")).resolve("Fifty.java");
    Files.writeString(src, source, StandardCharsets.UTF_8);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    int compiled =
        ToolProvider.getSystemJavaCompiler()
            .run(
                null,
                null,
                null,
                "-d",
                classes.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                src.toString());
    assertThat(compiled).isZero();
    @SuppressWarnings("resource") // lives as long as the test class
    URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, ObservedRunTest.class.getClassLoader());
    fifty = loader.loadClass("gen.Fifty");
  }

  private final OtlpReceiver otlp;
  private final LineageReceiver lineage;

  ObservedRunTest(OtlpReceiver otlp, LineageReceiver lineage) {
    this.otlp = otlp;
    this.lineage = lineage;
  }

  @AfterEach
  void back() {
    otlp.resume();
    lineage.resume();
    otlp.respondNormally();
    lineage.respondNormally();
    otlp.reset();
    lineage.reset();
  }

  private CompiledArtifacts artifacts(Path project) throws IOException {
    DemoProject demo = DemoProject.copyTo(project);
    Path platform = demo.platformFile("local");
    String yaml = Files.readString(platform, StandardCharsets.UTF_8);
    Files.writeString(
        platform,
        yaml.replace(
            "observability:\n",
            "observability:\n  otlp_endpoint: "
                + otlp.endpoint()
                + "\n  lineage_endpoint: "
                + lineage.endpoint()
                + "\n  lineage_namespace: observed\n"),
        StandardCharsets.UTF_8);
    return TestArtifacts.withoutTransforms(
        FloeProject.builder()
            .variables(Map.of())
            .build()
            .load(
                demo.floeYaml(),
                PlatformRequest.builder()
                    .environment("local")
                    .workDir(project)
                    .homeDir(project)
                    .build())
            .artifacts());
  }

  private RunResult run(Path project) throws IOException {
    return run(project, dev.floe.runtime.observe.ObservabilityOptions.DEFAULTS);
  }

  private RunResult run(Path project, dev.floe.runtime.observe.ObservabilityOptions options)
      throws IOException {
    FloeDefinitions defs =
        FloeDefinitions.builder()
            .artifacts(artifacts(project))
            .observabilityOptions(options)
            .projectDir(project)
            .assetClasses(fifty)
            .parallelism(4)
            .build();
    RunResult result = defs.materialize();
    assertThat(result.succeeded()).as("signals never fail a run").isTrue();
    assertThat(result.assets()).hasSize(ASSETS);
    return result;
  }

  @Test
  void everySpanAndEventArrivesWhileTheEndpointsAnswer(@TempDir Path project) throws IOException {
    // Generous time limits: this is about what arrives, not how fast a cold JVM on a busy CI
    // machine answers its first request (the defaults give up on a first answer after 2 s).
    RunResult result =
        run(
            project,
            dev.floe.runtime.observe.ObservabilityOptions.DEFAULTS
                .withConnectTimeout(Duration.ofSeconds(10))
                .withExportTimeout(Duration.ofSeconds(20))
                .withFlushDeadline(Duration.ofSeconds(30))
                .withUnansweredDeadline(Duration.ofSeconds(30)));
    List<ReceivedSpan> spans = otlp.awaitSpans(ASSETS + 1, Duration.ofSeconds(10));
    assertThat(spans).hasSize(ASSETS + 1);
    assertThat(spans)
        .filteredOn(s -> s.attributes().containsKey("floe.asset.name"))
        .hasSize(ASSETS)
        .allSatisfy(s -> assertThat(s.traceId()).isEqualTo(spans.get(0).traceId()));
    List<LineageEvent> events = lineage.awaitEvents(2 * ASSETS, Duration.ofSeconds(10));
    assertThat(events.size()).isGreaterThanOrEqualTo(2 * ASSETS);
    lineage.assertAllValid();
    assertThat(result.observability().traces().delivered()).isEqualTo(ASSETS + 1);
    assertThat(result.observability().traces().dropped()).isZero();
    assertThat(result.observability().lineage().dropped()).isZero();
    assertThat(result.observability().lineage().failedEndpoint()).isEmpty();
  }

  @Test
  void refusedConnectionsDropAndNameTheEndpoint(@TempDir Path project) throws IOException {
    String otlpEndpoint = otlp.endpoint().toString();
    String lineageEndpoint = lineage.endpoint().toString();
    CompiledArtifacts compiled = artifacts(project);
    otlp.refuse();
    lineage.refuse();
    RunResult result =
        FloeDefinitions.builder()
            .artifacts(compiled)
            .projectDir(project)
            .assetClasses(fifty)
            .build()
            .materialize();
    assertThat(result.succeeded()).isTrue();
    assertThat(result.observability().traces().delivered()).isZero();
    assertThat(result.observability().traces().dropped()).isGreaterThan(0);
    assertThat(result.observability().traces().failedEndpoint())
        .hasValueSatisfying(e -> assertThat(e).startsWith(otlpEndpoint.replaceAll("/$", "")));
    assertThat(result.observability().lineage().dropped()).isGreaterThan(0);
    assertThat(result.observability().lineage().failedEndpoint())
        .hasValueSatisfying(e -> assertThat(e).startsWith(lineageEndpoint.replaceAll("/$", "")));
  }

  @Test
  void hangingEndpointsNeverHoldTheRunUp(@TempDir Path project) throws IOException {
    otlp.hang();
    lineage.hang();
    RunResult result = run(project);
    assertThat(result.observability().traces().delivered()).isZero();
    assertThat(result.observability().lineage().delivered()).isZero();
    assertThat(result.observability().traces().failedEndpoint()).isPresent();
    assertThat(result.observability().lineage().failedEndpoint()).isPresent();
  }

  @Test
  void serverErrorsAreCountedAsDropped(@TempDir Path project) throws IOException {
    otlp.respondWith(500);
    lineage.respondWith(500);
    RunResult result = run(project);
    assertThat(result.observability().traces().dropped()).isGreaterThan(0);
    assertThat(result.observability().lineage().dropped()).isGreaterThan(0);
    assertThat(result.observability().lineage().failedEndpoint()).isPresent();
  }
}
