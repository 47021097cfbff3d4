package dev.floe.runtime.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.model.AccessDelegation;
import dev.floe.core.model.CatalogProfile;
import dev.floe.core.model.CatalogType;
import dev.floe.core.model.Credentials;
import dev.floe.core.model.StorageProfile;
import dev.floe.core.model.StorageType;
import dev.floe.core.model.StringOrSecret;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every event floe emits validates against the published OpenLineage JSON Schema (2-0-2, the
 * version openlineage-java 1.45.0 writes) and each standard facet against its own schema. The
 * schema files are test resources copied from the OpenLineage repository at tag 1.45.0 (see {@code
 * src/test/resources/openlineage/SOURCE.md}); {@code https://openlineage.io/spec/} is mapped to
 * them, so nothing is downloaded.
 */
class OpenLineageSchemaTest {
  private static final String SPEC = "https://openlineage.io/spec/";
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder -> builder.schemaMappers(m -> m.mapPrefix(SPEC, "classpath:openlineage/spec/")));
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  private static final JsonSchema EVENT =
      FACTORY.getSchema(SchemaLocation.of(SPEC + "2-0-2/OpenLineage.json#/$defs/RunEvent"), CONFIG);

  @TempDir Path dir;

  /** Fails with every violation when {@code json} is not a valid run event with valid facets. */
  static void assertValid(String json) {
    JsonNode event = RecordingSink.parse(json);
    List<String> problems = new ArrayList<>();
    EVENT.validate(event).forEach(m -> problems.add("event: " + m.getMessage()));
    List<JsonNode> facets = new ArrayList<>();
    collect(event.path("run").path("facets"), facets);
    collect(event.path("job").path("facets"), facets);
    for (JsonNode dataset : iterable(event.path("inputs"))) {
      collect(dataset.path("facets"), facets);
    }
    for (JsonNode dataset : iterable(event.path("outputs"))) {
      collect(dataset.path("facets"), facets);
    }
    for (JsonNode facet : facets) {
      String url = facet.path("_schemaURL").asText();
      if (!url.startsWith(SPEC)) {
        continue; // floe's own facet: checked against the base facet by the event schema
      }
      Set<ValidationMessage> messages =
          FACTORY.getSchema(SchemaLocation.of(url), CONFIG).validate(facet);
      messages.forEach(m -> problems.add(url + ": " + m.getMessage()));
    }
    assertThat(problems).as(json).isEmpty();
  }

  private static void collect(JsonNode facets, List<JsonNode> into) {
    facets.properties().forEach(e -> into.add(e.getValue()));
  }

  private static Iterable<JsonNode> iterable(JsonNode array) {
    return () -> {
      Iterator<JsonNode> it = array.elements();
      return it;
    };
  }

  @Test
  void theSchemaRejectsAnInvalidEvent() {
    JsonNode bad =
        RecordingSink.parse(
            "{\"eventTime\":\"yesterday\",\"producer\":\"x\",\"schemaURL\":\"y\",\"run\":{\"runId\":\"nope\"},\"job\":{}}");
    assertThat(EVENT.validate(bad)).isNotEmpty();
  }

  @Test
  void successfulAndFailedRunsEmitValidEvents() {
    List<String> events =
        record(
            TestArtifacts.local(TestArtifacts.observability(Optional.empty(), Optional.empty())));
    assertThat(events).hasSize(8);
    events.forEach(OpenLineageSchemaTest::assertValid);
    assertThat(events)
        .anyMatch(e -> e.contains("\"errorMessage\""))
        .anyMatch(e -> e.contains("\"schema\""));
  }

  @Test
  void restCatalogDatasetsAreValidToo() {
    CatalogProfile polaris =
        new CatalogProfile(
            CatalogType.POLARIS,
            Optional.of(StringOrSecret.literal("http://polaris:8181/api/catalog/")),
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
    List<String> events =
        record(
            TestArtifacts.artifacts(
                polaris, s3, TestArtifacts.observability(Optional.empty(), Optional.empty())));
    events.forEach(OpenLineageSchemaTest::assertValid);
    JsonNode output = RecordingSink.parse(events.get(2)).path("outputs").get(0);
    assertThat(output.path("namespace").asText()).isEqualTo("http://polaris:8181/api/catalog");
    assertThat(output.path("name").asText()).isEqualTo("demo.silver.a");
  }

  private List<String> record(CompiledArtifacts artifacts) {
    RecordingSink sink = new RecordingSink();
    try (ObservabilityOrchestrator observe =
        ObservabilityOrchestrator.create(
            artifacts,
            TestArtifacts.noSecrets(dir),
            ObservabilityOptions.DEFAULTS
                .withLineageSink(sink)
                .withSpanExporter(
                    io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter.create())
                .withProjectDir(dir)
                .withFlushDeadline(java.time.Duration.ofSeconds(60)))) {
      RunObserver run = observe.startRun(UUID.randomUUID().toString());
      run.asset(TestArtifacts.asset("a"))
          .succeeded(ObservabilityOrchestratorTest.outcome("silver.a"));
      run.end(true, null);
      RunObserver failing = observe.startRun(UUID.randomUUID().toString());
      IllegalStateException error =
          new IllegalStateException("boom", new RuntimeException("cause"));
      failing.asset(TestArtifacts.asset("b")).failed(error);
      failing.end(false, error);
    }
    return sink.texts();
  }
}
