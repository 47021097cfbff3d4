package dev.floe.runtime.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The circuit of the span exporter against answers that arrive in any order: each export of the
 * stand-in exporter returns a result the test completes when it chooses.
 */
class CountingSpanExporterTest {
  private static final String ENDPOINT = "http://127.0.0.1:4318";

  /** Records each export and hands back a result that completes when the test says so. */
  private static final class Pending implements SpanExporter {
    final List<CompletableResultCode> results = new ArrayList<>();

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      CompletableResultCode result = new CompletableResultCode();
      results.add(result);
      return result;
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  private static List<SpanData> spans(int n) {
    List<SpanData> spans = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      spans.add(
          TestSpanData.builder()
              .setName("asset " + i)
              .setKind(SpanKind.INTERNAL)
              .setStartEpochNanos(1)
              .setEndEpochNanos(2)
              .setHasEnded(true)
              .setStatus(StatusData.ok())
              .build());
    }
    return spans;
  }

  @Test
  void aProbeThatFailsAfterABatchWasAnsweredLeavesTheEndpointHealthy() {
    Pending pending = new Pending();
    CountingSpanExporter exporter = new CountingSpanExporter(pending, true, ENDPOINT);

    exporter.probe();
    exporter.export(spans(3));
    pending.results.get(1).succeed();
    pending.results.get(0).fail();

    assertThat(exporter.failureSeen()).isFalse();
    assertThat(exporter.circuitOpen()).isFalse();
    assertThat(exporter.delivered()).isEqualTo(3);
  }

  @Test
  void aProbeThatFailsAtOnceOpensTheCircuitBeforeAnySpan() {
    Pending pending = new Pending();
    CountingSpanExporter exporter = new CountingSpanExporter(pending, true, ENDPOINT);

    exporter.probe();
    pending.results.get(0).fail();

    assertThat(exporter.circuitOpen()).isTrue();
    assertThat(exporter.failureSeen()).isTrue();
    assertThat(exporter.export(spans(2)).isSuccess()).isFalse();
    assertThat(pending.results).as("nothing more is sent").hasSize(1);
  }
}
