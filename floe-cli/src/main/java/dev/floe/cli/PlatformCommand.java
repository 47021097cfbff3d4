package dev.floe.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code floe platform}: commands for platform engineers. */
@Command(
    name = "platform",
    mixinStandardHelpOptions = true,
    description = "Validate and inspect platform/<env>/platform.yaml.",
    subcommands = {
      PlatformValidateCommand.class,
      ListProfilesCommand.class,
      PlatformCheckCommand.class
    })
final class PlatformCommand implements java.util.concurrent.Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(((FloeCommand) spec.root().userObject()).terminal().err());
    return ExitCodes.USAGE;
  }
}
