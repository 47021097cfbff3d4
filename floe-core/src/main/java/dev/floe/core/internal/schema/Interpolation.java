package dev.floe.core.internal.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${VAR}} and {@code ${VAR:-default}} in platform.yaml strings; <code>$${</code>
 * writes a literal <code>${</code>. A variable set to the empty string counts as unset when a
 * default is given, like the shell's {@code :-}. Nested references ({@code ${A:-${B}}}) are not
 * supported and are refused with a message that says so, as are {@code ${}} and the single-colon
 * {@code ${NAME:default}} of other tools. Stateless.
 */
public final class Interpolation {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** The outcome: the expanded text, or what went wrong. */
  sealed interface Result permits Expanded, Unset, Malformed {}

  record Expanded(String value, List<String> variables) implements Result {}

  record Unset(String variable) implements Result {}

  record Malformed(String reason) implements Result {}

  /**
   * One {@code ${NAME}} or {@code ${NAME:-default}} of a text.
   *
   * @param name the variable
   * @param fallback the default written after {@code :-}, if any
   */
  public record Reference(String name, Optional<String> fallback) {
    /** The value this reference expands to in {@code env}: the variable's, else the default. */
    public Optional<String> value(Map<String, String> env) {
      String set = env.get(name);
      if (set == null || (set.isEmpty() && fallback.isPresent())) {
        return fallback;
      }
      return Optional.of(set);
    }

    /** True when {@code env} sets the variable, so that its value, not the default, is used. */
    public boolean fromEnvironment(Map<String, String> env) {
      String set = env.get(name);
      return set != null && !(set.isEmpty() && fallback.isPresent());
    }
  }

  private Interpolation() {}

  /** True when the text has a <code>${</code>. */
  public static boolean mentions(String text) {
    return text.contains("${");
  }

  /** The well-formed references of a text, in order; malformed ones are left out. */
  public static List<Reference> references(String text) {
    List<Reference> out = new ArrayList<>();
    parse(text, out);
    return out;
  }

  static Result expand(String text, Map<String, String> env) {
    List<Reference> refs = new ArrayList<>();
    List<String> literals = new ArrayList<>();
    Optional<String> malformed = parse(text, refs, literals);
    if (malformed.isPresent()) {
      return new Malformed(malformed.get());
    }
    StringBuilder out = new StringBuilder(literals.get(0));
    List<String> used = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      Reference ref = refs.get(i);
      used.add(ref.name());
      Optional<String> value = ref.value(env);
      if (value.isEmpty()) {
        return new Unset(ref.name());
      }
      out.append(value.get()).append(literals.get(i + 1));
    }
    return new Expanded(out.toString(), List.copyOf(used));
  }

  private static Optional<String> parse(String text, List<Reference> refs) {
    return parse(text, refs, new ArrayList<>());
  }

  /**
   * Splits a text into literals and references: {@code literals} gets one more element than {@code
   * refs}. Returns the reason when a reference is malformed.
   */
  private static Optional<String> parse(String text, List<Reference> refs, List<String> literals) {
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int start = text.indexOf('$', i);
      if (start < 0) {
        literal.append(text, i, text.length());
        break;
      }
      literal.append(text, i, start);
      if (text.startsWith("$${", start)) {
        literal.append("${");
        i = start + 3;
        continue;
      }
      if (!text.startsWith("${", start)) {
        literal.append('$');
        i = start + 1;
        continue;
      }
      int close = text.indexOf('}', start);
      if (close < 0) {
        return Optional.of("'${' is not closed with '}'");
      }
      String inside = text.substring(start + 2, close);
      if (inside.isEmpty()) {
        return Optional.of("'${}' names no variable: write ${NAME}");
      }
      int colon = inside.indexOf(':');
      String name = colon < 0 ? inside : inside.substring(0, colon);
      Matcher m = NAME.matcher(name);
      if (!m.matches()) {
        if (name.contains("${")) {
          return Optional.of(
              "a reference cannot hold another ${...}: nested references are not supported");
        }
        return Optional.of(
            name.isEmpty()
                ? "'${" + inside + "}' names no variable: write ${NAME:-default}"
                : "a variable name has letters, digits and '_' and does not start with a digit");
      }
      Optional<String> fallback = Optional.empty();
      if (colon >= 0) {
        if (!inside.startsWith(":-", colon)) {
          return Optional.of(
              "'${"
                  + name
                  + ":...}' gives a default with ':', but floe writes it ${"
                  + name
                  + ":-default}");
        }
        String value = inside.substring(colon + 2);
        if (value.contains("${")) {
          return Optional.of(
              "the default of ${"
                  + name
                  + ":-...} holds another ${...}: nested references are not supported; write"
                  + " the default as plain text");
        }
        fallback = Optional.of(value);
      }
      refs.add(new Reference(name, fallback));
      literals.add(literal.toString());
      literal.setLength(0);
      i = close + 1;
    }
    literals.add(literal.toString());
    return Optional.empty();
  }
}
