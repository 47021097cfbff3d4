package dev.floe.core.diag;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.floe.core.api.Api;
import dev.floe.core.json.JsonOutput;
import java.io.IOException;
import java.util.List;

/**
 * Renders problems as the one JSON document of {@code --format json}: {@code ok}, counts and the
 * problem list with every field present ({@code null} when absent). Thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class JsonRenderer {
  private JsonRenderer() {}

  /** The JSON document for the problems, with a trailing newline. */
  public static String render(List<Problem> problems) {
    return JsonOutput.write(
        json -> {
          json.writeStartObject();
          writeSummary(json, problems);
          json.writeEndObject();
        });
  }

  /** Writes {@code ok}, {@code errors}, {@code warnings} and {@code problems} fields. */
  public static void writeSummary(JsonGenerator json, List<Problem> problems) throws IOException {
    long errors = problems.stream().filter(Problem::isError).count();
    json.writeBooleanField("ok", errors == 0);
    json.writeNumberField("errors", errors);
    json.writeNumberField("warnings", problems.size() - errors);
    json.writeArrayFieldStart("problems");
    for (Problem p : problems) {
      writeProblem(json, p);
    }
    json.writeEndArray();
  }

  private static void writeProblem(JsonGenerator json, Problem p) throws IOException {
    json.writeStartObject();
    json.writeStringField("severity", p.severity().label());
    json.writeStringField("code", p.code());
    json.writeStringField("message", p.message());
    JsonOutput.writeOptional(json, "file", p.file());
    if (p.position().isPresent()) {
      json.writeNumberField("line", p.position().get().line());
      json.writeNumberField("column", p.position().get().column());
    } else {
      json.writeNullField("line");
      json.writeNullField("column");
    }
    JsonOutput.writeOptional(json, "path", p.path());
    JsonOutput.writeOptional(json, "hint", p.hint());
    json.writeArrayFieldStart("choices");
    for (String choice : p.choices()) {
      json.writeString(choice);
    }
    json.writeEndArray();
    JsonOutput.writeOptional(json, "suggestion", p.suggestion());
    json.writeEndObject();
  }
}
