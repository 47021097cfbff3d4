package dev.floe.runtime.observe;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * How the {@link ObservabilityOrchestrator} emits, beyond what CompiledArtifacts configures: the
 * time limits and queue sizes of the asynchronous emission, and in-process replacements for the
 * exporters (in-memory recorders in tests). Immutable; {@link #DEFAULTS} and the {@code with…}
 * methods make variants.
 *
 * @param connectTimeout how long one connection attempt to an endpoint may take
 * @param exportTimeout how long one export (an OTLP batch, a lineage event) may take in all; after
 *     it the endpoint counts as failed and the circuit opens for the rest of the run
 * @param flushDeadline how long {@link ObservabilityOrchestrator#shutdown()} waits, at most, for
 *     what is still queued or in flight; what is not delivered by then counts as dropped
 * @param spanQueueSize spans waiting for export, at most; more are dropped and counted
 * @param spanBatchSize spans in one OTLP export, at most
 * @param spanScheduleDelay how often queued spans are exported during a run
 * @param lineageQueueSize lineage events waiting for emission, at most; more are dropped and
 *     counted
 * @param spanExporter exports spans instead of OTLP (the endpoint need not be configured)
 * @param lineageSink receives each lineage event's JSON instead of the HTTP endpoint
 * @param projectDir the folder holding floe.yaml: relative local warehouse paths are resolved
 *     against it to name datasets
 * @param clock the time of lineage events
 */
@Api(status = Api.Status.INTERNAL)
public record ObservabilityOptions(
    Duration connectTimeout,
    Duration exportTimeout,
    Duration flushDeadline,
    Duration unansweredDeadline,
    int spanQueueSize,
    int spanBatchSize,
    Duration spanScheduleDelay,
    int lineageQueueSize,
    Optional<SpanExporter> spanExporter,
    Optional<LineageSink> lineageSink,
    Path projectDir,
    Clock clock) {

  /**
   * The defaults: connect 1 s, export 2 s, flush deadline 5 s (100 ms for an endpoint that never
   * answered), 2048 queued spans in batches of 512 every 200 ms, 1024 queued events, OTLP and HTTP,
   * the working folder, the system clock.
   */
  public static final ObservabilityOptions DEFAULTS =
      new ObservabilityOptions(
          Duration.ofSeconds(1),
          Duration.ofSeconds(2),
          Duration.ofSeconds(5),
          Duration.ofMillis(100),
          2048,
          512,
          Duration.ofMillis(200),
          1024,
          Optional.empty(),
          Optional.empty(),
          Path.of("").toAbsolutePath(),
          Clock.systemUTC());

  public ObservabilityOptions {
    positive(connectTimeout, "connectTimeout");
    positive(exportTimeout, "exportTimeout");
    positive(flushDeadline, "flushDeadline");
    positive(unansweredDeadline, "unansweredDeadline");
    positive(spanScheduleDelay, "spanScheduleDelay");
    if (spanQueueSize < 1 || spanBatchSize < 1 || lineageQueueSize < 1) {
      throw new IllegalArgumentException("queue and batch sizes must be at least 1");
    }
    requireNonNull(spanExporter, "spanExporter");
    requireNonNull(lineageSink, "lineageSink");
    projectDir = requireNonNull(projectDir, "projectDir").toAbsolutePath().normalize();
    requireNonNull(clock, "clock");
  }

  private static void positive(Duration duration, String name) {
    requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + duration);
    }
  }

  /** These options with another connect timeout. */
  public ObservabilityOptions withConnectTimeout(Duration value) {
    Copy copy = new Copy(this);
    copy.connectTimeout = value;
    return copy.build();
  }

  /** These options with another export timeout. */
  public ObservabilityOptions withExportTimeout(Duration value) {
    Copy copy = new Copy(this);
    copy.exportTimeout = value;
    return copy.build();
  }

  /** These options with another flush deadline. */
  public ObservabilityOptions withFlushDeadline(Duration value) {
    Copy copy = new Copy(this);
    copy.flushDeadline = value;
    return copy.build();
  }

  /** These options with another deadline for endpoints that never answered. */
  public ObservabilityOptions withUnansweredDeadline(Duration value) {
    Copy copy = new Copy(this);
    copy.unansweredDeadline = value;
    return copy.build();
  }

  /** These options with other span and lineage queue sizes. */
  public ObservabilityOptions withQueueSizes(int spans, int lineageEvents) {
    Copy copy = new Copy(this);
    copy.spanQueueSize = spans;
    copy.spanBatchSize = Math.min(spanBatchSize, spans);
    copy.lineageQueueSize = lineageEvents;
    return copy.build();
  }

  /** These options with spans going to {@code exporter} instead of OTLP. */
  public ObservabilityOptions withSpanExporter(SpanExporter exporter) {
    Copy copy = new Copy(this);
    copy.spanExporter = Optional.of(exporter);
    return copy.build();
  }

  /** These options with lineage events going to {@code sink} instead of HTTP. */
  public ObservabilityOptions withLineageSink(LineageSink sink) {
    Copy copy = new Copy(this);
    copy.lineageSink = Optional.of(sink);
    return copy.build();
  }

  /** These options with another project folder. */
  public ObservabilityOptions withProjectDir(Path value) {
    Copy copy = new Copy(this);
    copy.projectDir = value;
    return copy.build();
  }

  /** These options with another clock. */
  public ObservabilityOptions withClock(Clock value) {
    Copy copy = new Copy(this);
    copy.clock = value;
    return copy.build();
  }

  /** The components of a variant being made: one place that lists them all for the withers. */
  private static final class Copy {
    Duration connectTimeout;
    Duration exportTimeout;
    Duration flushDeadline;
    Duration unansweredDeadline;
    int spanQueueSize;
    int spanBatchSize;
    Duration spanScheduleDelay;
    int lineageQueueSize;
    Optional<SpanExporter> spanExporter;
    Optional<LineageSink> lineageSink;
    Path projectDir;
    Clock clock;

    Copy(ObservabilityOptions from) {
      connectTimeout = from.connectTimeout;
      exportTimeout = from.exportTimeout;
      flushDeadline = from.flushDeadline;
      unansweredDeadline = from.unansweredDeadline;
      spanQueueSize = from.spanQueueSize;
      spanBatchSize = from.spanBatchSize;
      spanScheduleDelay = from.spanScheduleDelay;
      lineageQueueSize = from.lineageQueueSize;
      spanExporter = from.spanExporter;
      lineageSink = from.lineageSink;
      projectDir = from.projectDir;
      clock = from.clock;
    }

    ObservabilityOptions build() {
      return new ObservabilityOptions(
          connectTimeout,
          exportTimeout,
          flushDeadline,
          unansweredDeadline,
          spanQueueSize,
          spanBatchSize,
          spanScheduleDelay,
          lineageQueueSize,
          spanExporter,
          lineageSink,
          projectDir,
          clock);
    }
  }
}
