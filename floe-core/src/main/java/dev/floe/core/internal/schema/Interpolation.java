package dev.floe.core.internal.schema;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${VAR}} and {@code ${VAR:-default}} in platform.yaml strings; <code>$${</code>
 * writes a literal <code>${</code>. A variable set to the empty string counts as unset when a
 * default is given, like the shell's {@code :-}.
 */
final class Interpolation {
  private static final Pattern REFERENCE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

  /** The outcome: the expanded text, or what went wrong. */
  sealed interface Result permits Expanded, Unset, Malformed {}

  record Expanded(String value, List<String> variables) implements Result {}

  record Unset(String variable) implements Result {}

  record Malformed(String reason) implements Result {}

  private Interpolation() {}

  static boolean mentions(String text) {
    return text.contains("${");
  }

  static Result expand(String text, Map<String, String> env) {
    StringBuilder out = new StringBuilder();
    List<String> used = new java.util.ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int start = text.indexOf('$', i);
      if (start < 0) {
        out.append(text, i, text.length());
        break;
      }
      out.append(text, i, start);
      if (text.startsWith("$${", start)) {
        out.append("${");
        i = start + 3;
        continue;
      }
      if (!text.startsWith("${", start)) {
        out.append('$');
        i = start + 1;
        continue;
      }
      Matcher m = REFERENCE.matcher(text);
      m.region(start, text.length());
      if (!m.lookingAt()) {
        return new Malformed(
            text.indexOf('}', start) < 0
                ? "'${' is not closed with '}'"
                : "a variable name has letters, digits and '_' and does not start with a digit");
      }
      String name = m.group(1);
      String value = env.get(name);
      used.add(name);
      if (value == null || (value.isEmpty() && m.group(2) != null)) {
        if (m.group(2) == null) {
          return new Unset(name);
        }
        value = m.group(2);
      }
      out.append(value);
      i = m.end();
    }
    return new Expanded(out.toString(), List.copyOf(used));
  }
}
