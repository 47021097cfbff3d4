package dev.floe.cli;

import picocli.CommandLine.Option;

/** {@code --format} and {@code --debug}, on every command. */
final class CommonOptions {
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "text")
  Format format = Format.text;

  @Option(names = "--debug", description = "Show stack traces of internal errors.")
  boolean debug;
}
