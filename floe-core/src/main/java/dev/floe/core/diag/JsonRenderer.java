package dev.floe.core.diag;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.floe.core.api.Api;
import dev.floe.core.json.JsonOutput;
import java.io.IOException;
import java.util.List;

/**
 * Renders problems as the one JSON document of {@code --format json}: {@code ok}, counts and the
 * problem list with every field present ({@code null} when absent). With {@link Verbosity#DEBUG}
 * every problem also has a {@code cause} field: the masked stack trace of its {@linkplain
 * Problem#cause() cause} as one string, or {@code null}; the normal document never has it.
 * Stateless and thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class JsonRenderer {
  private JsonRenderer() {}

  /**
   * The JSON document for the problems, with a trailing newline.
   *
   * @param problems the problems, in the order to show; not null
   */
  public static String render(List<Problem> problems) {
    return render(problems, Verbosity.NORMAL);
  }

  /**
   * The JSON document for the problems, with a trailing newline; with {@link Verbosity#DEBUG} each
   * problem has a {@code cause} field.
   *
   * @param problems the problems, in the order to show; not null
   * @param verbosity whether to add causes; not null
   */
  public static String render(List<Problem> problems, Verbosity verbosity) {
    return JsonOutput.write(
        json -> {
          json.writeStartObject();
          writeSummary(json, problems, verbosity);
          json.writeEndObject();
        });
  }

  /**
   * Writes {@code ok}, {@code errors}, {@code warnings} and {@code problems} fields.
   *
   * @param json the generator, inside an object; not null
   * @param problems the problems, in the order to show; not null
   * @throws IOException when the generator fails
   */
  public static void writeSummary(JsonGenerator json, List<Problem> problems) throws IOException {
    writeSummary(json, problems, Verbosity.NORMAL);
  }

  /**
   * Writes {@code ok}, {@code errors}, {@code warnings} and {@code problems} fields; with {@link
   * Verbosity#DEBUG} each problem has a {@code cause} field.
   *
   * @param json the generator, inside an object; not null
   * @param problems the problems, in the order to show; not null
   * @param verbosity whether to add causes; not null
   * @throws IOException when the generator fails
   */
  public static void writeSummary(JsonGenerator json, List<Problem> problems, Verbosity verbosity)
      throws IOException {
    requireNonNull(verbosity, "verbosity");
    long errors = problems.stream().filter(Problem::isError).count();
    json.writeBooleanField("ok", errors == 0);
    json.writeNumberField("errors", errors);
    json.writeNumberField("warnings", problems.size() - errors);
    json.writeArrayFieldStart("problems");
    for (Problem p : problems) {
      writeProblem(json, p, verbosity);
    }
    json.writeEndArray();
  }

  private static void writeProblem(JsonGenerator json, Problem p, Verbosity verbosity)
      throws IOException {
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
    if (verbosity == Verbosity.DEBUG) {
      JsonOutput.writeOptional(json, "cause", p.cause().map(Causes::text));
    }
    json.writeEndObject();
  }
}
