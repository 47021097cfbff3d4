package dev.floe.cli;

import java.util.List;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
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
    List<String> names = formats.stream().map(Format::name).toList();
    ITypeConverter<Format> converter =
        value ->
            formats.stream()
                .filter(f -> f.name().equals(value))
                .findFirst()
                .orElseThrow(
                    () ->
                        new TypeConversionException(
                            "expected one of "
                                + names
                                + " (case-sensitive) but was '"
                                + value
                                + "'"));
    spec.addOption(
        OptionSpec.builder("--format")
            .paramLabel("FORMAT")
            .type(Format.class)
            .converters(converter)
            .completionCandidates(names)
            .defaultValue(Format.text.name())
            .description("Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
            .setter(
                new ISetter() {
                  @Override
                  public <T> T set(T value) {
                    command.format = (Format) value;
                    return null;
                  }
                })
            .build());
    spec.addOption(
        OptionSpec.builder("--debug")
            .type(boolean.class)
            .description("Show stack traces of internal errors.")
            .setter(
                new ISetter() {
                  @Override
                  public <T> T set(T value) {
                    command.debug = Boolean.TRUE.equals(value);
                    return null;
                  }
                })
            .build());
  }
}
