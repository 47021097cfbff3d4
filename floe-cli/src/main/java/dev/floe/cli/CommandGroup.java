package dev.floe.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that only groups others ({@code floe}, {@code floe platform}, {@code floe schema}):
 * without a subcommand it prints its usage on stderr and exits 2, like any incomplete command line.
 */
abstract class CommandGroup implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public final Integer call() {
    spec.commandLine().usage(((FloeCommand) spec.root().userObject()).terminal().err());
    return ExitCodes.USAGE;
  }
}
