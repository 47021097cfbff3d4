package dev.floe.cli;

import picocli.CommandLine;

/** Entry point of the {@code floe} executable. */
public final class Main {
  private Main() {}

  /** Runs floe and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(run(Terminal.system(), args));
  }

  private static void everyCommand(
      CommandLine command, java.util.function.Consumer<CommandLine> action) {
    action.accept(command);
    command.getSubcommands().values().forEach(sub -> everyCommand(sub, action));
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
    CommandLine cli = new CommandLine(new FloeCommand(terminal));
    // Only the command being run is built; help, completion and mistakes get all of them.
    String first = args.length == 0 ? "" : args[0];
    boolean one = FloeCommand.COMMANDS.containsKey(first) && !first.equals("generate-completion");
    FloeCommand.COMMANDS.forEach(
        (name, command) -> {
          if (!one || name.equals(first)) {
            cli.addSubcommand(name, command.get());
          }
        });
    everyCommand(cli, c -> c.getCommandSpec().versionProvider(new FloeCommand.Version()));
    cli.setOut(terminal.out());
    cli.setErr(terminal.err());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) ->
            FloeSubcommand.internalError(terminal, parseResult.hasMatchedOption("--debug"), e));
    int code = cli.execute(args);
    terminal.out().flush();
    terminal.err().flush();
    return code;
  }
}
