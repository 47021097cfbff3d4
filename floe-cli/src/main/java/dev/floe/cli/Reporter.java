package dev.floe.cli;

import dev.floe.core.diag.JsonRenderer;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.SourceTexts;
import dev.floe.core.diag.TextRenderer;
import dev.floe.core.diag.Verbosity;
import dev.floe.core.json.JsonOutput;
import dev.floe.core.scan.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a command's result in its format, the one way every command does: problems as text on
 * stderr, as one JSON document on stdout ({@code ok}, {@code errors}, {@code warnings}, {@code
 * problems}, then the command's fields) or as one SARIF document on stdout (findings as results,
 * problems as tool notifications). A command prints exactly one document in JSON and SARIF mode, on
 * failure too.
 */
final class Reporter {
  private final Terminal terminal;
  private final Format format;
  private final Verbosity verbosity;
  private final List<Problem> pendingWarnings = new ArrayList<>();

  Reporter(Terminal terminal, Format format) {
    this(terminal, format, Verbosity.NORMAL);
  }

  /** With {@link Verbosity#DEBUG} ({@code --debug}) every problem also shows its cause. */
  Reporter(Terminal terminal, Format format, Verbosity verbosity) {
    this.terminal = terminal;
    this.format = format;
    this.verbosity = verbosity;
  }

  Format format() {
    return format;
  }

  boolean json() {
    return format == Format.json;
  }

  /**
   * Reports problems, showing snippets from {@code sources}; returns exit code 1 when any is an
   * error, else 0. In SARIF mode they are text on stderr too, for the human reading a CI log.
   */
  int problems(List<Problem> problems, SourceTexts sources) {
    problems = withPending(problems);
    switch (format) {
      case json -> print(JsonRenderer.render(problems, verbosity));
      case sarif -> {
        text(problems, sources);
        print(SarifReport.write(List.of(), problems, terminal.workDir()));
      }
      case text, csv -> text(problems, sources);
    }
    return problems.stream().anyMatch(Problem::isError) ? ExitCodes.INPUT : ExitCodes.OK;
  }

  /**
   * Reports warnings of a command that goes on: as text on stderr at once, with their snippets; in
   * JSON and SARIF mode they are kept for the command's one document (its {@code problems}).
   */
  void warnings(List<Problem> warnings, SourceTexts sources) {
    if (warnings.isEmpty()) {
      return;
    }
    if (format == Format.text || format == Format.csv) {
      text(warnings, sources);
    } else {
      pendingWarnings.addAll(warnings);
    }
  }

  /** Prints a successful JSON result: ok, counts, the warnings, then the body's fields. */
  void success(JsonOutput.Body body) {
    document(List.of(), body);
  }

  /**
   * Prints the JSON document of a result with {@code problems} (warnings, or errors a command
   * reports beside its result): ok, counts, the problems, then the body's fields.
   */
  void document(List<Problem> problems, JsonOutput.Body body) {
    List<Problem> all = withPending(problems);
    print(
        JsonOutput.write(
            json -> {
              json.writeStartObject();
              JsonRenderer.writeSummary(json, all, verbosity);
              body.write(json);
              json.writeEndObject();
            }));
  }

  /** Prints the SARIF document of {@code findings}, with {@code notifications} beside them. */
  void sarif(List<Finding> findings, List<Problem> notifications) {
    print(SarifReport.write(findings, withPending(notifications), terminal.workDir()));
  }

  /** The warnings kept for the document first, then {@code problems}; empties the queue. */
  private List<Problem> withPending(List<Problem> problems) {
    if (pendingWarnings.isEmpty()) {
      return problems;
    }
    List<Problem> all = new ArrayList<>(pendingWarnings);
    all.addAll(problems);
    pendingWarnings.clear();
    return all;
  }

  /**
   * Reports a bad command line: the problem in floe's text style and then {@code usage} on stderr
   * and, in JSON or SARIF mode, the problem's document on stdout, so that a tool reading stdout
   * always gets a document. Returns exit code 2.
   */
  int usageError(Problem problem, Runnable usage) {
    terminal.err().println(renderer(new SourceTexts()).render(problem));
    usage.run();
    terminal.err().flush();
    switch (format) {
      case json -> print(JsonRenderer.render(List.of(problem), verbosity));
      case sarif -> print(SarifReport.write(List.of(), List.of(problem), terminal.workDir()));
      case text, csv -> {}
    }
    return ExitCodes.USAGE;
  }

  /** Renders problems as text on stderr, with the line counting errors and warnings. */
  void text(List<Problem> problems, SourceTexts sources) {
    terminal.err().print(renderer(sources).render(problems));
    terminal.err().flush();
  }

  /** Prints a line of text output to stdout. */
  void line(String text) {
    terminal.out().println(text);
  }

  /** Prints a line of text output to stderr. */
  void errorLine(String text) {
    terminal.err().println(text);
    terminal.err().flush();
  }

  /** A check mark, green on a colour terminal. */
  String ok() {
    return terminal.colour() ? "\u001b[32m✓\u001b[0m" : "✓";
  }

  /** A cross, red on a colour terminal. */
  String failed() {
    return terminal.colour() ? "\u001b[31m✗\u001b[0m" : "✗";
  }

  private TextRenderer renderer(SourceTexts sources) {
    return new TextRenderer(
        sources,
        terminal.colour() ? TextRenderer.Colour.ANSI : TextRenderer.Colour.PLAIN,
        verbosity);
  }

  private void print(String document) {
    terminal.out().print(document);
    terminal.out().flush();
  }
}
