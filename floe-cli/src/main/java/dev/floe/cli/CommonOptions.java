package dev.floe.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --format} and {@code --debug}, on every command. Added to each command's model when the
 * command tree is built, so that {@code --format} offers exactly the formats of its command ({@link
 * FloeSubcommand#formats()}): any other value, {@code sarif} on a command without SARIF included,
 * is a usage error naming the valid ones.
 */
final class CommonOptions {
  private CommonOptions() {}

  /** Adds the common options of {@code command} to its model {@code spec}. */
  static void addTo(CommandSpec spec, FloeSubcommand command) {
    Set<Format> formats = command.formats();
    List<String> names = new ArrayList<>();
    for (Format f : formats) {
      names.add(f.name());
    }
    ITypeConverter<Format> converter = value -> format(formats, names, value);
    spec.addOption(
        Specs.option(Format.class, v -> command.format = v, "--format")
            .paramLabel("FORMAT")
            .converters(converter)
            .completionCandidates(names)
            .defaultValue(Format.text.name())
            .description("Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
            .build());
    spec.addOption(
        Specs.option(boolean.class, v -> command.debug = v, "--debug")
            .description("Show stack traces of internal errors.")
            .build());
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
