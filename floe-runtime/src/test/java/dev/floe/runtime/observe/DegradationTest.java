package dev.floe.runtime.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.runtime.ObservabilityReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of 50 assets against real loopback endpoints that refuse, hang or fail: every asset
 * succeeds, and the report counts what was dropped and names the failed endpoint. Timing is the
 * benchmark's business (benchmarks/ObservabilityBenchmark), not this test's.
 */
class DegradationTest {
  static final int ASSETS = 50;

  /** Spans: one per asset and the run span. */
  static final int SPANS = ASSETS + 1;

  /** Events: START and COMPLETE per asset and for the run. */
  static final int EVENTS = 2 * ASSETS + 2;

  /** Deadlines no loaded machine reaches: for tests of content, not of time. */
  static final ObservabilityOptions LONG_DEADLINES =
      ObservabilityOptions.DEFAULTS
          .withFlushDeadline(Duration.ofSeconds(60))
          .withUnansweredDeadline(Duration.ofSeconds(60));

  @TempDir Path dir;

  static ObservabilityReport run(
      String otlp, String lineage, Path dir, ObservabilityOptions options) {
    try (ObservabilityOrchestrator observe =
        ObservabilityOrchestrator.create(
            TestArtifacts.local(TestArtifacts.endpoints(otlp, lineage)),
            TestArtifacts.noSecrets(dir),
            options.withProjectDir(dir))) {
      return runAssets(observe);
    }
  }

  @SuppressWarnings("try") // the scope is used for its effect: the asset span is current
  static ObservabilityReport runAssets(ObservabilityOrchestrator observe) {
    RunObserver run = observe.startRun(UUID.randomUUID().toString());
    for (int i = 0; i < ASSETS; i++) {
      AssetObserver asset = run.asset(TestArtifacts.asset("asset_" + i));
      try (var scope = asset.makeCurrent()) {
        asset.setAttribute("i", i);
      }
      asset.succeeded(
          new AssetOutcome(
              OptionalLong.of(i), java.util.Map.of(), java.util.Map.of(), java.util.Map.of()));
    }
    run.end(true, null);
    return observe.shutdown();
  }

  private void assertDegraded(Supplier<LoopbackEndpoint> endpoints) {
    try (LoopbackEndpoint traces = endpoints.get();
        LoopbackEndpoint lineage = endpoints.get()) {
      ObservabilityReport report =
          run(traces.url(), lineage.url(), dir, ObservabilityOptions.DEFAULTS);
      assertThat(report.traces().enabled()).isTrue();
      assertThat(report.traces().delivered()).isZero();
      assertThat(report.traces().dropped()).isEqualTo(SPANS);
      assertThat(report.traces().failedEndpoint()).contains(traces.url());
      assertThat(report.lineage().enabled()).isTrue();
      assertThat(report.lineage().delivered()).isZero();
      assertThat(report.lineage().dropped()).isEqualTo(EVENTS);
      assertThat(report.lineage().failedEndpoint()).contains(lineage.url());
    }
  }

  @Test
  void refusingEndpointsDropEverythingAndAreNamed() {
    assertDegraded(LoopbackEndpoint::refusing);
  }

  @Test
  void silentEndpointsDropEverythingAndAreNamed() {
    assertDegraded(LoopbackEndpoint::silent);
  }

  @Test
  void failingEndpointsDropEverythingAndAreNamed() {
    assertDegraded(() -> LoopbackEndpoint.answering(500));
  }

  @Test
  void aHealthyEndpointGetsEverything() {
    try (LoopbackEndpoint.Answering traces = LoopbackEndpoint.answering(200);
        LoopbackEndpoint.Answering lineage = LoopbackEndpoint.answering(200)) {
      ObservabilityReport report = run(traces.url(), lineage.url(), dir, LONG_DEADLINES);
      assertThat(report.traces())
          .isEqualTo(new ObservabilityReport.Signal(true, SPANS, 0, Optional.empty()));
      assertThat(report.lineage())
          .isEqualTo(new ObservabilityReport.Signal(true, EVENTS, 0, Optional.empty()));
      assertThat(traces.posts()).isNotEmpty().allMatch(p -> p.equals("/v1/traces"));
      assertThat(lineage.posts()).hasSize(EVENTS).allMatch(p -> p.equals("/api/v1/lineage"));
      assertThat(lineage.paths()).first().isEqualTo("GET /api/v1/lineage");
      assertThat(lineage.texts()).allSatisfy(json -> OpenLineageSchemaTest.assertValid(json));
    }
  }

  /**
   * With the default deadlines, once the JVM is warm: a cold JVM's first OTLP request can take
   * longer than the 100 ms granted to an endpoint that has not answered yet, when the run lasts
   * only a few milliseconds.
   */
  @Test
  void aHealthyEndpointGetsEverythingWithTheDefaultDeadlines() {
    try (LoopbackEndpoint.Answering traces = LoopbackEndpoint.answering(200);
        LoopbackEndpoint.Answering lineage = LoopbackEndpoint.answering(200)) {
      run(traces.url(), lineage.url(), dir, LONG_DEADLINES);
      ObservabilityReport report =
          run(traces.url(), lineage.url(), dir, ObservabilityOptions.DEFAULTS);
      assertThat(report.traces())
          .isEqualTo(new ObservabilityReport.Signal(true, SPANS, 0, Optional.empty()));
      assertThat(report.lineage())
          .isEqualTo(new ObservabilityReport.Signal(true, EVENTS, 0, Optional.empty()));
    }
  }

  @Test
  void aRejectingLineageEndpointKeepsBeingTried() {
    try (LoopbackEndpoint.Answering traces = LoopbackEndpoint.answering(200);
        LoopbackEndpoint.Answering lineage = LoopbackEndpoint.answering(400)) {
      ObservabilityReport report = run(traces.url(), lineage.url(), dir, LONG_DEADLINES);
      assertThat(report.lineage().delivered()).isZero();
      assertThat(report.lineage().dropped()).isEqualTo(EVENTS);
      assertThat(report.lineage().failedEndpoint()).contains(lineage.url());
      assertThat(lineage.posts()).hasSize(EVENTS);
    }
  }

  @Test
  void aFullQueueDropsAndCounts() {
    try (LoopbackEndpoint.Silent traces = LoopbackEndpoint.silent();
        LoopbackEndpoint.Silent lineage = LoopbackEndpoint.silent()) {
      ObservabilityReport report =
          run(traces.url(), lineage.url(), dir, ObservabilityOptions.DEFAULTS.withQueueSizes(4, 4));
      assertThat(report.traces().dropped()).isEqualTo(SPANS);
      assertThat(report.lineage().dropped()).isEqualTo(EVENTS);
    }
  }

  @Test
  void grpcWithoutAGrpcSenderDropsAndNamesTheEndpoint() {
    var config = TestArtifacts.endpoints("http://127.0.0.1:4317", "http://127.0.0.1:1");
    var grpc =
        new dev.floe.core.model.PlatformObservability(
            config.signals(),
            config.otlpEndpoint(),
            dev.floe.core.model.OtlpProtocol.GRPC,
            Optional.empty(),
            config.lineageNamespace(),
            1.0,
            java.util.Map.of());
    try (ObservabilityOrchestrator observe =
        ObservabilityOrchestrator.create(
            TestArtifacts.local(grpc),
            TestArtifacts.noSecrets(dir),
            ObservabilityOptions.DEFAULTS)) {
      ObservabilityReport report = runAssets(observe);
      assertThat(report.traces().dropped()).isEqualTo(SPANS);
      assertThat(report.traces().failedEndpoint()).contains("http://127.0.0.1:4317");
      assertThat(report.lineage().enabled()).isFalse();
    }
  }
}
