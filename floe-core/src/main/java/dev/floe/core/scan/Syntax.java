package dev.floe.core.scan;

import dev.floe.core.api.Api;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of files the scanner reads, chosen by file name. The syntax only tunes how keys and
 * values are recognised on a line; every rule applies to every syntax.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public enum Syntax {
  YAML,
  JSON,
  PROPERTIES,
  DOTENV,
  /** Any other text, scanned only when a file is named explicitly. */
  TEXT;

  /**
   * The syntax of a file by its name: {@code .yaml}/{@code .yml}, {@code .json}, {@code
   * .properties}, and {@code .env}, {@code .env.*} or {@code *.env}; empty for anything else.
   */
  public static Optional<Syntax> of(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      return Optional.empty();
    }
    String n = name.toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".yaml") || n.endsWith(".yml")) {
      return Optional.of(YAML);
    }
    if (n.endsWith(".json")) {
      return Optional.of(JSON);
    }
    if (n.endsWith(".properties")) {
      return Optional.of(PROPERTIES);
    }
    if (n.equals(".env") || n.startsWith(".env.") || n.endsWith(".env")) {
      return Optional.of(DOTENV);
    }
    return Optional.empty();
  }
}
