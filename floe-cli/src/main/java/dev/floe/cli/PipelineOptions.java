package dev.floe.cli;

import dev.floe.core.project.FloeProject;
import java.nio.file.Path;

/**
 * {@code -f FILE} and {@code --env NAME | --platform PATH}: what names a pipeline and its platform.
 */
final class PipelineOptions {
  String file = "floe.yaml";

  final PlatformChoice choice = new PlatformChoice();

  /** Adds these options to {@code args}: the platform group first, where picocli put a mixin's. */
  void addTo(Args args) {
    choice.addTo(args);
    args.add(
        Arg.option(String.class, v -> file = v, "-f", "--file")
            .paramLabel("FILE")
            .defaultValue("floe.yaml")
            .description("The pipeline file (default: ${DEFAULT-VALUE})."));
  }

  /**
   * Loads, locates and compiles as these options say, and hands the search's warnings (a registry
   * pin a platform file overrode) to {@code reporter}.
   */
  FloeProject.Compiled compile(Terminal terminal, Reporter reporter) {
    FloeProject project = terminal.project();
    FloeProject.Compiled compiled = project.load(Path.of(file), choice.request(terminal));
    reporter.warnings(compiled.platform().warnings(), project.sources());
    return compiled;
  }
}
