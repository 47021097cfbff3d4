package dev.floe.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code floe validate}: floe.yaml, the platform and every cross-reference, all at once. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Validate floe.yaml, its platform and every profile reference (exit 0 or 1).")
final class ValidateCommand extends FloeSubcommand {
  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      defaultValue = "floe.yaml",
      description = "The pipeline file (default: ${DEFAULT-VALUE}).")
  String file;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  PlatformChoice choice;

  @Override
  int run(Terminal terminal, Reporter reporter) {
    Project.Compiled compiled =
        new Project(terminal, sources)
            .compile(file, PlatformChoice.env(choice), PlatformChoice.platform(choice));
    String environment = compiled.platform().environment();
    String platformFile = compiled.platform().platform().file();
    if (reporter.json()) {
      reporter.success(
          json -> {
            json.writeStringField("file", compiled.pipeline().file());
            json.writeStringField("environment", environment);
            json.writeStringField("platform_source", compiled.platform().source());
          });
    } else {
      reporter.line(
          reporter.ok()
              + " "
              + compiled.pipeline().file()
              + " is valid against "
              + platformFile
              + " (environment "
              + environment
              + ")");
    }
    return ExitCodes.OK;
  }
}
