package dev.floe.testing.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.OpenLineageClientException;
import io.openlineage.client.OpenLineageClientUtils;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import io.openlineage.client.transports.HttpTransportResponseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LineageReceiverTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final URI PRODUCER = URI.create("https://github.com/floe-dev/floe/tests");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final OpenLineage ol = new OpenLineage(PRODUCER);
  private LineageReceiver lineage;

  @BeforeEach
  void start() {
    lineage = LineageReceiver.builder().path("/custom/lineage").build().start();
  }

  @AfterEach
  void close() {
    lineage.close();
  }

  @Test
  void recordsAndValidatesEventsOfTheOpenLineageClient() throws Exception {
    UUID runId = UUID.randomUUID();
    OpenLineageClient client = new OpenLineageClient(transport(lineage.endpoint(), 5_000));
    try {
      client.emit(runEvent(OpenLineage.RunEvent.EventType.START, runId));
      client.emit(runEvent(OpenLineage.RunEvent.EventType.COMPLETE, runId));
    } finally {
      client.close();
    }

    List<LineageEvent> events = lineage.awaitEvents(2, WAIT);
    lineage.assertAllValid();
    assertThat(lineage.validationErrors()).isEmpty();
    assertThat(events).extracting(LineageEvent::eventType).containsExactly("START", "COMPLETE");
    LineageEvent start = events.get(0);
    assertThat(start.isValid()).isTrue();
    assertThat(start.uncheckedFacets()).isEmpty();
    assertThat(start.kind()).isEqualTo(LineageEvent.Kind.RUN);
    assertThat(start.path()).isEqualTo(LineageReceiver.DEFAULT_PATH);
    assertThat(start.job()).isEqualTo("floe/orders");
    assertThat(start.jobNamespace()).isEqualTo("floe");
    assertThat(start.jobName()).isEqualTo("orders");
    assertThat(start.runId()).isEqualTo(runId.toString());
    assertThat(start.eventTime()).isNotEmpty();
    assertThat(start.runFacets()).contains("nominalTime", "parent");
    assertThat(start.jobFacets()).contains("jobType");
    assertThat(start.inputs())
        .containsExactly(new LineageDataset("s3://lake", "bronze.raw_orders", List.of("schema")));
    assertThat(start.outputs())
        .containsExactly(
            new LineageDataset(
                "s3://lake", "silver.orders", List.of("schema", "outputStatistics")));
    assertThat(start.outputs().get(0).qualifiedName()).isEqualTo("s3://lake/silver.orders");
    assertThat(start.dataset()).isEmpty();
    assertThat(start.text("/run/facets/parent/job/name")).isEqualTo("nightly");
    assertThat(start.text("/run/facets")).isEmpty();
    assertThat(start.json().path("producer").asText()).isEqualTo(PRODUCER.toString());
    assertThat(start.toString()).contains("RUN START floe/orders", "(valid)");
    assertThat(lineage.events("orders")).hasSize(2);
    assertThat(lineage.events("other")).isEmpty();
    assertThat(lineage.requests()).isEqualTo(2);
  }

  @Test
  void anEventWithoutEventTimeIsReported() throws Exception {
    ObjectNode event = json(runEvent(OpenLineage.RunEvent.EventType.START, UUID.randomUUID()));
    event.remove("eventTime");

    assertThat(post(LineageReceiver.DEFAULT_PATH, event.toString()).statusCode()).isEqualTo(200);

    LineageEvent received = lineage.awaitEvents(1, WAIT).get(0);
    assertThat(received.isValid()).isFalse();
    assertThat(received.eventTime()).isEmpty();
    assertThat(received.validationErrors()).anyMatch(e -> e.contains("eventTime"));
    assertThat(lineage.validationErrors())
        .singleElement()
        .asString()
        .startsWith("event #1 (RUN START floe/orders")
        .contains("eventTime");
    assertThatThrownBy(lineage::assertAllValid)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("1 OpenLineage validation errors")
        .hasMessageContaining("eventTime");
  }

  @Test
  void aBadEventTypeABadTimeAndABadFacetAreReported() throws Exception {
    ObjectNode badType = json(runEvent(OpenLineage.RunEvent.EventType.START, UUID.randomUUID()));
    badType.put("eventType", "BEGIN");
    ObjectNode badTime = json(runEvent(OpenLineage.RunEvent.EventType.START, UUID.randomUUID()));
    badTime.put("eventTime", "yesterday");
    ObjectNode badFacet = json(runEvent(OpenLineage.RunEvent.EventType.START, UUID.randomUUID()));
    ((ObjectNode) badFacet.at("/inputs/0/facets/schema")).put("fields", "id long");

    String array = MAPPER.writeValueAsString(List.of(badType, badTime, badFacet));
    assertThat(post("/custom/lineage", array).statusCode()).isEqualTo(200);

    List<LineageEvent> events = lineage.awaitEvents(3, WAIT);
    assertThat(events).extracting(LineageEvent::path).containsOnly("/custom/lineage");
    assertThat(events.get(0).validationErrors())
        .singleElement()
        .asString()
        .startsWith("$.eventType:")
        .contains("enumeration");
    assertThat(events.get(1).validationErrors())
        .singleElement()
        .asString()
        .startsWith("$.eventTime:")
        .contains("date-time");
    assertThat(events.get(2).validationErrors())
        .singleElement()
        .asString()
        .startsWith("$.inputs[0].facets.schema.fields:");
    assertThat(lineage.validationErrors()).hasSize(3);
  }

  @Test
  void checksDatasetAndJobEventsAndListsFacetsItCannotCheck() throws Exception {
    OpenLineage.DatasetEvent datasetEvent =
        ol.newDatasetEventBuilder()
            .eventTime(ZonedDateTime.now(ZoneOffset.UTC))
            .dataset(
                ol.newStaticDatasetBuilder()
                    .namespace("s3://lake")
                    .name("gold.revenue")
                    .facets(ol.newDatasetFacetsBuilder().schema(schema()).build())
                    .build())
            .build();
    OpenLineage.JobEvent jobEvent =
        ol.newJobEventBuilder()
            .eventTime(ZonedDateTime.now(ZoneOffset.UTC))
            .job(ol.newJobBuilder().namespace("floe").name("revenue").build())
            .build();
    ObjectNode custom = json(runEvent(OpenLineage.RunEvent.EventType.RUNNING, UUID.randomUUID()));
    ((ObjectNode) custom.at("/run/facets"))
        .putObject("floe_asset")
        .put("_producer", PRODUCER.toString())
        .put("_schemaURL", "https://floe.dev/spec/facets/1-0-0/FloeAssetRunFacet.json");

    post(LineageReceiver.DEFAULT_PATH, OpenLineageClientUtils.toJson(datasetEvent));
    post(LineageReceiver.DEFAULT_PATH, OpenLineageClientUtils.toJson(jobEvent));
    post(LineageReceiver.DEFAULT_PATH, custom.toString());

    List<LineageEvent> events = lineage.awaitEvents(3, WAIT);
    lineage.assertAllValid();
    LineageEvent dataset = events.get(0);
    assertThat(dataset.kind()).isEqualTo(LineageEvent.Kind.DATASET);
    assertThat(dataset.dataset())
        .contains(new LineageDataset("s3://lake", "gold.revenue", List.of("schema")));
    assertThat(dataset.toString()).contains("DATASET dataset s3://lake/gold.revenue");
    assertThat(events.get(1).kind()).isEqualTo(LineageEvent.Kind.JOB);
    assertThat(events.get(1).job()).isEqualTo("floe/revenue");
    assertThat(events.get(2).uncheckedFacets())
        .containsExactly("floe_asset https://floe.dev/spec/facets/1-0-0/FloeAssetRunFacet.json");
  }

  @Test
  void aGzippedBodyIsRead() throws Exception {
    String event =
        OpenLineageClientUtils.toJson(
            runEvent(OpenLineage.RunEvent.EventType.START, UUID.randomUUID()));
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
      out.write(event.getBytes(StandardCharsets.UTF_8));
    }
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(lineage.lineageEndpoint())
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(lineage.awaitEvents(1, WAIT).get(0).isValid()).isTrue();
  }

  @Test
  void bodiesThatHoldNoEventsAreRejectedAndReported() throws Exception {
    assertThat(post(LineageReceiver.DEFAULT_PATH, "{not json").statusCode()).isEqualTo(400);
    assertThat(post(LineageReceiver.DEFAULT_PATH, "[{}, 1]").statusCode()).isEqualTo(400);
    assertThat(post(LineageReceiver.DEFAULT_PATH, "\"text\"").statusCode()).isEqualTo(400);
    assertThat(post(LineageReceiver.DEFAULT_PATH, "").statusCode()).isEqualTo(400);
    assertThat(post("/elsewhere", "{}").statusCode()).isEqualTo(404);
    HttpResponse<String> get =
        HTTP.send(
            HttpRequest.newBuilder(lineage.lineageEndpoint()).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(lineage.events()).isEmpty();
    assertThat(lineage.validationErrors())
        .hasSize(4)
        .allMatch(e -> e.startsWith("request to /api/v1/lineage: "));
    assertThat(lineage.paths()).containsExactlyInAnyOrder("/api/v1/lineage", "/custom/lineage");
    assertThatThrownBy(() -> LineageReceiver.builder().path("relative"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anErrorStatusReachesTheOpenLineageClient() {
    lineage.respondWith(500);
    HttpTransport transport = transport(lineage.endpoint(), 5_000);
    assertThatThrownBy(
            () -> transport.emit(runEvent(OpenLineage.RunEvent.EventType.START, UUID.randomUUID())))
        .isInstanceOfSatisfying(
            HttpTransportResponseException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(500));
    assertThat(lineage.requests()).isEqualTo(1);
    assertThat(lineage.events()).isEmpty();

    lineage.respondNormally();
    transport.emit(runEvent(OpenLineage.RunEvent.EventType.START, UUID.randomUUID()));
    assertThat(lineage.events()).hasSize(1);
  }

  @Test
  void aHangingReceiverMakesTheClientTimeOut() throws Exception {
    lineage.hang();
    HttpTransport transport = transport(lineage.endpoint(), 500);
    long start = System.nanoTime();
    assertThatThrownBy(
            () -> transport.emit(runEvent(OpenLineage.RunEvent.EventType.START, UUID.randomUUID())))
        .isInstanceOf(OpenLineageClientException.class)
        .satisfies(
            e ->
                assertThat(causes(e))
                    .anyMatch(c -> c.getClass().getSimpleName().contains("Timeout")));
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(400));
    lineage.awaitHungRequests(1, WAIT);
    assertThat(lineage.events()).isEmpty();

    transport.close();

    lineage.reset();
    assertThat(lineage.hungRequests()).isZero();
    // A client with a longer timeout: the first facets validated in a JVM compile their schemas.
    HttpTransport next = transport(lineage.endpoint(), 5_000);
    next.emit(runEvent(OpenLineage.RunEvent.EventType.START, UUID.randomUUID()));
    assertThat(lineage.events()).hasSize(1);
    next.close();
  }

  @Test
  void aRefusingReceiverRefusesTheClientsConnection() throws Exception {
    lineage.refuse();
    HttpTransport transport = transport(lineage.endpoint(), 2_000);
    assertThatThrownBy(
            () -> transport.emit(runEvent(OpenLineage.RunEvent.EventType.START, UUID.randomUUID())))
        .isInstanceOf(OpenLineageClientException.class)
        .satisfies(e -> assertThat(causes(e)).hasAtLeastOneElementOfType(ConnectException.class));
    assertThat(lineage.requests()).isZero();

    lineage.resume();
    transport.emit(runEvent(OpenLineage.RunEvent.EventType.START, UUID.randomUUID()));
    assertThat(lineage.events()).hasSize(1);
    transport.close();
  }

  @Test
  void awaitingTooManyEventsFailsWithWhatArrived() {
    assertThatThrownBy(() -> lineage.awaitEvents(1, Duration.ofMillis(50)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected at least 1 OpenLineage events")
        .hasMessageContaining("received 0");
  }

  @Test
  void validatesOfflineAgainstTheBundledSchemas() {
    OpenLineageSchemas schemas = OpenLineageSchemas.get();
    assertThat(schemas.bundledIds())
        .contains(
            "https://openlineage.io/spec/2-0-2/OpenLineage.json",
            "https://openlineage.io/spec/facets/1-1-0/ParentRunFacet.json")
        .hasSizeGreaterThan(30);
    assertThat(
            schemas.isBundled(
                "https://openlineage.io/spec/facets/1-2-0/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet"))
        .isTrue();
    assertThat(
            schemas.isBundled("https://openlineage.io/spec/facets/9-9-9/SchemaDatasetFacet.json"))
        .isFalse();
    // A facet naming an unbundled definition of a bundled file cannot be resolved: reported, not
    // fetched.
    ObjectNode event = json(runEvent(OpenLineage.RunEvent.EventType.START, UUID.randomUUID()));
    ((ObjectNode) event.at("/run/facets/nominalTime"))
        .put(
            "_schemaURL",
            "https://openlineage.io/spec/facets/1-0-1/NominalTimeRunFacet.json#/$defs/Nope");
    List<String> unchecked = new ArrayList<>();
    assertThat(schemas.validate(event, unchecked))
        .singleElement()
        .asString()
        .startsWith("$.run.facets.nominalTime: its _schemaURL");
  }

  private OpenLineage.RunEvent runEvent(OpenLineage.RunEvent.EventType type, UUID runId) {
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    return ol.newRunEventBuilder()
        .eventType(type)
        .eventTime(now)
        .run(
            ol.newRunBuilder()
                .runId(runId)
                .facets(
                    ol.newRunFacetsBuilder()
                        .nominalTime(
                            ol.newNominalTimeRunFacetBuilder().nominalStartTime(now).build())
                        .parent(
                            ol.newParentRunFacetBuilder()
                                .run(
                                    ol.newParentRunFacetRunBuilder()
                                        .runId(UUID.randomUUID())
                                        .build())
                                .job(
                                    ol.newParentRunFacetJobBuilder()
                                        .namespace("floe")
                                        .name("nightly")
                                        .build())
                                .build())
                        .build())
                .build())
        .job(
            ol.newJobBuilder()
                .namespace("floe")
                .name("orders")
                .facets(
                    ol.newJobFacetsBuilder()
                        .jobType(
                            ol.newJobTypeJobFacetBuilder()
                                .processingType("BATCH")
                                .integration("FLOE")
                                .jobType("ASSET")
                                .build())
                        .build())
                .build())
        .inputs(
            List.of(
                ol.newInputDatasetBuilder()
                    .namespace("s3://lake")
                    .name("bronze.raw_orders")
                    .facets(ol.newDatasetFacetsBuilder().schema(schema()).build())
                    .build()))
        .outputs(
            List.of(
                ol.newOutputDatasetBuilder()
                    .namespace("s3://lake")
                    .name("silver.orders")
                    .facets(ol.newDatasetFacetsBuilder().schema(schema()).build())
                    .outputFacets(
                        ol.newOutputDatasetOutputFacetsBuilder()
                            .outputStatistics(
                                ol.newOutputStatisticsOutputDatasetFacetBuilder()
                                    .rowCount(42L)
                                    .size(1024L)
                                    .build())
                            .build())
                    .build()))
        .build();
  }

  private OpenLineage.SchemaDatasetFacet schema() {
    return ol.newSchemaDatasetFacetBuilder()
        .fields(
            List.of(
                ol.newSchemaDatasetFacetFieldsBuilder().name("id").type("long").build(),
                ol.newSchemaDatasetFacetFieldsBuilder()
                    .name("amount")
                    .type("decimal(10,2)")
                    .build()))
        .build();
  }

  private static ObjectNode json(Object event) {
    try {
      return (ObjectNode) MAPPER.readTree(OpenLineageClientUtils.toJson(event));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpTransport transport(URI url, int timeoutMillis) {
    HttpConfig config = new HttpConfig();
    config.setUrl(url);
    config.setTimeoutInMillis(timeoutMillis);
    return new HttpTransport(config);
  }

  private HttpResponse<String> post(String path, String body)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(lineage.endpoint().resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<Throwable> causes(Throwable throwable) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable current = throwable;
        current != null && !chain.contains(current);
        current = current.getCause()) {
      chain.add(current);
    }
    return chain;
  }
}
