package dev.floe.cli;

import dev.floe.core.project.FloeProject;

/** {@code floe validate}: floe.yaml, the platform and every cross-reference, all at once. */
final class ValidateCommand extends FloeSubcommand {
  final PipelineOptions pipeline = new PipelineOptions();

  ValidateCommand() {
    super(
        "validate", "Validate floe.yaml, its platform and every profile reference (exit 0 or 1).");
    pipeline.addTo(args);
  }

  @Override
  int run(Terminal terminal, Reporter reporter) {
    FloeProject.Compiled compiled = pipeline.compile(terminal, reporter);
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
