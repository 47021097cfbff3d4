package dev.floe.runtime.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.model.AccessDelegation;
import dev.floe.core.model.CatalogProfile;
import dev.floe.core.model.CatalogType;
import dev.floe.core.model.Credentials;
import dev.floe.core.model.SecretRef;
import dev.floe.core.model.StorageProfile;
import dev.floe.core.model.StorageType;
import dev.floe.core.secret.SecretResolver;
import dev.floe.runtime.ObservabilityReport;
import dev.floe.testing.SecretCanaries;
import dev.floe.testing.secret.TestSecretProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Endpoints given as {@code secret_ref} carry a canary in their query: it reaches the endpoint (the
 * URL is the secret's purpose) but never a span, the resource, a lineage event or the report.
 */
class SecretCanaryTest {
  @TempDir Path dir;

  private final SecretCanaries canaries = SecretCanaries.create();

  private CompiledArtifacts artifacts() {
    CatalogProfile polaris =
        new CatalogProfile(
            CatalogType.POLARIS,
            Optional.of(new SecretRef("catalog-uri")),
            "demo",
            "default",
            AccessDelegation.NONE,
            true,
            Map.of(),
            Credentials.NONE);
    StorageProfile s3 =
        new StorageProfile(
            StorageType.S3,
            Optional.empty(),
            Optional.of("us-east-1"),
            Optional.of("iceberg-data"),
            Optional.empty(),
            false,
            Credentials.NONE);
    return TestArtifacts.artifacts(
        polaris,
        s3,
        TestArtifacts.observability(
            Optional.of(new SecretRef("otlp-endpoint")),
            Optional.of(new SecretRef("lineage-endpoint"))));
  }

  private SecretResolver secrets(String otlp, String lineage) {
    TestSecretProvider provider =
        TestSecretProvider.builder("canaries")
            .secret("otlp-endpoint", otlp + "/?token=" + canaries.next())
            .secret("lineage-endpoint", lineage + "/?token=" + canaries.next())
            .secret("catalog-uri", "http://polaris:8181/api/catalog?token=" + canaries.next())
            .build();
    return new SecretResolver(Map.of(), dir, List.of(provider));
  }

  @Test
  void noCanaryInWhatHealthyEndpointsReceive() {
    try (LoopbackEndpoint.Answering traces = LoopbackEndpoint.answering(200);
        LoopbackEndpoint.Answering lineage = LoopbackEndpoint.answering(200)) {
      ObservabilityReport report;
      try (ObservabilityOrchestrator observe =
          ObservabilityOrchestrator.create(
              artifacts(),
              secrets(traces.url(), lineage.url()),
              ObservabilityOptions.DEFAULTS
                  .withProjectDir(dir)
                  .withUnansweredDeadline(java.time.Duration.ofSeconds(60)))) {
        report = DegradationTest.runAssets(observe);
      }
      assertThat(report.traces().delivered()).isEqualTo(DegradationTest.SPANS);
      assertThat(report.lineage().delivered()).isEqualTo(DegradationTest.EVENTS);
      // The secret URL was used: its query reached the endpoints.
      assertThat(traces.paths()).anyMatch(p -> p.contains(SecretCanaries.PREFIX));
      assertThat(lineage.paths()).anyMatch(p -> p.contains(SecretCanaries.PREFIX));
      traces.bodies().forEach(canaries::assertAbsentFrom);
      lineage.texts().forEach(canaries::assertAbsentFrom);
      assertThat(lineage.texts())
          .anyMatch(t -> t.contains("\"namespace\":\"secret_ref:catalog-uri\""));
      canaries.assertAbsentFrom(report.toString());
    }
  }

  @Test
  void failedSecretEndpointsAreNamedByTheirSecret() {
    try (LoopbackEndpoint traces = LoopbackEndpoint.refusing();
        LoopbackEndpoint lineage = LoopbackEndpoint.answering(500)) {
      ObservabilityReport report;
      try (ObservabilityOrchestrator observe =
          ObservabilityOrchestrator.create(
              artifacts(),
              secrets(traces.url(), lineage.url()),
              ObservabilityOptions.DEFAULTS.withProjectDir(dir))) {
        report = DegradationTest.runAssets(observe);
      }
      assertThat(report.traces().failedEndpoint()).contains("secret_ref:otlp-endpoint");
      assertThat(report.lineage().failedEndpoint()).contains("secret_ref:lineage-endpoint");
      canaries.assertAbsentFrom(report.toString());
    }
  }

  @Test
  void noCanaryInRecordedSpansOrEvents() {
    var memory = io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter.create();
    RecordingSink sink = new RecordingSink();
    try (ObservabilityOrchestrator observe =
        ObservabilityOrchestrator.create(
            artifacts(),
            secrets("http://127.0.0.1:1", "http://127.0.0.1:1"),
            ObservabilityOptions.DEFAULTS
                .withSpanExporter(memory)
                .withLineageSink(sink)
                .withProjectDir(dir)
                .withFlushDeadline(java.time.Duration.ofSeconds(60)))) {
      DegradationTest.runAssets(observe);
    }
    assertThat(memory.getFinishedSpanItems()).hasSize(DegradationTest.SPANS);
    memory.getFinishedSpanItems().forEach(span -> canaries.assertAbsentFrom(span.toString()));
    canaries.assertAbsentFrom(memory.getFinishedSpanItems().get(0).getResource().toString());
    assertThat(sink.texts()).hasSize(DegradationTest.EVENTS);
    sink.texts().forEach(canaries::assertAbsentFrom);
  }
}
