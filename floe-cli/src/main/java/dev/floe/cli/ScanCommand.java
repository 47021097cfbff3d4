package dev.floe.cli;

import dev.floe.core.diag.Problem;
import dev.floe.core.diag.SourcePaths;
import dev.floe.core.scan.Baseline;
import dev.floe.core.scan.Finding;
import dev.floe.core.scan.RepositoryScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code floe scan [PATH…]}: finds hard-coded credentials in the YAML, JSON, properties and {@code
 * .env} files of a repository. Exit 0 when nothing new is found, 1 on findings (or a path that does
 * not exist, or a bad baseline), 2 on a bad command line. No output ever holds a credential: text
 * snippets are masked, JSON and SARIF carry positions and fingerprints only.
 *
 * <p>The one command that takes {@code --format sarif} ({@link #formats()}): SARIF is one more
 * format of the shared mechanism, so a failure prints a SARIF document too.
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
final class ScanCommand extends FloeSubcommand {
  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Files and folders to scan (default: the working folder).")
  List<String> paths = new ArrayList<>();

  /** The baseline a repository keeps at its root, used when no --baseline is given. */
  static final String DEFAULT_BASELINE = ".floe-scan-baseline.json";

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description =
          "Accept the reviewed findings listed in FILE (written by --write-baseline; a folder means"
              + " FOLDER/"
              + DEFAULT_BASELINE
              + "; default: "
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
      description =
          "Write every current finding to FILE as accepted, and exit 0 (a folder, or a path"
              + " ending in /, means FOLDER/"
              + DEFAULT_BASELINE
              + ").")
  String writeBaseline;

  @Override
  Set<Format> formats() {
    return EnumSet.allOf(Format.class);
  }

  @Override
  int run(Terminal terminal, Reporter reporter) {
    if (baseline == null
        && !ignoreBaseline
        && writeBaseline == null
        && Files.isRegularFile(terminal.resolve(DEFAULT_BASELINE))) {
      // Like .gitleaksignore: the repository's reviewed findings apply without a flag.
      baseline = DEFAULT_BASELINE;
    }
    Baseline accepted =
        baseline == null
            ? Baseline.empty(terminal.workDir())
            : Baseline.read(baselineFile(terminal, baseline), shown(terminal, baseline));
    List<Path> roots = paths.stream().map(terminal::resolve).toList();
    RepositoryScanner.Result result = new RepositoryScanner(terminal.workDir()).scan(roots);
    List<Problem> scanProblems = result.problems();
    if (scanProblems.stream().anyMatch(Problem::isError)) {
      return reporter.problems(scanProblems, result.sources());
    }
    if (writeBaseline != null) {
      return writeBaseline(terminal, reporter, result, scanProblems);
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
    switch (reporter.format()) {
      case sarif -> {
        if (!scanProblems.isEmpty()) {
          reporter.text(scanProblems, result.sources());
        }
        reporter.sarif(fresh, scanProblems);
      }
      case json ->
          reporter.document(
              problems,
              json -> {
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
              });
      case text, csv -> {
        if (!problems.isEmpty()) {
          reporter.text(problems, result.sources());
        }
        String summary = summary(result, fresh.size(), acceptedCount, stale, baseline);
        if (fresh.isEmpty()) {
          reporter.line(reporter.ok() + " " + summary);
        } else {
          reporter.errorLine(summary);
        }
      }
    }
    return fresh.isEmpty() ? ExitCodes.OK : ExitCodes.INPUT;
  }

  private int writeBaseline(
      Terminal terminal,
      Reporter reporter,
      RepositoryScanner.Result result,
      List<Problem> warnings) {
    Path file = baselineFile(terminal, writeBaseline);
    Path folder = file.toAbsolutePath().getParent();
    String text = Baseline.render(result.findings(), folder == null ? terminal.workDir() : folder);
    Outputs.write(file, text, terminal);
    String shownFile = SourcePaths.display(file, terminal.workDir());
    int count = result.findings().size();
    switch (reporter.format()) {
      case json ->
          reporter.document(
              warnings,
              json -> {
                json.writeNumberField("files_scanned", result.filesScanned());
                json.writeStringField("baseline", shownFile);
                json.writeNumberField("accepted", count);
              });
      case sarif -> {
        if (!warnings.isEmpty()) {
          reporter.text(warnings, result.sources());
        }
        reporter.sarif(List.of(), warnings);
      }
      case text, csv -> {
        if (!warnings.isEmpty()) {
          reporter.text(warnings, result.sources());
        }
        reporter.line(
            reporter.ok()
                + " wrote "
                + shownFile
                + ": "
                + Counts.of(count, "finding")
                + " accepted in "
                + Counts.of(result.filesScanned(), "file")
                + " scanned; review it before committing it");
      }
    }
    return ExitCodes.OK;
  }

  /**
   * The baseline file {@code path} names: the path itself, or {@value #DEFAULT_BASELINE} inside it
   * when it is a folder or ends in a separator (a file named like the folder would surprise).
   */
  static Path baselineFile(Terminal terminal, String path) {
    Path file = terminal.resolve(path);
    boolean folder = path.endsWith("/") || path.endsWith(java.io.File.separator);
    return folder || Files.isDirectory(file) ? file.resolve(DEFAULT_BASELINE) : file;
  }

  private static String summary(
      RepositoryScanner.Result result, int found, int accepted, int stale, String baseline) {
    StringBuilder s = new StringBuilder();
    s.append(
        found == 0
            ? "no credentials found"
            : Counts.of(found, "credential found", "credentials found"));
    s.append(" in ").append(Counts.of(result.filesScanned(), "file")).append(" scanned");
    List<String> notes = new ArrayList<>();
    if (accepted > 0) {
      notes.add(accepted + " accepted by " + baseline);
    }
    if (result.allowed() > 0) {
      notes.add(result.allowed() + " accepted by '# floe:allow-secret'");
    }
    if (result.filesSkipped() > 0) {
      notes.add(Counts.of(result.filesSkipped(), "binary or large file") + " skipped");
    }
    if (stale > 0) {
      notes.add(Counts.of(stale, "baseline entry matches", "baseline entries match") + " nothing");
    }
    if (!notes.isEmpty()) {
      s.append(" (").append(String.join("; ", notes)).append(')');
    }
    return s.toString();
  }

  private String shown(Terminal terminal, String path) {
    return SourcePaths.display(baselineFile(terminal, path), terminal.workDir());
  }
}
