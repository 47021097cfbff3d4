package dev.floe.cli;

/**
 * Output formats of {@code --format}. Every command takes {@link #text} and {@link #json}; a
 * command may take more ({@code floe scan} takes {@link #sarif}), see {@link
 * FloeSubcommand#formats()}.
 */
public enum Format {
  text,
  json,
  sarif,
  csv
}
