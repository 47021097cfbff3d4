package dev.floe.runtime.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.model.StringOrSecret;
import dev.floe.runtime.ObservabilityReport;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObservabilityOrchestratorTest {
  @TempDir Path dir;

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final RecordingSink lineage = new RecordingSink();

  private ObservabilityOrchestrator recording(CompiledArtifacts artifacts) {
    return ObservabilityOrchestrator.create(
        artifacts,
        TestArtifacts.noSecrets(dir),
        ObservabilityOptions.DEFAULTS
            .withSpanExporter(spans)
            .withLineageSink(lineage)
            .withProjectDir(dir)
            .withFlushDeadline(java.time.Duration.ofSeconds(60)));
  }

  private static CompiledArtifacts noEndpoints() {
    return TestArtifacts.local(TestArtifacts.observability(Optional.empty(), Optional.empty()));
  }

  static final Schema ORDERS =
      new Schema(
          Types.NestedField.required(1, "order_id", Types.LongType.get()),
          Types.NestedField.optional(2, "status", Types.StringType.get(), "order status"),
          Types.NestedField.optional(
              3,
              "items",
              Types.ListType.ofRequired(
                  4,
                  Types.StructType.of(
                      Types.NestedField.required(5, "sku", Types.StringType.get())))),
          Types.NestedField.optional(
              6,
              "tags",
              Types.MapType.ofOptional(7, 8, Types.StringType.get(), Types.IntegerType.get())));

  static AssetOutcome outcome(String output) {
    return new AssetOutcome(
        OptionalLong.of(5000),
        Map.of("source", "synthetic"),
        Map.of("bronze.raw_orders", ORDERS),
        Map.of(output, ORDERS));
  }

  @Test
  @SuppressWarnings("try") // the scope is used for its effect: the asset span is current
  void recordsRunAndAssetSpansWithFloeAttributes() {
    String runId = UUID.randomUUID().toString();
    ObservabilityReport report;
    try (ObservabilityOrchestrator observe = recording(noEndpoints())) {
      RunObserver run = observe.startRun(runId);
      AssetObserver asset = run.asset(TestArtifacts.asset("stg_orders"));
      try (var scope = asset.makeCurrent()) {
        assertThat(Span.current().getSpanContext().isValid()).isTrue();
        asset.setAttribute("custom.text", "x");
        asset.setAttribute("custom.count", 3);
        asset.setAttribute("custom.ratio", 0.5);
        asset.setAttribute("custom.flag", true);
        asset.setAttribute("custom.other", List.of("a"));
      }
      asset.succeeded(outcome("silver.stg_orders"));
      asset.succeeded(outcome("silver.stg_orders"));
      run.end(true, null);
      report = observe.shutdown();
      assertThat(observe.shutdown()).isSameAs(report);
    }
    List<SpanData> finished = spans.getFinishedSpanItems();
    assertThat(finished).hasSize(2);
    SpanData runSpan =
        finished.stream().filter(s -> s.getName().startsWith("floe.run")).findFirst().orElseThrow();
    SpanData assetSpan =
        finished.stream()
            .filter(s -> s.getName().startsWith("floe.asset"))
            .findFirst()
            .orElseThrow();
    assertThat(runSpan.getName()).isEqualTo("floe.run customer-analytics");
    assertThat(runSpan.getStatus().getStatusCode()).isEqualTo(StatusCode.OK);
    assertThat(runSpan.getAttributes().get(AttributeKey.stringKey("floe.run_id"))).isEqualTo(runId);
    assertThat(assetSpan.getParentSpanId()).isEqualTo(runSpan.getSpanId());
    assertThat(assetSpan.getTraceId()).isEqualTo(runSpan.getTraceId());
    var a = assetSpan.getAttributes();
    assertThat(a.get(AttributeKey.stringKey("floe.pipeline"))).isEqualTo("customer-analytics");
    assertThat(a.get(AttributeKey.stringKey("floe.environment"))).isEqualTo("dev");
    assertThat(a.get(AttributeKey.stringKey("floe.run_id"))).isEqualTo(runId);
    assertThat(a.get(AttributeKey.stringKey("floe.asset.name"))).isEqualTo("stg_orders");
    assertThat(a.get(AttributeKey.stringKey("floe.asset.group"))).isEqualTo("bronze");
    assertThat(a.get(AttributeKey.stringKey("floe.asset.kind"))).isEqualTo("table");
    assertThat(a.get(AttributeKey.stringArrayKey("floe.asset.inputs")))
        .containsExactly("bronze.raw_orders");
    assertThat(a.get(AttributeKey.stringArrayKey("floe.asset.outputs")))
        .containsExactly("silver.stg_orders");
    assertThat(a.get(AttributeKey.stringKey("floe.asset.metadata.owner"))).isEqualTo("data-eng");
    assertThat(a.get(AttributeKey.stringKey("floe.asset.metadata.source"))).isEqualTo("synthetic");
    assertThat(a.get(AttributeKey.longKey("floe.asset.rows"))).isEqualTo(5000L);
    assertThat(a.get(AttributeKey.stringKey("custom.text"))).isEqualTo("x");
    assertThat(a.get(AttributeKey.longKey("custom.count"))).isEqualTo(3L);
    assertThat(a.get(AttributeKey.doubleKey("custom.ratio"))).isEqualTo(0.5);
    assertThat(a.get(AttributeKey.booleanKey("custom.flag"))).isTrue();
    assertThat(a.get(AttributeKey.stringKey("custom.other"))).isEqualTo("[a]");
    var resource = assetSpan.getResource().getAttributes();
    assertThat(resource.get(AttributeKey.stringKey("service.name")))
        .isEqualTo("customer-analytics");
    assertThat(resource.get(AttributeKey.stringKey("service.version"))).isEqualTo("1.0.0");
    assertThat(resource.get(AttributeKey.stringKey("deployment.environment"))).isEqualTo("dev");
    assertThat(resource.get(AttributeKey.stringKey("team"))).isEqualTo("analytics");

    assertThat(report.traces())
        .isEqualTo(new ObservabilityReport.Signal(true, 2, 0, Optional.empty()));
    assertThat(report.lineage())
        .isEqualTo(new ObservabilityReport.Signal(true, 4, 0, Optional.empty()));
  }

  @Test
  void emitsStartThenCompleteWithParentTraceAndSchemaFacets() {
    String runId = UUID.randomUUID().toString();
    try (ObservabilityOrchestrator observe = recording(noEndpoints())) {
      RunObserver run = observe.startRun(runId);
      AssetObserver asset = run.asset(TestArtifacts.asset("stg_orders"));
      asset.succeeded(outcome("silver.stg_orders"));
      run.end(true, null);
    }
    List<JsonNode> events = lineage.events();
    assertThat(events)
        .extracting(e -> e.path("eventType").asText() + " " + e.path("job").path("name").asText())
        .containsExactly(
            "START customer-analytics",
            "START customer-analytics.stg_orders",
            "COMPLETE customer-analytics.stg_orders",
            "COMPLETE customer-analytics");
    JsonNode start = events.get(1);
    JsonNode complete = events.get(2);
    assertThat(start.path("job").path("namespace").asText()).isEqualTo("acme-dev");
    assertThat(events.get(0).path("run").path("runId").asText()).isEqualTo(runId);
    JsonNode parent = complete.path("run").path("facets").path("parent");
    assertThat(parent.path("run").path("runId").asText()).isEqualTo(runId);
    assertThat(parent.path("job").path("name").asText()).isEqualTo("customer-analytics");
    assertThat(parent.path("job").path("namespace").asText()).isEqualTo("acme-dev");
    assertThat(parent.path("root").path("run").path("runId").asText()).isEqualTo(runId);
    assertThat(start.path("run").path("runId").asText())
        .isEqualTo(complete.path("run").path("runId").asText())
        .isNotEqualTo(runId);

    SpanData assetSpan =
        spans.getFinishedSpanItems().stream()
            .filter(s -> s.getName().startsWith("floe.asset"))
            .findFirst()
            .orElseThrow();
    JsonNode trace = complete.path("run").path("facets").path("floe_trace");
    assertThat(trace.path("trace_id").asText()).isEqualTo(assetSpan.getTraceId());
    assertThat(trace.path("span_id").asText()).isEqualTo(assetSpan.getSpanId());
    assertThat(trace.path("_producer").asText()).startsWith("https://");
    assertThat(trace.path("_schemaURL").asText()).contains("FloeTraceRunFacet");

    String warehouse = dir.resolve(".floe/warehouse").toString();
    JsonNode output = complete.path("outputs").get(0);
    assertThat(output.path("namespace").asText()).isEqualTo("file");
    assertThat(output.path("name").asText()).isEqualTo(warehouse + "/silver/stg_orders");
    JsonNode input = complete.path("inputs").get(0);
    assertThat(input.path("name").asText()).isEqualTo(warehouse + "/bronze/raw_orders");
    JsonNode fields = output.path("facets").path("schema").path("fields");
    assertThat(fields.get(0).path("name").asText()).isEqualTo("order_id");
    assertThat(fields.get(0).path("type").asText()).isEqualTo("long");
    assertThat(fields.get(1).path("description").asText()).isEqualTo("order status");
    assertThat(fields.get(2).path("type").asText()).isEqualTo("list");
    assertThat(fields.get(2).path("fields").get(0).path("fields").get(0).path("name").asText())
        .isEqualTo("sku");
    assertThat(fields.get(3).path("fields").get(1).path("type").asText()).isEqualTo("int");
    assertThat(start.path("outputs").get(0).path("facets").has("schema")).isFalse();
  }

  @Test
  void failureIsRecordedOnSpanAndInFailEventBeforeTheRuntimeRethrows() {
    IllegalStateException error = new IllegalStateException("no orders today");
    try (ObservabilityOrchestrator observe = recording(noEndpoints())) {
      RunObserver run = observe.startRun(UUID.randomUUID().toString());
      AssetObserver asset = run.asset(TestArtifacts.asset("stg_orders"));
      asset.failed(error);
      asset.succeeded(outcome("silver.stg_orders"));
      run.end(false, error);
    }
    SpanData assetSpan =
        spans.getFinishedSpanItems().stream()
            .filter(s -> s.getName().startsWith("floe.asset"))
            .findFirst()
            .orElseThrow();
    assertThat(assetSpan.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(assetSpan.getEvents())
        .anySatisfy(e -> assertThat(e.getName()).isEqualTo("exception"));
    assertThat(assetSpan.getAttributes().get(AttributeKey.longKey("floe.asset.rows"))).isNull();
    SpanData runSpan =
        spans.getFinishedSpanItems().stream()
            .filter(s -> s.getName().startsWith("floe.run"))
            .findFirst()
            .orElseThrow();
    assertThat(runSpan.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);

    List<JsonNode> events = lineage.events();
    assertThat(events)
        .extracting(e -> e.path("eventType").asText())
        .containsExactly("START", "START", "FAIL", "FAIL");
    JsonNode facet = events.get(2).path("run").path("facets").path("errorMessage");
    assertThat(facet.path("message").asText()).isEqualTo("no orders today");
    assertThat(facet.path("programmingLanguage").asText()).isEqualTo("JAVA");
    assertThat(facet.path("stackTrace").asText())
        .startsWith("java.lang.IllegalStateException: no orders today")
        .contains("at dev.floe.runtime.observe");
    assertThat(
            events.get(3).path("run").path("facets").path("errorMessage").path("message").asText())
        .isEqualTo("no orders today");
  }

  @Test
  void aRunEndedWithoutItsFailureStillEmitsFail() {
    try (ObservabilityOrchestrator observe = recording(noEndpoints())) {
      RunObserver run = observe.startRun(UUID.randomUUID().toString());
      run.asset(TestArtifacts.asset("a")).failed(new RuntimeException());
      run.end(false, null);
      run.end(true, null);
    }
    List<JsonNode> events = lineage.events();
    assertThat(
            events.get(2).path("run").path("facets").path("errorMessage").path("message").asText())
        .isEqualTo("java.lang.RuntimeException");
    assertThat(events.get(3).path("eventType").asText()).isEqualTo("FAIL");
    assertThat(events).hasSize(4);
  }

  @Test
  @SuppressWarnings("try") // the scope is used for its effect
  void offRecordsNothing() {
    try (ObservabilityOrchestrator observe = ObservabilityOrchestrator.off()) {
      RunObserver run = observe.startRun(UUID.randomUUID().toString());
      AssetObserver asset = run.asset(TestArtifacts.asset("a"));
      try (var scope = asset.makeCurrent()) {
        asset.setAttribute("k", "v");
        assertThat(Span.current().getSpanContext().isValid()).isFalse();
      }
      asset.succeeded(outcome("silver.a"));
      asset.failed(new RuntimeException());
      run.end(true, null);
      assertThat(observe.shutdown()).isEqualTo(ObservabilityReport.OFF);
    }
  }

  @Test
  void withoutEndpointsBothSignalsAreOff() {
    try (ObservabilityOrchestrator observe =
        ObservabilityOrchestrator.create(
            noEndpoints(), TestArtifacts.noSecrets(dir), ObservabilityOptions.DEFAULTS)) {
      RunObserver run = observe.startRun(UUID.randomUUID().toString());
      run.asset(TestArtifacts.asset("a")).succeeded(outcome("silver.a"));
      run.end(true, null);
      assertThat(observe.shutdown()).isEqualTo(ObservabilityReport.OFF);
    }
  }

  @Test
  void signalsSwitchedOffInTheArtifactStayOff() {
    var config = TestArtifacts.endpoints("http://127.0.0.1:1", "http://127.0.0.1:1");
    var off =
        new dev.floe.core.model.PlatformObservability(
            new dev.floe.core.model.Signals(false, true, false),
            config.otlpEndpoint(),
            config.otlpProtocol(),
            config.lineageEndpoint(),
            config.lineageNamespace(),
            1.0,
            Map.of());
    try (ObservabilityOrchestrator observe = recording(TestArtifacts.local(off))) {
      observe.startRun(UUID.randomUUID().toString()).end(true, null);
      assertThat(observe.shutdown()).isEqualTo(ObservabilityReport.OFF);
    }
    assertThat(spans.getFinishedSpanItems()).isEmpty();
    assertThat(lineage.texts()).isEmpty();
  }

  @Test
  void samplingZeroRecordsNoSpanAndNoTraceFacet() {
    var config = TestArtifacts.observability(Optional.empty(), Optional.empty());
    var none =
        new dev.floe.core.model.PlatformObservability(
            config.signals(),
            config.otlpEndpoint(),
            config.otlpProtocol(),
            config.lineageEndpoint(),
            config.lineageNamespace(),
            0.0,
            Map.of());
    try (ObservabilityOrchestrator observe = recording(TestArtifacts.local(none))) {
      RunObserver run = observe.startRun(UUID.randomUUID().toString());
      run.asset(TestArtifacts.asset("a")).succeeded(outcome("silver.a"));
      run.end(true, null);
      ObservabilityReport report = observe.shutdown();
      assertThat(report.traces())
          .isEqualTo(new ObservabilityReport.Signal(true, 0, 0, Optional.empty()));
    }
    assertThat(spans.getFinishedSpanItems()).isEmpty();
    assertThat(lineage.events().get(2).path("run").path("facets").has("floe_trace")).isFalse();
  }

  @Test
  void rejectsARunIdThatIsNotAUuid() {
    try (ObservabilityOrchestrator observe = recording(noEndpoints())) {
      assertThatThrownBy(() -> observe.startRun("run-1"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aFailingSinkNeverReachesTheAsset() {
    LineageSink failing =
        json -> {
          throw new java.io.IOException("down");
        };
    ObservabilityReport report;
    try (ObservabilityOrchestrator observe =
        ObservabilityOrchestrator.create(
            TestArtifacts.local(
                TestArtifacts.observability(
                    Optional.empty(), Optional.of(StringOrSecret.literal("http://marquez:5000")))),
            TestArtifacts.noSecrets(dir),
            ObservabilityOptions.DEFAULTS
                .withLineageSink(failing)
                .withFlushDeadline(java.time.Duration.ofSeconds(60)))) {
      RunObserver run = observe.startRun(UUID.randomUUID().toString());
      for (int i = 0; i < 10; i++) {
        run.asset(TestArtifacts.asset("a" + i)).succeeded(outcome("silver.a" + i));
      }
      run.end(true, null);
      report = observe.shutdown();
    }
    assertThat(report.traces().enabled()).isFalse();
    assertThat(report.lineage().delivered()).isZero();
    assertThat(report.lineage().dropped()).isEqualTo(22);
    assertThat(report.lineage().failedEndpoint()).contains("http://marquez:5000");
  }
}
