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
  /** The command's name, as on the command line. */
  final String name;

  private final String[] description;

  /** The command's own arguments, declared by its constructor (see {@link Arg}). */
  final Args args = new Args();

  /** The picocli model, made on first use ({@link #spec()}). */
  private CommandSpec spec;

  /** Set by {@code --format}. */
  Format format = Format.text;

  /** Set by {@code --debug}. */
  boolean debug;

  FloeSubcommand(String name, String... description) {
    this.name = name;
    this.description = description.clone();
  }

  /** The command's work; returns the exit code. */
  abstract int run(Terminal terminal, Reporter reporter) throws Exception;

  /** The formats {@code --format} takes for this command: text and json unless it says more. */
  Set<Format> formats() {
    return EnumSet.of(Format.text, Format.json);
  }

  /**
   * The command's picocli model, made the first time it is asked for: its own arguments, then help
   * and version, then the {@link CommonOptions}.
   */
  final CommandSpec spec() {
    if (spec == null) {
      spec = Specs.command(this, name, description);
      Specs.add(spec, args);
      Specs.addHelpOptions(spec);
      Specs.add(spec, CommonOptions.of(this));
    }
    return spec;
  }

  /** Every argument the command line may give: the command's own, then the common options. */
  final Args allArgs() {
    Args all = new Args();
    all.addAll(args);
    all.addAll(CommonOptions.of(this));
    return all;
  }

  /** Runs the command parsed by picocli. */
  @Override
  public final Integer call() {
    if (spec().commandLine().isVersionHelpRequested()) {
      return ExitCodes.OK;
    }
    try {
      return execute(((FloeCommand) spec().root().userObject()).terminal());
    } catch (UsageError e) {
      // picocli hands it to UsageErrors: exit 2, reported like a parse error
      throw new ParameterException(spec().commandLine(), e.getMessage(), e);
    }
  }

  /**
   * Runs the command, its arguments set: problems become diagnostics in the chosen format, anything
   * unexpected an internal error; a {@link UsageError} is the caller's to report.
   */
  final int execute(Terminal terminal) {
    Reporter reporter = new Reporter(terminal, format, debug ? Verbosity.DEBUG : Verbosity.NORMAL);
    try {
      return run(terminal, reporter);
    } catch (UsageError e) {
      throw e;
    } catch (ProblemException e) {
      return reporter.problems(e.problems(), e.sources());
    } catch (Exception | LinkageError e) {
      return internalError(terminal, debug, e);
    }
  }

  /** A usage error found while running: reported like a parse error, exit 2. */
  static UsageError usageError(String message) {
    return new UsageError(message);
  }

  /** A bad command line found while running (conflicting options): exit 2 (see UsageErrors). */
  static final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
      super(message, null, false, false);
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
