package dev.floe.cli;

import picocli.CommandLine.Command;

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
final class PlatformCommand extends CommandGroup {}
