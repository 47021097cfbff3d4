package dev.floe.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

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
   * Adds to {@code command} and its subcommands, after their own options, what every command takes:
   * {@code --help} and {@code --version}, and on a {@link FloeSubcommand} its {@link
   * CommonOptions}.
   */
  private static void addStandardOptions(CommandLine command) {
    CommandSpec spec = command.getCommandSpec();
    Specs.addHelpOptions(spec);
    if (spec.userObject() instanceof FloeSubcommand subcommand) {
      CommonOptions.addTo(spec, subcommand);
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
      // Answered before picocli builds anything: the commonest probe of an installation.
      terminal.out().println(new FloeCommand.Version().getVersion()[0]);
      terminal.out().flush();
      return ExitCodes.OK;
    }
    CommandLine cli = commandLine(terminal, args.length == 0 ? "" : args[0]);
    cli.setOut(terminal.out());
    cli.setErr(terminal.err());
    cli.setParameterExceptionHandler(new UsageErrors(terminal));
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) ->
            FloeSubcommand.internalError(terminal, parseResult.hasMatchedOption("--debug"), e));
    int code = cli.execute(args);
    terminal.out().flush();
    terminal.err().flush();
    return code;
  }
}
