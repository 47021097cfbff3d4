package dev.floe.cli;

import dev.floe.core.FloeVersion;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.Verbosity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The shape of every command: {@code --format} (the formats of {@link #formats()}) and {@code
 * --debug} (see {@link CommonOptions}); problems become diagnostics in the chosen format and exit
 * 1; a bad command line found while running (conflicting options) is a usage error, exit 2, like
 * one found while parsing (see {@link UsageErrors}); anything unexpected is an internal error (exit
 * 70) whose stack trace is shown only under {@code --debug}. Never prints a stack trace for a user
 * error.
 */
abstract class FloeSubcommand implements Callable<Integer> {
  /**
   * The command's model: named and described here, its own options added by its constructor (see
   * {@link Specs}), then help, version and the common options by {@link Main#commandLine}.
   */
  final CommandSpec spec;

  /** Set by {@code --format}. */
  Format format = Format.text;

  /** Set by {@code --debug}. */
  boolean debug;

  FloeSubcommand(String name, String... description) {
    spec = Specs.command(this, name, description);
  }

  /** The command's work; returns the exit code. */
  abstract int run(Terminal terminal, Reporter reporter) throws Exception;

  /** The formats {@code --format} takes for this command: text and json unless it says more. */
  Set<Format> formats() {
    return EnumSet.of(Format.text, Format.json);
  }

  Terminal terminal() {
    return ((FloeCommand) spec.root().userObject()).terminal();
  }

  @Override
  public final Integer call() {
    if (spec.commandLine().isVersionHelpRequested()) {
      return ExitCodes.OK;
    }
    Terminal terminal = terminal();
    Reporter reporter = new Reporter(terminal, format, debug ? Verbosity.DEBUG : Verbosity.NORMAL);
    try {
      return run(terminal, reporter);
    } catch (ParameterException e) {
      throw e; // picocli hands it to UsageErrors: exit 2, reported like a parse error
    } catch (ProblemException e) {
      return reporter.problems(e.problems(), e.sources());
    } catch (Exception | LinkageError e) {
      return internalError(terminal, debug, e);
    }
  }

  /** A usage error found while running: reported by {@link UsageErrors}, exit 2. */
  ParameterException usageError(String message) {
    return new ParameterException(spec.commandLine(), message);
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
