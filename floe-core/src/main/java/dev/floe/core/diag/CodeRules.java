package dev.floe.core.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules {@link ProblemCodes#violations} checks, and the reading of {@code docs/errors.md} they
 * need: its range table and its headings. Stateless.
 */
final class CodeRules {
  /** A row of the range table: {@code | `K` | floe-catalog | what |}. */
  private static final Pattern RANGE_ROW =
      Pattern.compile("^\\|\\s*`([A-Z])`\\s*\\|\\s*`?([a-z][a-z0-9-]*)`?\\s*\\|.*$");

  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*$");

  private CodeRules() {}

  static List<String> violations(List<ProblemCodes> providers, String errorsMd) {
    Map<Character, String> ranges = ranges(errorsMd);
    Set<String> headings = headings(errorsMd);
    List<String> out = new ArrayList<>();
    Map<String, ProblemCode> byId = new LinkedHashMap<>();
    Set<ProblemCode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (ProblemCodes provider : providers) {
      for (ProblemCode code : provider.codes()) {
        if (!seen.add(code)) {
          continue;
        }
        String id = code.id();
        String title = code.title();
        String where = id + " (" + provider.module() + ")";
        if (id == null || !ProblemCode.ID.matcher(id).matches()) {
          out.add(where + ": not of the form FLOE-<letter><3 digits>");
          continue;
        }
        if (title == null
            || title.isBlank()
            || !title.equals(title.strip())
            || title.endsWith(".")) {
          out.add(where + ": the title must be a few words without a final period");
        }
        ProblemCode other = byId.putIfAbsent(id, code);
        if (other != null) {
          out.add(where + ": the id is already used by " + describe(other));
        }
        char letter = id.charAt("FLOE-".length());
        String owner = ranges.get(letter);
        if (owner == null) {
          out.add(where + ": the letter " + letter + " is not in the range table");
        } else if (!owner.equals(provider.module())) {
          out.add(where + ": the letter " + letter + " is reserved for " + owner);
        }
        if (title != null && !headings.contains(id + " — " + title)) {
          out.add(where + ": no heading '" + id + " — " + title + "'");
        }
      }
    }
    return List.copyOf(out);
  }

  private static String describe(ProblemCode code) {
    return code instanceof Enum<?> e
        ? e.getDeclaringClass().getName() + "." + e.name()
        : code.getClass().getName();
  }

  /** The letters of the range table and the module each is reserved for. */
  static Map<Character, String> ranges(String text) {
    Map<Character, String> ranges = new LinkedHashMap<>();
    for (String line : text.split("\n", -1)) {
      Matcher m = RANGE_ROW.matcher(line.strip());
      if (m.matches()) {
        ranges.putIfAbsent(m.group(1).charAt(0), m.group(2));
      }
    }
    return ranges;
  }

  /** Markdown headings, outside fenced blocks (where '#' starts a YAML comment). */
  static Set<String> headings(String text) {
    Set<String> headings = new HashSet<>();
    boolean fenced = false;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      Matcher m = HEADING.matcher(line);
      if (!fenced && m.matches()) {
        headings.add(m.group(1));
      }
    }
    return headings;
  }
}
