package dev.floe.cli;

import java.nio.file.Path;
import java.util.Optional;
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

  /** Loads, locates and compiles as these options say. */
  Project.Compiled compile(Terminal terminal, dev.floe.core.diag.SourceTexts sources) {
    return new Project(terminal, sources).compile(file, env(), platform());
  }

  Optional<String> env() {
    return PlatformChoice.env(choice);
  }

  Optional<Path> platform() {
    return PlatformChoice.platform(choice);
  }
}
