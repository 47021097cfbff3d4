package dev.floe.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command that only groups others ({@code floe}, {@code floe platform}, {@code floe schema}):
 * without a subcommand it prints its usage on stderr and exits 2, like any incomplete command line.
 */
abstract class CommandGroup implements Callable<Integer> {
  /** The group's model (see {@link Specs}): its name, description and commands. */
  final CommandSpec spec;

  CommandGroup(String name, String... description) {
    spec = Specs.command(this, name, description);
  }

  /** Adds {@code command} to the group, under its name. */
  void add(CommandSpec command) {
    spec.addSubcommand(command.name(), command);
  }

  @Override
  public final Integer call() {
    spec.commandLine().usage(((FloeCommand) spec.root().userObject()).terminal().err());
    return ExitCodes.USAGE;
  }
}
