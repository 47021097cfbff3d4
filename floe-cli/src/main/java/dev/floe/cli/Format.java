package dev.floe.cli;

/** Output formats of {@code --format}. */
public enum Format {
  text,
  json
}
