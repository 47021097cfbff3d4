package dev.floe.cli;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The picocli model of floe's commands, declared in code: each command names and describes itself
 * in its constructor ({@link #command}) and adds its options there, next to the fields they set.
 * Nothing is annotated, so picocli never reflects over a class: start-up time is part of the
 * interface, and reading annotations (a dynamic proxy per annotation type) and every field and
 * method of every command cost more than validating a file.
 *
 * <p>A command object serves one command line: its fields' initial values are the options' initial
 * values, so no option resets them before parsing ({@code hasInitialValue(false)}).
 */
final class Specs {
  private Specs() {}

  /** The model of {@code command}: its name, its description, and --version printing floe's. */
  static CommandSpec command(Object command, String name, String... description) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
    spec.name(name).versionProvider(FloeCommand.VERSION);
    spec.usageMessage().description(description);
    return spec;
  }

  /**
   * Adds {@code -h, --help} and {@code -V, --version} to {@code spec}, after its own options: what
   * picocli's {@code mixinStandardHelpOptions} adds, without reflecting over its mixin.
   */
  static void addHelpOptions(CommandSpec spec) {
    spec.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .description("Show this help message and exit.")
            .build());
    spec.addOption(
        OptionSpec.builder("-V", "--version")
            .versionHelp(true)
            .description("Print version information and exit.")
            .build());
  }

  /** An option, {@code names} as on the command line, that sets {@code field} to its value. */
  static <T> OptionSpec.Builder option(Class<T> type, Consumer<T> field, String... names) {
    return OptionSpec.builder(names).type(type).hasInitialValue(false).setter(new Field<>(field));
  }

  /** {@code --parallelism N} of the commands that run assets ({@code run}, {@code demo}). */
  static OptionSpec parallelism(Consumer<Integer> field) {
    return option(int.class, field, "--parallelism")
        .paramLabel("N")
        .defaultValue("4")
        .description("How many assets may run at once (default: ${DEFAULT-VALUE}).")
        .build();
  }

  /** An option that adds its values to the list {@code get} returns ({@code set} replaces it). */
  static OptionSpec.Builder strings(
      Supplier<List<String>> get, Consumer<List<String>> set, String... names) {
    Field<List<String>> field = new Field<>(set, get);
    return OptionSpec.builder(names)
        .type(List.class)
        .auxiliaryTypes(String.class)
        .hasInitialValue(false)
        .getter(field)
        .setter(field);
  }

  /** A positional parameter that sets {@code field} to its value. */
  static <T> PositionalParamSpec.Builder positional(Class<T> type, Consumer<T> field) {
    return PositionalParamSpec.builder()
        .type(type)
        .hasInitialValue(false)
        .setter(new Field<>(field));
  }

  /** Positional parameters that add their values to the list {@code get} returns. */
  static PositionalParamSpec.Builder positionals(
      Supplier<List<String>> get, Consumer<List<String>> set) {
    Field<List<String>> field = new Field<>(set, get);
    return PositionalParamSpec.builder()
        .type(List.class)
        .auxiliaryTypes(String.class)
        .hasInitialValue(false)
        .getter(field)
        .setter(field);
  }

  /**
   * A field of a command as picocli sets it, and reads it to add to a list. (A lambda cannot
   * implement picocli's {@code ISetter} or {@code IGetter}: their methods are generic.)
   */
  private static final class Field<T> implements ISetter, IGetter {
    private final Consumer<T> set;
    private final Supplier<T> get;

    /** A field picocli only sets (it reads a field only to add to a list). */
    Field(Consumer<T> set) {
      this(set, null);
    }

    Field(Consumer<T> set, Supplier<T> get) {
      this.set = set;
      this.get = get;
    }

    @Override
    @SuppressWarnings("unchecked") // picocli converted the value to the option's type
    public <V> V set(V value) {
      set.accept((T) value);
      return null;
    }

    @Override
    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"}) // picocli's signature
    public <V> V get() {
      return get == null ? null : (V) get.get();
    }
  }
}
