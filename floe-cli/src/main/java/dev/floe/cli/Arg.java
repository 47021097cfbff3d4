package dev.floe.cli;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One option or positional parameter of a command, declared once in the command's constructor (next
 * to the field it sets) and read twice: {@link Specs} makes picocli's model of it (help,
 * completion, and the parsing of every command line), {@link QuickArgs} parses the plain command
 * lines of everyday use without building that model at all. Nothing here touches picocli, so
 * declaring a command costs a few plain objects.
 *
 * @param <T> the type of the field the argument sets
 */
final class Arg<T> {
  /** Converts the text of an argument to its value; throws to reject it. */
  @FunctionalInterface
  interface Converter<T> {
    T convert(String value);
  }

  /** The option's names as on the command line; empty for a positional parameter. */
  final String[] names;

  final Class<T> type;

  /** The element type of a list-valued argument, {@code null} otherwise. */
  final Class<?> element;

  final Consumer<T> set;

  /** Reads the field, for a list-valued argument (values are added to the list); else null. */
  final Supplier<T> get;

  String label;

  String[] description = new String[0];

  String defaultValue;

  /** picocli's arity, when not the default one of the type. */
  String arity;

  /** picocli's index of a positional parameter, when given. */
  String index;

  List<String> candidates;

  Converter<T> converter;

  private Arg(String[] names, Class<T> type, Class<?> element, Consumer<T> set, Supplier<T> get) {
    this.names = names.clone();
    this.type = type;
    this.element = element;
    this.set = set;
    this.get = get;
  }

  /** An option, {@code names} as on the command line, that sets {@code field} to its value. */
  static <T> Arg<T> option(Class<T> type, Consumer<T> field, String... names) {
    return new Arg<>(names, type, null, field, null);
  }

  /** An option that adds its values to the list {@code get} returns ({@code set} replaces it). */
  @SuppressWarnings({"unchecked", "rawtypes"}) // List.class is the raw type of List<String>
  static Arg<List<String>> strings(
      Supplier<List<String>> get, Consumer<List<String>> set, String... names) {
    return new Arg<>(names, (Class) List.class, String.class, set, get);
  }

  /** A positional parameter that sets {@code field} to its value. */
  static <T> Arg<T> positional(Class<T> type, Consumer<T> field) {
    return new Arg<>(new String[0], type, null, field, null);
  }

  /** Positional parameters that add their values to the list {@code get} returns. */
  @SuppressWarnings({"unchecked", "rawtypes"}) // List.class is the raw type of List<String>
  static Arg<List<String>> positionals(Supplier<List<String>> get, Consumer<List<String>> set) {
    return new Arg<>(new String[0], (Class) List.class, String.class, set, get);
  }

  /** {@code --parallelism N} of the commands that run assets ({@code run}, {@code demo}). */
  static Arg<Integer> parallelism(Consumer<Integer> field) {
    return option(int.class, field, "--parallelism")
        .paramLabel("N")
        .defaultValue("4")
        .description("How many assets may run at once (default: ${DEFAULT-VALUE}).");
  }

  boolean positional() {
    return names.length == 0;
  }

  boolean list() {
    return element != null;
  }

  Arg<T> paramLabel(String value) {
    label = value;
    return this;
  }

  Arg<T> description(String... lines) {
    description = lines.clone();
    return this;
  }

  Arg<T> defaultValue(String value) {
    defaultValue = value;
    return this;
  }

  Arg<T> arity(String value) {
    arity = value;
    return this;
  }

  Arg<T> index(String value) {
    index = value;
    return this;
  }

  Arg<T> completionCandidates(List<String> values) {
    candidates = List.copyOf(values);
    return this;
  }

  Arg<T> converter(Converter<T> value) {
    converter = value;
    return this;
  }
}
