package dev.floe.testing.telemetry;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * An OTLP/HTTP receiver for tests, on 127.0.0.1 on an ephemeral port: it decodes the protobuf trace
 * exports that OpenTelemetry exporters {@code POST} to {@value #TRACES_PATH} (plain or gzip) into
 * {@link ReceivedSpan}s, and answers {@value #METRICS_PATH} and {@value #LOGS_PATH} with 200 and
 * counts them.
 *
 * <pre>{@code
 * try (OtlpReceiver otlp = new OtlpReceiver().start()) {
 *   // exporter: OtlpHttpSpanExporter.builder().setEndpoint(otlp.tracesEndpoint().toString())
 *   … run the code under test …
 *   ReceivedSpan span = otlp.awaitSpans(1, Duration.ofSeconds(10)).get(0);
 *   assertThat(span.attribute("floe.asset")).contains("orders");
 * }
 * }</pre>
 *
 * <p>Failure modes for degradation tests: {@link #respondWith(int)} (every request gets that
 * status; nothing is recorded), {@link #hang()} (requests are read and never answered), {@link
 * #refuse()} / {@link #resume()} (the port stops listening, then listens again); {@link
 * #respondNormally()} or {@link #reset()} end them.
 *
 * <p>Other answers: 404 for another path, 405 for a method other than {@code POST}, 415 for OTLP
 * JSON ({@code application/json}) or a content encoding other than gzip, 400 for a body that is not
 * an OTLP trace export. Instances are safe for use by several threads.
 */
public final class OtlpReceiver extends LoopbackReceiver {

  /** The OTLP/HTTP path of trace exports. */
  public static final String TRACES_PATH = "/v1/traces";

  /** The OTLP/HTTP path of metric exports (answered and counted, not decoded). */
  public static final String METRICS_PATH = "/v1/metrics";

  /** The OTLP/HTTP path of log exports (answered and counted, not decoded). */
  public static final String LOGS_PATH = "/v1/logs";

  private static final String PROTOBUF = "application/x-protobuf";
  private static final HexFormat HEX = HexFormat.of();

  private final List<ReceivedSpan> spans = new ArrayList<>();
  private int traceExports;
  private int metricsExports;
  private int logsExports;

  /** Creates a receiver; {@link #start()} makes it listen. */
  public OtlpReceiver() {
    super("OTLP receiver");
  }

  /**
   * Binds to 127.0.0.1 on an ephemeral port and starts serving.
   *
   * @return this receiver, for chaining
   * @throws IllegalStateException if it was started (or closed) before
   * @throws java.io.UncheckedIOException if it cannot listen
   */
  public OtlpReceiver start() {
    startServer();
    return this;
  }

  /**
   * Returns the URL of trace exports, for {@code OtlpHttpSpanExporterBuilder.setEndpoint}.
   *
   * @return {@code http://127.0.0.1:<port>/v1/traces}
   */
  public URI tracesEndpoint() {
    return endpoint().resolve(TRACES_PATH);
  }

  /**
   * Returns every span received, in the order received.
   *
   * @return an unmodifiable copy
   */
  public List<ReceivedSpan> spans() {
    synchronized (lock) {
      return List.copyOf(spans);
    }
  }

  /**
   * Returns the spans of one name, in the order received.
   *
   * @param name the span name
   * @return an unmodifiable list; empty if none
   */
  public List<ReceivedSpan> spans(String name) {
    synchronized (lock) {
      return spans.stream().filter(span -> span.name().equals(name)).toList();
    }
  }

  /**
   * Waits until at least {@code count} spans have been received.
   *
   * @param count the number of spans to wait for
   * @param timeout how long to wait at most
   * @return every span received so far (at least {@code count})
   * @throws AssertionError if fewer arrived in time; the message says how many did
   */
  public List<ReceivedSpan> awaitSpans(int count, Duration timeout) {
    await(
        () -> spans.size() >= count,
        timeout,
        () ->
            "expected at least "
                + count
                + " spans within "
                + timeout
                + " but received "
                + spans.size()
                + " "
                + spans.stream().map(ReceivedSpan::name).toList()
                + " in "
                + requests()
                + " requests");
    return spans();
  }

  /**
   * Counts the trace exports decoded and answered with 200.
   *
   * @return the number of accepted {@value #TRACES_PATH} requests
   */
  public int traceExports() {
    synchronized (lock) {
      return traceExports;
    }
  }

  /**
   * Counts the metric exports answered with 200.
   *
   * @return the number of accepted {@value #METRICS_PATH} requests
   */
  public int metricsExports() {
    synchronized (lock) {
      return metricsExports;
    }
  }

  /**
   * Counts the log exports answered with 200.
   *
   * @return the number of accepted {@value #LOGS_PATH} requests
   */
  public int logsExports() {
    synchronized (lock) {
      return logsExports;
    }
  }

  @Override
  Answer accept(Request request) {
    String path = request.path();
    if (!path.equals(TRACES_PATH) && !path.equals(METRICS_PATH) && !path.equals(LOGS_PATH)) {
      return Answer.text(404, "no OTLP signal at " + path);
    }
    if (!"POST".equals(request.method())) {
      return Answer.text(405, "OTLP/HTTP takes POST, not " + request.method());
    }
    if (request.mediaType().equals("application/json")) {
      return Answer.text(415, "this receiver decodes OTLP protobuf (application/x-protobuf) only");
    }
    if (path.equals(METRICS_PATH)) {
      synchronized (lock) {
        metricsExports++;
      }
      return new Answer(
          200, PROTOBUF, ExportMetricsServiceResponse.getDefaultInstance().toByteArray());
    }
    if (path.equals(LOGS_PATH)) {
      synchronized (lock) {
        logsExports++;
      }
      return new Answer(
          200, PROTOBUF, ExportLogsServiceResponse.getDefaultInstance().toByteArray());
    }
    return traces(request.body());
  }

  private Answer traces(byte[] body) {
    ExportTraceServiceRequest export;
    try {
      export = ExportTraceServiceRequest.parseFrom(body);
    } catch (InvalidProtocolBufferException e) {
      return Answer.text(400, "not an OTLP trace export: " + e.getMessage());
    }
    List<ReceivedSpan> decoded = new ArrayList<>();
    for (ResourceSpans resourceSpans : export.getResourceSpansList()) {
      Map<String, Object> resource = OtlpValues.of(resourceSpans.getResource().getAttributesList());
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        for (Span span : scopeSpans.getSpansList()) {
          decoded.add(
              decode(
                  span,
                  resource,
                  scopeSpans.getScope().getName(),
                  scopeSpans.getScope().getVersion()));
        }
      }
    }
    synchronized (lock) {
      traceExports++;
      spans.addAll(decoded);
      recorded();
    }
    return new Answer(200, PROTOBUF, ExportTraceServiceResponse.getDefaultInstance().toByteArray());
  }

  private static ReceivedSpan decode(
      Span span, Map<String, Object> resource, String scopeName, String scopeVersion) {
    List<SpanEvent> events = new ArrayList<>();
    for (Span.Event event : span.getEventsList()) {
      events.add(
          new SpanEvent(
              event.getName(), event.getTimeUnixNano(), OtlpValues.of(event.getAttributesList())));
    }
    return new ReceivedSpan(
        hex(span.getTraceId()),
        hex(span.getSpanId()),
        hex(span.getParentSpanId()),
        span.getName(),
        kind(span.getKind()),
        statusCode(span.getStatus().getCode()),
        span.getStatus().getMessage(),
        OtlpValues.of(span.getAttributesList()),
        events,
        resource,
        scopeName,
        scopeVersion,
        span.getStartTimeUnixNano(),
        span.getEndTimeUnixNano());
  }

  private static String hex(ByteString bytes) {
    return HEX.formatHex(bytes.toByteArray());
  }

  private static ReceivedSpan.Kind kind(Span.SpanKind kind) {
    return switch (kind) {
      case SPAN_KIND_INTERNAL -> ReceivedSpan.Kind.INTERNAL;
      case SPAN_KIND_SERVER -> ReceivedSpan.Kind.SERVER;
      case SPAN_KIND_CLIENT -> ReceivedSpan.Kind.CLIENT;
      case SPAN_KIND_PRODUCER -> ReceivedSpan.Kind.PRODUCER;
      case SPAN_KIND_CONSUMER -> ReceivedSpan.Kind.CONSUMER;
      default -> ReceivedSpan.Kind.UNSPECIFIED;
    };
  }

  private static ReceivedSpan.StatusCode statusCode(Status.StatusCode code) {
    return switch (code) {
      case STATUS_CODE_OK -> ReceivedSpan.StatusCode.OK;
      case STATUS_CODE_ERROR -> ReceivedSpan.StatusCode.ERROR;
      default -> ReceivedSpan.StatusCode.UNSET;
    };
  }

  @Override
  void clearRecords() {
    spans.clear();
    traceExports = 0;
    metricsExports = 0;
    logsExports = 0;
  }

  /**
   * Describes the receiver: its address and state.
   *
   * @return for example {@code OTLP receiver[http://127.0.0.1:41234, ACCEPT]}
   */
  @Override
  public String toString() {
    return describe();
  }
}
