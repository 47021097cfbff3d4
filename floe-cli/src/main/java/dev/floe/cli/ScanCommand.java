package dev.floe.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.floe.core.FloeVersion;
import dev.floe.core.diag.JsonRenderer;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.SourcePaths;
import dev.floe.core.diag.SourceTexts;
import dev.floe.core.diag.TextRenderer;
import dev.floe.core.json.JsonOutput;
import dev.floe.core.scan.Baseline;
import dev.floe.core.scan.Finding;
import dev.floe.core.scan.RepositoryScanner;
import dev.floe.core.scan.SarifWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code floe scan [PATH…]}: finds hard-coded credentials in the YAML, JSON, properties and {@code
 * .env} files of a repository. Exit 0 when nothing new is found, 1 on findings (or a path that does
 * not exist, or a bad baseline), 2 on a bad command line. No output ever holds a credential: text
 * snippets are masked, JSON and SARIF carry positions and fingerprints only.
 *
 * <p>Unlike the other commands, scan takes {@code --format sarif}; it has its own {@code --format}
 * option instead of the common one, so that every other command refuses {@code sarif} as a usage
 * error (exit 2) listing its valid formats.
 */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Find hard-coded credentials in YAML, JSON, properties and .env files (exit 0 clean, 1 on"
          + " findings).",
      "Skips .git, build output (target, build, out, dist), node_modules and binary files."
          + " A line with '# floe:allow-secret' is accepted; so are findings in --baseline FILE."
    })
final class ScanCommand implements Callable<Integer> {
  /** Output formats of {@code floe scan}. */
  enum ScanFormat {
    text,
    json,
    sarif
  }

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Files and folders to scan (default: the working folder).")
  List<String> paths = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "text")
  ScanFormat format = ScanFormat.text;

  /** The baseline a repository keeps at its root, used when no --baseline is given. */
  static final String DEFAULT_BASELINE = ".floe-scan-baseline.json";

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description =
          "Accept the reviewed findings listed in FILE (written by --write-baseline; default:"
              + " "
              + DEFAULT_BASELINE
              + " in the working folder when it exists).")
  String baseline;

  @Option(
      names = "--ignore-baseline",
      description = "Ignore " + DEFAULT_BASELINE + ": report every finding.")
  boolean ignoreBaseline;

  @Option(
      names = "--write-baseline",
      paramLabel = "FILE",
      description = "Write every current finding to FILE as accepted, and exit 0.")
  String writeBaseline;

  @Option(names = "--debug", description = "Show stack traces of internal errors.")
  boolean debug;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (spec.commandLine().isVersionHelpRequested()) {
      return ExitCodes.OK;
    }
    Terminal terminal = ((FloeCommand) spec.root().userObject()).terminal();
    try {
      return run(terminal);
    } catch (ProblemException e) {
      return report(terminal, new SourceTexts(), e.problems());
    } catch (Exception | LinkageError e) {
      return FloeSubcommand.internalError(terminal, debug, e);
    }
  }

  private int run(Terminal terminal) {
    if (baseline == null
        && !ignoreBaseline
        && writeBaseline == null
        && java.nio.file.Files.isRegularFile(terminal.resolve(DEFAULT_BASELINE))) {
      // Like .gitleaksignore: the repository's reviewed findings apply without a flag.
      baseline = DEFAULT_BASELINE;
    }
    Baseline accepted =
        baseline == null
            ? Baseline.empty(terminal.workDir())
            : Baseline.read(terminal.resolve(baseline), shown(terminal, baseline));
    List<Path> roots = paths.stream().map(terminal::resolve).toList();
    RepositoryScanner.Result result = new RepositoryScanner(terminal.workDir()).scan(roots);
    List<Problem> scanProblems = result.problems();
    if (scanProblems.stream().anyMatch(Problem::isError)) {
      return report(terminal, result.sources(), scanProblems);
    }
    if (writeBaseline != null) {
      return writeBaseline(terminal, result, scanProblems);
    }
    List<Finding> fresh = new ArrayList<>();
    for (Finding finding : result.findings()) {
      if (!accepted.accepts(finding)) {
        fresh.add(finding);
      }
    }
    int acceptedCount = result.findings().size() - fresh.size();
    int stale = accepted.unused(result.findings());
    List<Problem> problems = new ArrayList<>(scanProblems);
    fresh.forEach(f -> problems.add(f.problem()));
    int code = fresh.isEmpty() ? ExitCodes.OK : ExitCodes.INPUT;
    switch (format) {
      case sarif -> {
        if (!scanProblems.isEmpty()) {
          renderText(terminal, result.sources(), scanProblems);
        }
        terminal.out().print(SarifWriter.write(fresh, FloeVersion.current(), terminal.workDir()));
        terminal.out().flush();
      }
      case json -> {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JsonOutput.generator(text)) {
          json.writeStartObject();
          JsonRenderer.writeSummary(json, problems);
          json.writeNumberField("files_scanned", result.filesScanned());
          json.writeNumberField("files_skipped", result.filesSkipped());
          json.writeNumberField("accepted_by_baseline", acceptedCount);
          json.writeNumberField("accepted_by_comment", result.allowed());
          json.writeNumberField("stale_baseline_entries", stale);
          json.writeArrayFieldStart("findings");
          for (Finding f : fresh) {
            json.writeStartObject();
            json.writeStringField("rule", f.rule().id());
            json.writeStringField("name", f.rule().title());
            json.writeStringField("file", f.file());
            json.writeNumberField("line", f.line());
            json.writeNumberField("column", f.column());
            json.writeNumberField("length", f.length());
            if (f.key().isEmpty()) {
              json.writeNullField("key");
            } else {
              json.writeStringField("key", f.key());
            }
            json.writeStringField(
                "fingerprint", Baseline.fingerprint(f, terminal.workDir().toAbsolutePath()));
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeEndObject();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        terminal.out().println(text);
        terminal.out().flush();
      }
      case text -> {
        if (!problems.isEmpty()) {
          renderText(terminal, result.sources(), problems);
        }
        String summary =
            summary(result, fresh.size(), acceptedCount, stale, baseline == null ? null : baseline);
        if (fresh.isEmpty()) {
          terminal.out().println(ok(terminal) + " " + summary);
          terminal.out().flush();
        } else {
          terminal.err().println(summary);
          terminal.err().flush();
        }
      }
    }
    return code;
  }

  private int writeBaseline(
      Terminal terminal, RepositoryScanner.Result result, List<Problem> warnings) {
    Path file = terminal.resolve(writeBaseline);
    Path folder = file.toAbsolutePath().getParent();
    String text = Baseline.render(result.findings(), folder == null ? terminal.workDir() : folder);
    Outputs.write(file, text, terminal);
    String shownFile = SourcePaths.display(file, terminal.workDir());
    int count = result.findings().size();
    if (format == ScanFormat.json) {
      StringWriter out = new StringWriter();
      try (JsonGenerator json = JsonOutput.generator(out)) {
        json.writeStartObject();
        JsonRenderer.writeSummary(json, warnings);
        json.writeNumberField("files_scanned", result.filesScanned());
        json.writeStringField("baseline", shownFile);
        json.writeNumberField("accepted", count);
        json.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      terminal.out().println(out);
    } else {
      if (!warnings.isEmpty()) {
        renderText(terminal, result.sources(), warnings);
      }
      if (format == ScanFormat.sarif) {
        terminal
            .out()
            .print(SarifWriter.write(List.of(), FloeVersion.current(), terminal.workDir()));
      } else {
        terminal
            .out()
            .println(
                ok(terminal)
                    + " wrote "
                    + shownFile
                    + ": "
                    + count
                    + (count == 1 ? " finding" : " findings")
                    + " accepted in "
                    + result.filesScanned()
                    + " files scanned; review it before committing it");
      }
    }
    terminal.out().flush();
    return ExitCodes.OK;
  }

  private static String summary(
      RepositoryScanner.Result result, int found, int accepted, int stale, String baseline) {
    StringBuilder s = new StringBuilder();
    s.append(
        found == 0
            ? "no credentials found"
            : found + (found == 1 ? " credential found" : " credentials found"));
    s.append(" in ").append(result.filesScanned()).append(" files scanned");
    List<String> notes = new ArrayList<>();
    if (accepted > 0) {
      notes.add(accepted + " accepted by " + baseline);
    }
    if (result.allowed() > 0) {
      notes.add(result.allowed() + " accepted by '# floe:allow-secret'");
    }
    if (result.filesSkipped() > 0) {
      notes.add(result.filesSkipped() + " binary or large files skipped");
    }
    if (stale > 0) {
      notes.add(
          stale + " baseline " + (stale == 1 ? "entry matches" : "entries match") + " nothing");
    }
    if (!notes.isEmpty()) {
      s.append(" (").append(String.join("; ", notes)).append(')');
    }
    return s.toString();
  }

  private int report(Terminal terminal, SourceTexts sources, List<Problem> problems) {
    if (format == ScanFormat.json) {
      terminal.out().print(JsonRenderer.render(problems));
      terminal.out().flush();
    } else {
      renderText(terminal, sources, problems);
    }
    return problems.stream().anyMatch(Problem::isError) ? ExitCodes.INPUT : ExitCodes.OK;
  }

  private static void renderText(Terminal terminal, SourceTexts sources, List<Problem> problems) {
    TextRenderer renderer =
        new TextRenderer(
            sources, terminal.colour() ? TextRenderer.Colour.ANSI : TextRenderer.Colour.PLAIN);
    terminal.err().print(renderer.render(problems));
    terminal.err().flush();
  }

  private static String ok(Terminal terminal) {
    return terminal.colour() ? "\u001b[32m✓\u001b[0m" : "✓";
  }

  private static String shown(Terminal terminal, String path) {
    return SourcePaths.display(terminal.resolve(path), terminal.workDir());
  }
}
