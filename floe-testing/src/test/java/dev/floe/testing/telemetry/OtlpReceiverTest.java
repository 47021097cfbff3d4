package dev.floe.testing.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.internal.FailedExportException;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OtlpReceiverTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private OtlpReceiver otlp;

  @BeforeEach
  void start() {
    otlp = new OtlpReceiver().start();
  }

  @AfterEach
  void close() {
    otlp.close();
  }

  @Test
  void decodesSpansSentByTheOpenTelemetrySdk() {
    Resource resource =
        Resource.getDefault()
            .merge(
                Resource.create(
                    Attributes.of(
                        AttributeKey.stringKey("service.name"),
                        "orders-pipeline",
                        AttributeKey.stringKey("floe.env"),
                        "dev")));
    OtlpHttpSpanExporter exporter =
        OtlpHttpSpanExporter.builder()
            .setEndpoint(otlp.tracesEndpoint().toString())
            .setCompression("gzip")
            .build();
    Span parent;
    Span child;
    try (SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .setResource(resource)
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build()) {
      Tracer tracer =
          provider.tracerBuilder("dev.floe.runtime").setInstrumentationVersion("0.1.0").build();
      parent = tracer.spanBuilder("materialize orders").setSpanKind(SpanKind.SERVER).startSpan();
      child =
          tracer
              .spanBuilder("write bronze.orders")
              .setParent(Context.root().with(parent))
              .setSpanKind(SpanKind.CLIENT)
              .setAttribute("floe.asset", "orders")
              .setAttribute("floe.rows", 42L)
              .setAttribute("floe.ratio", 0.5)
              .setAttribute("floe.incremental", true)
              .setAttribute(AttributeKey.stringArrayKey("floe.tags"), List.of("pii", "gold"))
              .setAttribute(AttributeKey.longArrayKey("floe.partitions"), List.of(1L, 2L))
              .startSpan();
      child.addEvent("checkpoint", Attributes.of(AttributeKey.longKey("offset"), 7L));
      child.recordException(new IllegalStateException("the table is locked"));
      child.setStatus(StatusCode.ERROR, "write failed");
      child.end();
      parent.setStatus(StatusCode.OK);
      parent.end();
      assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    }

    List<ReceivedSpan> spans = otlp.awaitSpans(2, WAIT);
    assertThat(spans)
        .extracting(ReceivedSpan::name)
        .containsExactlyInAnyOrder("write bronze.orders", "materialize orders");
    ReceivedSpan root = otlp.spans("materialize orders").get(0);
    ReceivedSpan write = otlp.spans("write bronze.orders").get(0);

    assertThat(root.traceId()).isEqualTo(parent.getSpanContext().getTraceId()).hasSize(32);
    assertThat(root.spanId()).isEqualTo(parent.getSpanContext().getSpanId()).hasSize(16);
    assertThat(root.isRoot()).isTrue();
    assertThat(root.parentSpanId()).isEmpty();
    assertThat(root.kind()).isEqualTo(ReceivedSpan.Kind.SERVER);
    assertThat(root.statusCode()).isEqualTo(ReceivedSpan.StatusCode.OK);

    assertThat(write.spanId()).isEqualTo(child.getSpanContext().getSpanId());
    assertThat(write.traceId()).isEqualTo(root.traceId());
    assertThat(write.parentSpanId()).isEqualTo(root.spanId());
    assertThat(write.isChildOf(root)).isTrue();
    assertThat(root.isChildOf(write)).isFalse();
    assertThat(write.kind()).isEqualTo(ReceivedSpan.Kind.CLIENT);
    assertThat(write.statusCode()).isEqualTo(ReceivedSpan.StatusCode.ERROR);
    assertThat(write.statusMessage()).isEqualTo("write failed");
    assertThat(write.attributes())
        .containsEntry("floe.asset", "orders")
        .containsEntry("floe.rows", 42L)
        .containsEntry("floe.ratio", 0.5)
        .containsEntry("floe.incremental", true)
        .containsEntry("floe.tags", List.of("pii", "gold"))
        .containsEntry("floe.partitions", List.of(1L, 2L));
    assertThat(write.attribute("floe.asset")).contains("orders");
    assertThat(write.attribute("absent")).isEmpty();
    assertThat(write.startEpochNanos()).isPositive().isLessThanOrEqualTo(write.endEpochNanos());
    assertThat(write.scopeName()).isEqualTo("dev.floe.runtime");
    assertThat(write.scopeVersion()).isEqualTo("0.1.0");

    assertThat(write.events())
        .extracting(SpanEvent::name)
        .containsExactly("checkpoint", "exception");
    assertThat(write.events().get(0).attribute("offset")).contains(7L);
    assertThat(write.events().get(0).isException()).isFalse();
    SpanEvent exception = write.exceptionEvents().get(0);
    assertThat(exception.exceptionType()).isEqualTo(IllegalStateException.class.getName());
    assertThat(exception.exceptionMessage()).isEqualTo("the table is locked");
    assertThat(exception.attribute("exception.stacktrace").map(String::valueOf).orElse(""))
        .contains("OtlpReceiverTest");
    assertThat(exception.epochNanos()).isPositive();

    assertThat(write.resourceAttributes())
        .containsEntry("service.name", "orders-pipeline")
        .containsEntry("floe.env", "dev")
        .containsKey("telemetry.sdk.version");
    assertThat(write.resourceAttribute("service.name")).contains("orders-pipeline");
    assertThat(otlp.traceExports()).isEqualTo(2);
    assertThat(otlp.requests()).isEqualTo(2);
  }

  @Test
  void decodesAnExportByHandPlainAndGzipped() throws Exception {
    byte[] export = export("by hand");
    assertThat(post(OtlpReceiver.TRACES_PATH, export, false).statusCode()).isEqualTo(200);
    assertThat(post(OtlpReceiver.TRACES_PATH, export, true).statusCode()).isEqualTo(200);
    assertThat(otlp.awaitSpans(2, WAIT)).extracting(ReceivedSpan::name).containsOnly("by hand");
    ReceivedSpan span = otlp.spans().get(0);
    assertThat(span.attributes())
        .containsEntry("bytes", java.nio.ByteBuffer.wrap(new byte[] {1, 2}))
        .containsEntry("map", Map.of("inner", "value"))
        .doesNotContainKey("empty");
    assertThat(span.kind()).isEqualTo(ReceivedSpan.Kind.PRODUCER);
    assertThat(span.statusCode()).isEqualTo(ReceivedSpan.StatusCode.UNSET);
    assertThat(span.scopeVersion()).isEmpty();
  }

  @Test
  void answersAndCountsMetricsAndLogs() throws Exception {
    assertThat(post(OtlpReceiver.METRICS_PATH, new byte[0], false).statusCode()).isEqualTo(200);
    assertThat(post(OtlpReceiver.LOGS_PATH, new byte[0], false).statusCode()).isEqualTo(200);
    assertThat(post(OtlpReceiver.LOGS_PATH, new byte[0], true).statusCode()).isEqualTo(200);
    assertThat(otlp.metricsExports()).isEqualTo(1);
    assertThat(otlp.logsExports()).isEqualTo(2);
    assertThat(otlp.traceExports()).isZero();
    assertThat(otlp.spans()).isEmpty();
  }

  @Test
  void rejectsWhatIsNotAnOtlpProtobufTraceExport() throws Exception {
    assertThat(post("/v1/other", new byte[0], false).statusCode()).isEqualTo(404);
    assertThat(post(OtlpReceiver.TRACES_PATH, new byte[] {(byte) 0xff, 0x01}, false).statusCode())
        .isEqualTo(400);
    HttpResponse<String> json =
        HTTP.send(
            HttpRequest.newBuilder(otlp.tracesEndpoint())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(json.statusCode()).isEqualTo(415);
    HttpResponse<String> get =
        HTTP.send(
            HttpRequest.newBuilder(otlp.tracesEndpoint()).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
    HttpResponse<String> brotli =
        HTTP.send(
            HttpRequest.newBuilder(otlp.tracesEndpoint())
                .header("Content-Type", "application/x-protobuf")
                .header("Content-Encoding", "br")
                .POST(HttpRequest.BodyPublishers.ofByteArray(export("x")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(brotli.statusCode()).isEqualTo(415);
    HttpResponse<String> badGzip =
        HTTP.send(
            HttpRequest.newBuilder(otlp.tracesEndpoint())
                .header("Content-Type", "application/x-protobuf")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3}))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(badGzip.statusCode()).isEqualTo(400);
    assertThat(otlp.spans()).isEmpty();
    assertThat(otlp.requests()).isEqualTo(6);
  }

  @Test
  void anErrorStatusReachesTheExporterAndNothingIsRecorded() throws Exception {
    otlp.respondWith(500);
    try (Client client = new Client(otlp, Duration.ofSeconds(5))) {
      CompletableResultCode result = client.exportOneSpan("rejected");
      assertThat(result.isSuccess()).isFalse();
      assertThat(result.getFailureThrowable())
          .isInstanceOfSatisfying(
              FailedExportException.HttpExportException.class,
              failure -> assertThat(failure.getResponse().getStatusCode()).isEqualTo(500));
    }
    assertThat(post(OtlpReceiver.TRACES_PATH, export("raw"), false).statusCode()).isEqualTo(500);
    assertThat(otlp.spans()).isEmpty();
    assertThat(otlp.requests()).isEqualTo(2);

    otlp.respondNormally();
    assertThat(post(OtlpReceiver.TRACES_PATH, export("accepted"), false).statusCode())
        .isEqualTo(200);
    assertThat(otlp.spans()).extracting(ReceivedSpan::name).containsExactly("accepted");
  }

  @Test
  void aHangingReceiverMakesClientsTimeOut() throws Exception {
    otlp.hang();
    try (Client client = new Client(otlp, Duration.ofMillis(500))) {
      long start = System.nanoTime();
      CompletableResultCode result = client.exportOneSpan("held");
      assertThat(result.isSuccess()).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }
    assertThatThrownBy(
            () ->
                HTTP.send(
                    HttpRequest.newBuilder(otlp.tracesEndpoint())
                        .timeout(Duration.ofMillis(300))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(export("raw")))
                        .build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
    otlp.awaitHungRequests(2, WAIT);
    assertThat(otlp.requests()).isEqualTo(2);
    assertThat(otlp.hungRequests()).isEqualTo(2);
    assertThat(otlp.spans()).isEmpty();

    otlp.reset();
    assertThat(otlp.requests()).isZero();
    assertThat(post(OtlpReceiver.TRACES_PATH, export("after reset"), false).statusCode())
        .isEqualTo(200);
    assertThat(otlp.spans()).extracting(ReceivedSpan::name).containsExactly("after reset");
  }

  @Test
  void aRefusingReceiverRefusesConnectionsUntilResumedOnTheSamePort() throws Exception {
    URI endpoint = otlp.tracesEndpoint();
    int port = otlp.port();
    otlp.refuse();
    otlp.refuse(); // twice is once
    assertThat(otlp.isRefusing()).isTrue();
    try (Client client = new Client(otlp, Duration.ofSeconds(2))) {
      CompletableResultCode result = client.exportOneSpan("refused");
      assertThat(result.isSuccess()).isFalse();
      assertThat(causes(result.getFailureThrowable()))
          .hasAtLeastOneElementOfType(ConnectException.class);
    }
    assertThatThrownBy(() -> post(OtlpReceiver.TRACES_PATH, export("raw"), false))
        .isInstanceOf(ConnectException.class);
    assertThat(otlp.requests()).isZero();

    otlp.resume();
    otlp.resume(); // twice is once
    assertThat(otlp.isRefusing()).isFalse();
    assertThat(otlp.port()).isEqualTo(port);
    assertThat(otlp.tracesEndpoint()).isEqualTo(endpoint);
    assertThat(post(OtlpReceiver.TRACES_PATH, export("back"), false).statusCode()).isEqualTo(200);
    assertThat(otlp.spans()).extracting(ReceivedSpan::name).containsExactly("back");

    otlp.refuse();
    otlp.reset(); // listens again too
    assertThat(post(OtlpReceiver.TRACES_PATH, export("reset"), false).statusCode()).isEqualTo(200);
  }

  @Test
  void awaitingTooManySpansFailsWithWhatArrived() throws Exception {
    post(OtlpReceiver.TRACES_PATH, export("only one"), false);
    assertThatThrownBy(() -> otlp.awaitSpans(2, Duration.ofMillis(100)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected at least 2 spans")
        .hasMessageContaining("[only one]");
  }

  @Test
  void hasALifecycle() {
    OtlpReceiver fresh = new OtlpReceiver();
    assertThat(fresh.isRunning()).isFalse();
    assertThat(fresh.toString()).contains("not started");
    assertThatThrownBy(fresh::endpoint).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(fresh::port).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(fresh::hang).isInstanceOf(IllegalStateException.class);
    fresh.start();
    assertThatThrownBy(fresh::start).isInstanceOf(IllegalStateException.class);
    assertThat(fresh.toString()).contains("http://127.0.0.1:" + fresh.port(), "ACCEPT");
    assertThatThrownBy(() -> fresh.respondWith(99)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fresh.respondWith(600)).isInstanceOf(IllegalArgumentException.class);
    fresh.refuse();
    assertThat(fresh.toString()).contains("refusing");
    fresh.close();
    fresh.close();
    assertThat(fresh.isRunning()).isFalse();
    assertThat(fresh.toString()).contains("closed");
    assertThatThrownBy(fresh::reset).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(fresh::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aClientStillWaitingWhenTheHangEndsGets503() throws Exception {
    otlp.hang();
    java.util.concurrent.CompletableFuture<HttpResponse<String>> held =
        HTTP.sendAsync(
            HttpRequest.newBuilder(otlp.tracesEndpoint())
                .POST(HttpRequest.BodyPublishers.ofByteArray(export("held")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    otlp.awaitHungRequests(1, WAIT);
    otlp.respondNormally();
    HttpResponse<String> response = held.get(10, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Connection")).contains("close");
    assertThat(otlp.hungRequests()).isZero();
    assertThat(otlp.spans()).isEmpty();
    assertThat(post(OtlpReceiver.TRACES_PATH, export("next"), false).statusCode()).isEqualTo(200);
  }

  @Test
  void closingDropsHeldRequestsAndReleasesThePort() throws Exception {
    otlp.hang();
    Thread sender =
        new Thread(
            () -> {
              try {
                post(OtlpReceiver.TRACES_PATH, export("held"), false);
              } catch (IOException | InterruptedException expected) {
                // the connection is dropped
              }
            });
    sender.start();
    otlp.awaitHungRequests(1, WAIT);
    otlp.close();
    sender.join(5_000);
    assertThat(sender.isAlive()).isFalse();
  }

  private HttpResponse<String> post(String path, byte[] body, boolean gzip)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(otlp.endpoint().resolve(path))
            .header("Content-Type", "application/x-protobuf");
    if (gzip) {
      ByteArrayOutputStream zipped = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
        out.write(body);
      }
      request.header("Content-Encoding", "gzip");
      body = zipped.toByteArray();
    }
    return HTTP.send(
        request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** An export built with the OTLP messages directly, with values the SDK API cannot make. */
  private static byte[] export(String name) {
    io.opentelemetry.proto.common.v1.AnyValue text =
        io.opentelemetry.proto.common.v1.AnyValue.newBuilder().setStringValue("value").build();
    io.opentelemetry.proto.trace.v1.Span span =
        io.opentelemetry.proto.trace.v1.Span.newBuilder()
            .setTraceId(com.google.protobuf.ByteString.copyFrom(new byte[16]))
            .setSpanId(com.google.protobuf.ByteString.copyFrom(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
            .setName(name)
            .setKind(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_PRODUCER)
            .addAttributes(
                keyValue(
                    "bytes",
                    io.opentelemetry.proto.common.v1.AnyValue.newBuilder()
                        .setBytesValue(com.google.protobuf.ByteString.copyFrom(new byte[] {1, 2}))
                        .build()))
            .addAttributes(
                keyValue(
                    "map",
                    io.opentelemetry.proto.common.v1.AnyValue.newBuilder()
                        .setKvlistValue(
                            io.opentelemetry.proto.common.v1.KeyValueList.newBuilder()
                                .addValues(keyValue("inner", text)))
                        .build()))
            .addAttributes(
                keyValue("empty", io.opentelemetry.proto.common.v1.AnyValue.getDefaultInstance()))
            .build();
    return io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            io.opentelemetry.proto.trace.v1.ResourceSpans.newBuilder()
                .addScopeSpans(
                    io.opentelemetry.proto.trace.v1.ScopeSpans.newBuilder().addSpans(span)))
        .build()
        .toByteArray();
  }

  private static io.opentelemetry.proto.common.v1.KeyValue keyValue(
      String key, io.opentelemetry.proto.common.v1.AnyValue value) {
    return io.opentelemetry.proto.common.v1.KeyValue.newBuilder()
        .setKey(key)
        .setValue(value)
        .build();
  }

  private static List<Throwable> causes(Throwable throwable) {
    List<Throwable> chain = new java.util.ArrayList<>();
    for (Throwable current = throwable;
        current != null && !chain.contains(current);
        current = current.getCause()) {
      chain.add(current);
    }
    return chain;
  }

  /**
   * An SDK tracer whose ended spans are captured, and an OTLP/HTTP exporter (JDK sender, no
   * retries) to export them by hand, so that a test sees the export's result.
   */
  private static final class Client implements AutoCloseable {
    private final List<SpanData> ended = new CopyOnWriteArrayList<>();
    private final SdkTracerProvider provider;
    private final OtlpHttpSpanExporter exporter;

    Client(OtlpReceiver receiver, Duration timeout) {
      provider =
          SdkTracerProvider.builder()
              .addSpanProcessor(
                  new SpanProcessor() {
                    @Override
                    public void onStart(Context parentContext, ReadWriteSpan span) {}

                    @Override
                    public boolean isStartRequired() {
                      return false;
                    }

                    @Override
                    public void onEnd(ReadableSpan span) {
                      ended.add(span.toSpanData());
                    }

                    @Override
                    public boolean isEndRequired() {
                      return true;
                    }
                  })
              .build();
      exporter =
          OtlpHttpSpanExporter.builder()
              .setEndpoint(receiver.tracesEndpoint().toString())
              .setTimeout(timeout)
              .setRetryPolicy(null)
              .build();
    }

    CompletableResultCode exportOneSpan(String name) {
      provider.get("test").spanBuilder(name).startSpan().end();
      return exporter.export(List.copyOf(ended)).join(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      exporter.close();
      provider.close();
    }
  }
}
