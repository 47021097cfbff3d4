package dev.floe.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --format} and {@code --debug}, on every command, after its own options and help: {@code
 * --format} offers exactly the formats of its command ({@link FloeSubcommand#formats()}): any other
 * value, {@code sarif} on a command without SARIF included, is a usage error naming the valid ones.
 */
final class CommonOptions {
  private CommonOptions() {}

  /** The common options of {@code command}. */
  static Args of(FloeSubcommand command) {
    Set<Format> formats = command.formats();
    List<String> names = new ArrayList<>();
    for (Format f : formats) {
      names.add(f.name());
    }
    Args args = new Args();
    args.add(
        Arg.option(Format.class, v -> command.format = v, "--format")
            .paramLabel("FORMAT")
            .converter(value -> format(formats, names, value))
            .completionCandidates(names)
            .defaultValue(Format.text.name())
            .description("Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})."));
    args.add(
        Arg.option(boolean.class, v -> command.debug = v, "--debug")
            .description("Show stack traces of internal errors."));
    return args;
  }

  /** The format named {@code value}, one of {@code formats} (their {@code names}). */
  private static Format format(Set<Format> formats, List<String> names, String value) {
    for (Format f : formats) {
      if (f.name().equals(value)) {
        return f;
      }
    }
    throw new TypeConversionException(
        "expected one of " + names + " (case-sensitive) but was '" + value + "'");
  }
}
