package dev.floe.runtime;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.floe.core.api.Api;
import dev.floe.core.json.JsonOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The run document: what {@code floe run --format json} prints and every run writes to {@code
 * .floe/runs/<run_id>.json}. Its fields are documented in docs/runtime.md; new fields may be added,
 * existing ones keep their meaning.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class RunDocument {
  private RunDocument() {}

  /** The document of {@code result}, in floe's JSON layout, ending in a newline. */
  public static String json(RunResult result) {
    return JsonOutput.write(json -> write(json, result));
  }

  /**
   * Writes the document of {@code result} to {@code folder/<run_id>.json} atomically, making the
   * folder when missing.
   *
   * @return the file written
   * @throws UncheckedIOException when it cannot be written
   */
  public static Path write(Path folder, RunResult result) {
    try {
      Files.createDirectories(folder);
      Path file = folder.resolve(result.runId() + ".json");
      Path temp = Files.createTempFile(folder, ".run-", ".json.tmp");
      try {
        Files.writeString(temp, json(result), StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(JsonGenerator json, RunResult r) throws IOException {
    json.writeStartObject();
    json.writeStringField("pipeline", r.pipeline());
    json.writeStringField("environment", r.environment());
    json.writeStringField("run_id", r.runId());
    json.writeStringField("status", r.status().wire());
    json.writeStringField("started_at", r.startedAt().toString());
    json.writeNumberField("duration_ms", r.duration().toMillis());
    json.writeArrayFieldStart("assets");
    for (RunResult.AssetResult a : r.assets()) {
      json.writeStartObject();
      json.writeStringField("name", a.name());
      JsonOutput.writeOptional(json, "group", a.group());
      json.writeStringField("status", a.status().wire());
      json.writeNumberField("duration_ms", a.duration().toMillis());
      if (a.rows().isPresent()) {
        json.writeNumberField("rows", a.rows().getAsLong());
      } else {
        json.writeNullField("rows");
      }
      json.writeArrayFieldStart("outputs");
      for (String output : a.outputs()) {
        json.writeString(output);
      }
      json.writeEndArray();
      json.writeObjectFieldStart("metadata");
      for (Map.Entry<String, String> e : new java.util.TreeMap<>(a.metadata()).entrySet()) {
        json.writeStringField(e.getKey(), e.getValue());
      }
      json.writeEndObject();
      JsonOutput.writeOptional(json, "error", a.error());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeObjectFieldStart("observability");
    signal(json, "traces", "exported", r.observability().traces());
    signal(json, "lineage", "emitted", r.observability().lineage());
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void signal(
      JsonGenerator json, String name, String deliveredName, ObservabilityReport.Signal s)
      throws IOException {
    json.writeObjectFieldStart(name);
    json.writeBooleanField("enabled", s.enabled());
    json.writeNumberField(deliveredName, s.delivered());
    json.writeNumberField("dropped", s.dropped());
    JsonOutput.writeOptional(json, "failed_endpoint", s.failedEndpoint());
    json.writeEndObject();
  }
}
