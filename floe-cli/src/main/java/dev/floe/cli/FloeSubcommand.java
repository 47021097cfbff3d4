package dev.floe.cli;

import dev.floe.core.FloeVersion;
import dev.floe.core.diag.ProblemException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The shape of every command: problems become diagnostics and exit 1; anything unexpected is an
 * internal error (exit 70) whose stack trace is shown only under {@code --debug}. Never prints a
 * stack trace for a user error.
 */
abstract class FloeSubcommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  /** The command's work; returns the exit code. */
  abstract int run(Terminal terminal, Reporter reporter) throws Exception;

  Terminal terminal() {
    return ((FloeCommand) spec.root().userObject()).terminal();
  }

  @Override
  public final Integer call() {
    if (spec.commandLine().isVersionHelpRequested()) {
      return ExitCodes.OK;
    }
    Terminal terminal = terminal();
    Reporter reporter = new Reporter(terminal, common.format);
    try {
      return run(terminal, reporter);
    } catch (ProblemException e) {
      return reporter.problems(e.problems(), e.sources());
    } catch (Exception | LinkageError e) {
      return internalError(terminal, common.debug, e);
    }
  }

  /** Reports a bug in floe: the exception type always, the stack trace only with --debug. */
  static int internalError(Terminal terminal, boolean debug, Throwable e) {
    PrintWriter err = terminal.err();
    err.println(
        "error: internal error: this is a bug in floe "
            + FloeVersion.current()
            + " ("
            + e.getClass().getName()
            + ")");
    if (debug) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(trace);
    } else {
      err.println(
          "  run again with --debug to see the stack trace, and report it with that output");
    }
    err.flush();
    return ExitCodes.INTERNAL;
  }
}
