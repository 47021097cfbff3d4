package dev.floe.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Parses the plain command lines of everyday use ({@code floe validate -f floe.yaml --env dev})
 * straight from a command's declared {@link Arg}s, without building picocli's model: start-up time
 * is part of the interface, and making that model (a type-converter registry, regular expressions
 * and help settings per command) costs more than validating a file.
 *
 * <p>It accepts only what it can parse exactly as picocli does, and declines everything else, so
 * that picocli parses it and reports it: help and version options, {@code --}, {@code @files},
 * clustered or {@code -x=value} short options, an unknown or repeated option, two options of one
 * exclusive group, a value that starts with {@code -} or is empty, a value a converter rejects, an
 * option of non-default arity, a missing positional parameter. Declining has no effect: the command
 * object it wrote into is dropped and picocli starts from a new one. {@code QuickArgsTest} runs the
 * same command lines both ways and compares everything they print.
 */
final class QuickArgs {
  private QuickArgs() {}

  /**
   * Sets the arguments of {@code args} from {@code argv[from..]}, and the default values of those
   * not given; returns false, having set whatever it set, when picocli must parse the line.
   */
  static boolean parse(Args args, String[] argv, int from) {
    Map<String, Arg<?>> options = new HashMap<>();
    Map<Arg<?>, Args.Entry> groupOf = new HashMap<>(); // Arg has identity equality
    Arg<?> positional = null;
    for (Args.Entry entry : args.entries()) {
      for (Arg<?> arg : entry.args()) {
        if (arg.positional()) {
          if (positional != null) {
            return false; // more than one positional parameter: picocli's index rules
          }
          positional = arg;
        } else {
          for (String name : arg.names) {
            options.put(name, arg);
          }
        }
        if (entry.exclusive()) {
          groupOf.put(arg, entry);
        }
      }
    }
    Set<Arg<?>> given = new HashSet<>();
    for (int i = from; i < argv.length; i++) {
      String token = argv[i];
      if (token.isEmpty() || token.startsWith("@")) {
        return false;
      }
      if (!token.startsWith("-")) {
        if (positional == null
            || (!positional.list() && given.contains(positional))
            || !set(positional, token)) {
          return false;
        }
        given.add(positional);
        continue;
      }
      String name = token;
      String value = null;
      int equals = token.indexOf('=');
      if (token.startsWith("--") && equals > 2) {
        name = token.substring(0, equals);
        value = token.substring(equals + 1);
        if (value.isEmpty()) {
          return false;
        }
      }
      Arg<?> option = options.get(name);
      if (option == null
          || option.arity != null
          || (given.contains(option) && !option.list())
          || otherOfGroupGiven(option, groupOf, given)) {
        return false;
      }
      if (option.type == boolean.class) {
        if (value != null) {
          return false;
        }
        flag(option);
      } else {
        if (value == null) {
          if (i + 1 >= argv.length) {
            return false;
          }
          value = argv[++i];
          if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
            return false;
          }
        }
        if (!set(option, value)) {
          return false;
        }
      }
      given.add(option);
    }
    for (Args.Entry entry : args.entries()) {
      for (Arg<?> arg : entry.args()) {
        if (given.contains(arg)) {
          continue;
        }
        if (arg.positional() && !optional(arg)) {
          return false; // a missing parameter: picocli's message
        }
        if (arg.defaultValue != null
            && (arg.defaultValue.contains("${") || !set(arg, arg.defaultValue))) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean otherOfGroupGiven(
      Arg<?> option, Map<Arg<?>, Args.Entry> groupOf, Set<Arg<?>> given) {
    Args.Entry group = groupOf.get(option);
    if (group == null) {
      return false;
    }
    for (Arg<?> other : group.args()) {
      if (other != option && given.contains(other)) {
        return true;
      }
    }
    return false;
  }

  /** Whether picocli lets a command line leave out the positional parameter {@code arg}. */
  private static boolean optional(Arg<?> arg) {
    return arg.list() ? "0..*".equals(arg.arity) : "0..1".equals(arg.arity);
  }

  @SuppressWarnings("unchecked") // a boolean option's field takes a Boolean
  private static void flag(Arg<?> option) {
    ((Consumer<Object>) option.set).accept(true);
  }

  /** Converts {@code text} as picocli would and sets it; false when picocli must decide. */
  @SuppressWarnings("unchecked") // the value has the argument's type (or its list's element type)
  private static boolean set(Arg<?> arg, String text) {
    Object value;
    try {
      value = convert(arg, text);
    } catch (RuntimeException e) {
      return false; // picocli reports the bad value
    }
    if (value == null) {
      return false;
    }
    if (arg.list()) {
      List<Object> list = (List<Object>) ((Supplier<Object>) arg.get).get();
      if (list == null) {
        list = new ArrayList<>();
        ((Consumer<Object>) arg.set).accept(list);
      }
      list.add(value);
    } else {
      ((Consumer<Object>) arg.set).accept(value);
    }
    return true;
  }

  /** The value picocli's converter for the argument's type makes of {@code text}; null: unknown. */
  private static Object convert(Arg<?> arg, String text) {
    if (arg.converter != null) {
      return arg.converter.convert(text);
    }
    Class<?> type = arg.list() ? arg.element : arg.type;
    if (type == String.class) {
      return text;
    }
    if (type == Path.class) {
      return Path.of(text);
    }
    if ((type == int.class || type == Integer.class) && plainNumber(text)) {
      return Integer.valueOf(text);
    }
    return null;
  }

  /** Digits without a leading zero, short enough for an int: the same under every int parser. */
  private static boolean plainNumber(String text) {
    if (text.length() > 9 || (text.length() > 1 && text.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
