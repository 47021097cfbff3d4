package dev.floe.cli;

/** {@code floe platform}: commands for platform engineers. */
final class PlatformCommand extends CommandGroup {
  PlatformCommand() {
    super("platform", "Validate and inspect platform/<env>/platform.yaml.");
    add(new PlatformValidateCommand().spec());
    add(new ListProfilesCommand().spec());
    add(new PlatformCheckCommand().spec());
  }
}
