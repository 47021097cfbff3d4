package dev.floe.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.floe.core.diag.JsonRenderer;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.SourceTexts;
import dev.floe.core.diag.TextRenderer;
import dev.floe.core.json.JsonOutput;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Prints a command's result: problems as text on stderr or as one JSON document on stdout, and
 * results the same way. A command prints exactly one JSON document in JSON mode.
 */
final class Reporter {
  /** Writes command-specific JSON fields after {@code ok}/{@code errors}/{@code problems}. */
  @FunctionalInterface
  interface JsonBody {
    void write(JsonGenerator json) throws IOException;
  }

  private final Terminal terminal;
  private final Format format;

  Reporter(Terminal terminal, Format format) {
    this.terminal = terminal;
    this.format = format;
  }

  boolean json() {
    return format == Format.json;
  }

  /**
   * Reports problems, showing snippets from {@code sources}; returns exit code 1 when any is an
   * error, else 0.
   */
  int problems(List<Problem> problems, SourceTexts sources) {
    if (json()) {
      terminal.out().print(JsonRenderer.render(problems));
      terminal.out().flush();
    } else {
      TextRenderer renderer =
          new TextRenderer(
              sources, terminal.colour() ? TextRenderer.Colour.ANSI : TextRenderer.Colour.PLAIN);
      terminal.err().print(renderer.render(problems));
      terminal.err().flush();
    }
    return problems.stream().anyMatch(Problem::isError) ? ExitCodes.INPUT : ExitCodes.OK;
  }

  /** Prints a successful JSON result: ok, counts, no problems, then the body's fields. */
  void success(JsonBody body) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JsonOutput.generator(text)) {
      json.writeStartObject();
      JsonRenderer.writeSummary(json, List.of());
      body.write(json);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    terminal.out().println(text);
    terminal.out().flush();
  }

  /** Prints a line of text output to stdout. */
  void line(String text) {
    terminal.out().println(text);
  }

  /** A check mark, green on a colour terminal. */
  String ok() {
    return terminal.colour() ? "\u001b[32m✓\u001b[0m" : "✓";
  }
}
