package dev.floe.cli;

import dev.floe.core.project.FloeProject;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * {@code -f FILE} and {@code --env NAME | --platform PATH}: what names a pipeline and its platform.
 */
final class PipelineOptions {
  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      defaultValue = "floe.yaml",
      description = "The pipeline file (default: ${DEFAULT-VALUE}).")
  String file = "floe.yaml";

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  PlatformChoice choice;

  /**
   * Loads, locates and compiles as these options say, and hands the search's warnings (a registry
   * pin a platform file overrode) to {@code reporter}.
   */
  FloeProject.Compiled compile(Terminal terminal, Reporter reporter) {
    FloeProject project = terminal.project();
    FloeProject.Compiled compiled =
        project.load(Path.of(file), PlatformChoice.request(terminal, choice));
    reporter.warnings(compiled.platform().warnings(), project.sources());
    return compiled;
  }
}
