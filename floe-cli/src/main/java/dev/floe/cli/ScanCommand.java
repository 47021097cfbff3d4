package dev.floe.cli;

import dev.floe.core.diag.Problem;
import dev.floe.core.diag.SourcePaths;
import dev.floe.core.scan.Baseline;
import dev.floe.core.scan.CredentialDetector;
import dev.floe.core.scan.Finding;
import dev.floe.core.scan.RepositoryScanner;
import dev.floe.core.scan.SarifWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code floe scan [PATH…]}: finds hard-coded credentials in the files of a repository that
 * credentials live in (configuration, {@code .env}, Dockerfiles, Terraform, scripts, notebooks,
 * source code, key files), honouring {@code .gitignore}. It fails closed: a named path it cannot
 * read is an error, a file met in a folder that it cannot read is a warning naming it, and a scan
 * that read nothing never reports success with a check mark. Exit 0 when nothing new is found, 1 on
 * findings, on a named path that does not exist or cannot be scanned, or a bad baseline, 2 on a bad
 * command line. No output ever holds a credential: text snippets are masked, JSON and SARIF carry
 * positions and fingerprints only.
 *
 * <p>The one command that takes {@code --format sarif} ({@link #formats()}): SARIF is one more
 * format of the shared mechanism, so a failure prints a SARIF document too.
 */
final class ScanCommand extends FloeSubcommand {
  /** The baseline a repository keeps at its root, used when no --baseline is given. */
  static final String DEFAULT_BASELINE = Baseline.DEFAULT_NAME;

  List<String> paths = new ArrayList<>();

  String baseline;

  boolean ignoreBaseline;

  String writeBaseline;

  ScanCommand() {
    super(
        "scan",
        "Find hard-coded credentials in configuration, .env, Dockerfile, Terraform, shell, notebook,"
            + " source and key files (exit 0 clean, 1 on findings or a named file it cannot read).",
        "Honours .gitignore; skips .git, build output (target, build, out, dist), node_modules;"
            + " names every file it cannot read. A line with '# floe:allow-secret' is accepted; so"
            + " are findings in the baseline (--baseline FILE, else the nearest "
            + DEFAULT_BASELINE
            + " up to the repository root).");
    args.add(
        Arg.positionals(() -> paths, v -> paths = v)
            .paramLabel("PATH")
            .arity("0..*")
            .description("Files and folders to scan (default: the working folder)."));
    args.add(
        Arg.option(String.class, v -> baseline = v, "--baseline")
            .paramLabel("FILE")
            .description(
                "Accept the reviewed findings listed in FILE (written by --write-baseline; a folder"
                    + " means FOLDER/"
                    + DEFAULT_BASELINE
                    + "; default: the nearest "
                    + DEFAULT_BASELINE
                    + " in the working folder or above it, up to the repository root)."));
    args.add(
        Arg.option(boolean.class, v -> ignoreBaseline = v, "--ignore-baseline")
            .description("Ignore " + DEFAULT_BASELINE + ": report every finding."));
    args.add(
        Arg.option(String.class, v -> writeBaseline = v, "--write-baseline")
            .paramLabel("FILE")
            .description(
                "Write every current finding to FILE as accepted, and exit 0 (a folder, or a path"
                    + " ending in /, means FOLDER/"
                    + DEFAULT_BASELINE
                    + ")."));
  }

  @Override
  Set<Format> formats() {
    return EnumSet.of(Format.text, Format.json, Format.sarif);
  }

  @Override
  int run(Terminal terminal, Reporter reporter) {
    Path baselineFile = null;
    if (baseline != null) {
      baselineFile = baselineFile(terminal, baseline);
    } else if (!ignoreBaseline && writeBaseline == null) {
      // Like .gitleaksignore: the repository's reviewed findings apply without a flag, from any
      // of its sub-folders.
      baselineFile = Baseline.find(terminal.workDir()).orElse(null);
    }
    String baselineShown =
        baselineFile == null ? "" : SourcePaths.display(baselineFile, terminal.workDir());
    Baseline accepted =
        baselineFile == null
            ? Baseline.empty(terminal.workDir())
            : Baseline.read(baselineFile, baselineShown);
    List<Path> roots = paths.stream().map(terminal::resolve).toList();
    RepositoryScanner.Result result = new RepositoryScanner(terminal.workDir()).scan(roots);
    List<Problem> scanProblems = result.problems();
    if (writeBaseline != null) {
      if (result.failed()) {
        // A baseline written from an incomplete scan would accept less than it claims.
        return reporter.problems(scanProblems, result.sources());
      }
      return writeBaseline(terminal, reporter, result, scanProblems);
    }
    List<Finding> fresh = new ArrayList<>();
    List<SarifWriter.Suppressed> suppressed = new ArrayList<>();
    for (Finding finding : result.findings()) {
      if (accepted.accepts(finding)) {
        suppressed.add(
            new SarifWriter.Suppressed(
                finding, SarifWriter.Suppressed.Kind.EXTERNAL, "accepted in " + baselineShown));
      } else {
        fresh.add(finding);
      }
    }
    for (Finding finding : result.reviewed()) {
      suppressed.add(
          new SarifWriter.Suppressed(
              finding,
              SarifWriter.Suppressed.Kind.IN_SOURCE,
              "marked '# " + CredentialDetector.ALLOW_MARKER + "' on its line"));
    }
    int acceptedCount = result.findings().size() - fresh.size();
    int stale =
        accepted.unused(result.findings(), roots.isEmpty() ? List.of(terminal.workDir()) : roots);
    List<Problem> problems = new ArrayList<>(scanProblems);
    fresh.forEach(f -> problems.add(f.problem()));
    switch (reporter.format()) {
      case sarif -> {
        if (!scanProblems.isEmpty()) {
          reporter.text(scanProblems, result.sources());
        }
        terminal
            .out()
            .print(
                SarifReport.write(
                    fresh,
                    suppressed,
                    scanProblems,
                    terminal.workDir(),
                    RepositoryScanner.repositoryRoot(terminal.workDir())
                        .orElse(terminal.workDir())));
        terminal.out().flush();
      }
      case json ->
          reporter.document(
              problems,
              json -> {
                json.writeNumberField("files_scanned", result.filesScanned());
                json.writeNumberField("files_skipped", result.filesSkipped());
                json.writeArrayFieldStart("skipped");
                for (RepositoryScanner.Skipped skip : result.skipped()) {
                  json.writeStartObject();
                  json.writeStringField("file", skip.file());
                  json.writeStringField("reason", skip.reason().id());
                  json.writeStringField("message", skip.why());
                  json.writeBooleanField("named", skip.named());
                  json.writeEndObject();
                }
                json.writeEndArray();
                if (baselineShown.isEmpty()) {
                  json.writeNullField("baseline");
                } else {
                  json.writeStringField("baseline", baselineShown);
                }
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
        String summary = summary(result, fresh.size(), acceptedCount, stale, baselineShown);
        if (fresh.isEmpty() && !result.failed() && result.filesScanned() > 0) {
          reporter.line(reporter.ok() + " " + summary);
        } else if (fresh.isEmpty() && !result.failed()) {
          reporter.errorLine("warning: " + summary); // read nothing: not a success to tick
        } else {
          reporter.errorLine(summary);
        }
      }
    }
    return fresh.isEmpty() && !result.failed() ? ExitCodes.OK : ExitCodes.INPUT;
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
                json.writeNumberField("files_skipped", result.filesSkipped());
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
                + " scanned"
                + (result.filesSkipped() > 0
                    ? " (" + Counts.of(result.filesSkipped(), "file") + " skipped)"
                    : "")
                + "; review it before committing it");
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

  /**
   * The last line of a text scan. Never a bare "no credentials found in 0 files": a scan that read
   * nothing says so, and one that could not read a named path starts with "scan incomplete".
   */
  private static String summary(
      RepositoryScanner.Result result, int found, int accepted, int stale, String baseline) {
    StringBuilder s = new StringBuilder();
    long failed = result.problems().stream().filter(Problem::isError).count();
    if (failed > 0) {
      s.append("scan incomplete: ")
          .append(Counts.of(failed, "named path"))
          .append(failed == 1 ? " was" : " were")
          .append(" not scanned; ");
    }
    int skipped = (int) result.skipped().stream().filter(k -> !k.named()).count();
    if (result.filesScanned() == 0 && failed == 0 && skipped == 0) {
      s.append("nothing scanned: no file of a kind floe scans was found");
    } else {
      s.append(
          found == 0
              ? "no credentials found"
              : Counts.of(found, "credential found", "credentials found"));
      s.append(" in ").append(Counts.of(result.filesScanned(), "file")).append(" scanned");
    }
    List<String> notes = new ArrayList<>();
    if (accepted > 0) {
      notes.add(accepted + " accepted by " + baseline);
    }
    if (result.allowed() > 0) {
      notes.add(result.allowed() + " accepted by '# floe:allow-secret'");
    }
    if (skipped > 0) {
      notes.add(Counts.of(skipped, "file") + " skipped, see the warnings");
    }
    if (stale > 0) {
      notes.add(Counts.of(stale, "baseline entry matches", "baseline entries match") + " nothing");
    }
    if (!notes.isEmpty()) {
      s.append(" (").append(String.join("; ", notes)).append(')');
    }
    return s.toString();
  }
}
