package dev.floe.cli;

import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The picocli model of floe's commands, made in code: each command names and describes itself in
 * its constructor ({@link #command}) and declares its arguments there ({@link Arg}), next to the
 * fields they set; {@link #add} turns them into picocli's model when a command line needs it.
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

  /** Adds {@code args} to {@code spec}, in their order: the picocli model of each. */
  static void add(CommandSpec spec, Args args) {
    for (Args.Entry entry : args.entries()) {
      if (entry.exclusive()) {
        ArgGroupSpec.Builder group = ArgGroupSpec.builder().exclusive(true).multiplicity("0..1");
        for (Arg<?> arg : entry.args()) {
          group.addArg(option(arg));
        }
        spec.addArgGroup(group.build());
      } else {
        Arg<?> arg = entry.args().get(0);
        if (arg.positional()) {
          spec.addPositional(positional(arg));
        } else {
          spec.addOption(option(arg));
        }
      }
    }
  }

  private static <T> OptionSpec option(Arg<T> arg) {
    OptionSpec.Builder b = OptionSpec.builder(arg.names).type(arg.type).hasInitialValue(false);
    Field<T> field = new Field<>(arg.set, arg.get);
    if (arg.list()) {
      b.auxiliaryTypes(arg.element).getter(field);
    }
    b.setter(field).description(arg.description);
    if (arg.label != null) {
      b.paramLabel(arg.label);
    }
    if (arg.arity != null) {
      b.arity(arg.arity);
    }
    if (arg.defaultValue != null) {
      b.defaultValue(arg.defaultValue);
    }
    if (arg.candidates != null) {
      b.completionCandidates(arg.candidates);
    }
    if (arg.converter != null) {
      b.converters(new Converter<>(arg.converter));
    }
    return b.build();
  }

  private static <T> PositionalParamSpec positional(Arg<T> arg) {
    PositionalParamSpec.Builder b =
        PositionalParamSpec.builder().type(arg.type).hasInitialValue(false);
    Field<T> field = new Field<>(arg.set, arg.get);
    if (arg.list()) {
      b.auxiliaryTypes(arg.element).getter(field);
    }
    b.setter(field).description(arg.description);
    if (arg.label != null) {
      b.paramLabel(arg.label);
    }
    if (arg.arity != null) {
      b.arity(arg.arity);
    }
    if (arg.index != null) {
      b.index(arg.index);
    }
    if (arg.defaultValue != null) {
      b.defaultValue(arg.defaultValue);
    }
    return b.build();
  }

  /**
   * An {@link Arg.Converter} as picocli calls it. A named class, not a lambda: picocli's interfaces
   * are compiled for Java 5, and the JVM cannot put a lambda implementing one into the CDS archive,
   * nor then the interface and picocli's own implementations of it.
   */
  private static final class Converter<T> implements ITypeConverter<T> {
    private final Arg.Converter<T> converter;

    Converter(Arg.Converter<T> converter) {
      this.converter = converter;
    }

    @Override
    public T convert(String value) {
      return converter.convert(value);
    }
  }

  /**
   * A field of a command as picocli sets it, and reads it to add to a list. (A lambda cannot
   * implement picocli's {@code ISetter} or {@code IGetter}: their methods are generic.)
   */
  private static final class Field<T> implements ISetter, IGetter {
    private final Consumer<T> set;
    private final Supplier<T> get;

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
