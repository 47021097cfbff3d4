package dev.floe.cli;

import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.SourcePaths;
import dev.floe.core.secret.SecretResolver;
import dev.floe.runtime.FloeDefinitions;
import dev.floe.runtime.RunDocument;
import dev.floe.runtime.RunResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A run as {@code floe run} and {@code floe demo} do it: progress, summary or document, exit. */
final class Runs {
  private Runs() {}

  /** What to run and how to report it. */
  record Request(
      Terminal terminal,
      Reporter reporter,
      CompiledArtifacts compiled,
      Path projectDir,
      ClassLoader loader,
      List<String> select,
      int parallelism,
      boolean debug) {}

  /** The exit code, and the result when the run happened. */
  record Outcome(int exitCode, Optional<RunResult> result) {}

  /**
   * Builds the definitions, runs the selection with progress, prints the summary (text) or the run
   * document (JSON): exit 0 when every asset succeeded, 3 when one failed or a secret is missing, 1
   * for problems in the definitions.
   *
   * @throws ProblemException for problems in the asset definitions (exit 1 by the caller)
   */
  static Outcome execute(Request r) {
    Terminal terminal = r.terminal();
    Reporter reporter = r.reporter();
    FloeDefinitions defs =
        FloeDefinitions.builder()
            .artifacts(r.compiled())
            .projectDir(r.projectDir())
            .classLoader(r.loader())
            .secrets(SecretResolver.fromEnvironment(terminal.env(), terminal.workDir()))
            .parallelism(r.parallelism())
            .build();
    RunProgress progress = new RunProgress(terminal, reporter.json());
    RunResult result;
    try {
      progress.header(r.compiled(), defs.select(r.select()).size());
      result = defs.materialize(r.select(), progress);
    } catch (ProblemException e) {
      // A missing secret or an unknown selection: nothing ran.
      progress.clear();
      int code = reporter.problems(e.problems(), e.sources());
      boolean secrets = e.problems().stream().anyMatch(p -> p.code().startsWith("FLOE-C03"));
      return new Outcome(secrets ? ExitCodes.ENVIRONMENT : code, Optional.empty());
    }
    progress.clear();
    Path document =
        r.projectDir().resolve(".floe").resolve("runs").resolve(result.runId() + ".json");
    if (reporter.json()) {
      terminal.out().print(RunDocument.json(result));
      terminal.out().flush();
    } else {
      RunSummary.print(
          reporter, terminal, result, SourcePaths.display(document, terminal.workDir()));
    }
    if (r.debug()) {
      for (RunResult.AssetResult asset : result.assets()) {
        asset
            .failure()
            .ifPresent(
                failure -> {
                  StringWriter trace = new StringWriter();
                  failure.printStackTrace(new PrintWriter(trace));
                  terminal.err().println("stack trace of " + asset.name() + ":");
                  terminal.err().print(trace);
                });
      }
      terminal.err().flush();
    }
    return new Outcome(
        result.succeeded() ? ExitCodes.OK : ExitCodes.ENVIRONMENT, Optional.of(result));
  }
}
