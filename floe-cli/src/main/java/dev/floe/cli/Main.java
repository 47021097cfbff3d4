package dev.floe.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Entry point of the {@code floe} executable. */
public final class Main {
  private Main() {}

  /** Runs floe and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(run(Terminal.system(), args));
  }

  /** The whole command tree, as {@code floe --help} shows it. */
  static CommandLine commandLine(Terminal terminal) {
    return commandLine(terminal, "");
  }

  /**
   * The command tree for a command line starting with {@code first}: only that command when it is
   * one, every command for help, completion and mistakes (start-up time is part of the interface,
   * and building every command's model costs more than validating a file).
   */
  static CommandLine commandLine(Terminal terminal, String first) {
    CommandLine cli = new CommandLine(new FloeCommand(terminal).spec);
    boolean one = FloeCommand.COMMANDS.contains(first) && !first.equals("generate-completion");
    for (String name : FloeCommand.COMMANDS) {
      if (!one || name.equals(first)) {
        cli.addSubcommand(name, FloeCommand.command(name));
      }
    }
    addStandardOptions(cli);
    return cli;
  }

  /**
   * Adds {@code --help} and {@code --version} to the command groups of {@code command}, after their
   * own options (a {@link FloeSubcommand}'s model has them, and its {@link CommonOptions},
   * already).
   */
  private static void addStandardOptions(CommandLine command) {
    CommandSpec spec = command.getCommandSpec();
    if (!(spec.userObject() instanceof FloeSubcommand)) {
      Specs.addHelpOptions(spec);
    }
    for (CommandLine subcommand : command.getSubcommands().values()) {
      addStandardOptions(subcommand);
    }
  }

  /**
   * Runs floe with the given terminal; returns the exit code. Usage errors exit 2, problems with
   * the user's input 1, environment failures 3, internal errors 70.
   */
  public static int run(Terminal terminal, String... args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // Answered before anything is built: the commonest probe of an installation.
      terminal.out().println(new FloeCommand.Version().getVersion()[0]);
      terminal.out().flush();
      return ExitCodes.OK;
    }
    FloeSubcommand command = FloeCommand.runnable(args);
    int from = command != null && command.name.equals(args[0]) ? 1 : 2;
    int code =
        command != null && QuickArgs.parse(command.allArgs(), args, from)
            ? runParsed(terminal, command, args, from)
            : runWithPicocli(terminal, args);
    terminal.out().flush();
    terminal.err().flush();
    return code;
  }

  /** Runs a command whose arguments {@link QuickArgs} set, reporting as picocli's path does. */
  private static int runParsed(Terminal terminal, FloeSubcommand command, String[] args, int from) {
    try {
      return command.execute(terminal);
    } catch (FloeSubcommand.UsageError e) {
      // The usage to show is picocli's: made now, for this one report.
      CommandLine cli = commandLine(terminal, args[0]);
      for (int i = 0; i < from; i++) {
        cli = cli.getSubcommands().get(args[i]);
      }
      return new UsageErrors(terminal)
          .handleParseException(new ParameterException(cli, e.getMessage(), e), args);
    } catch (RuntimeException e) {
      return FloeSubcommand.internalError(terminal, command.debug, e);
    }
  }

  /** Parses {@code args} with picocli (every command line: help, completion, mistakes) and runs. */
  static int runWithPicocli(Terminal terminal, String... args) {
    CommandLine cli = commandLine(terminal, args.length == 0 ? "" : args[0]);
    cli.setOut(terminal.out());
    cli.setErr(terminal.err());
    cli.setParameterExceptionHandler(new UsageErrors(terminal));
    cli.setExecutionExceptionHandler(new InternalErrors(terminal));
    return cli.execute(args);
  }

  /**
   * An exception a command let through: an internal error (exit 70). A named class, not a lambda:
   * picocli's interfaces are compiled for Java 5, and the JVM cannot archive (CDS) a lambda
   * implementing one, nor then the interface and every class that implements it.
   */
  private static final class InternalErrors implements IExecutionExceptionHandler {
    private final Terminal terminal;

    InternalErrors(Terminal terminal) {
      this.terminal = terminal;
    }

    @Override
    public int handleExecutionException(
        Exception e, CommandLine commandLine, ParseResult parseResult) {
      return FloeSubcommand.internalError(terminal, parseResult.hasMatchedOption("--debug"), e);
    }
  }
}
