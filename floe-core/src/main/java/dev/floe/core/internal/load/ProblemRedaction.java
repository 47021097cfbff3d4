package dev.floe.core.internal.load;

import dev.floe.core.diag.Problem;
import dev.floe.core.diag.SourceTexts;
import dev.floe.core.internal.credential.SecretMask;
import dev.floe.core.scan.CredentialDetector;
import dev.floe.core.scan.Hit;
import dev.floe.core.scan.Syntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last line of defence before problems leave the loader: every credential the detector finds in
 * a problem's message, hint, path, choices or suggestion is replaced by {@link SecretMask#MASK} (a
 * key such as {@code AKIA…} or {@code postgres://etl:pw@db} would otherwise be quoted by "unknown
 * key", "duplicate key" or "invalid profile name"), and every credential of the loaded text is
 * marked hidden in the {@link SourceTexts}, so that no snippet shows it. Stateless.
 */
final class ProblemRedaction {
  private ProblemRedaction() {}

  /** Lines longer than this are hidden whole: no snippet of a generated line is readable. */
  private static final int LONGEST_SHOWN_LINE = 4096;

  /**
   * Marks every credential the detector finds on the lines {@code problems} point at as hidden in
   * their snippets. Only those lines are scanned, so a huge document costs nothing more here.
   */
  static void hideCredentials(
      SourceTexts sources, String file, String text, List<Problem> problems) {
    java.util.Set<Integer> lines = new java.util.TreeSet<>();
    for (Problem p : problems) {
      p.position().filter(at -> at.file().equals(file)).ifPresent(at -> lines.add(at.line()));
    }
    for (int number : lines) {
      sources
          .line(file, number)
          .ifPresent(
              line -> {
                if (line.length() > LONGEST_SHOWN_LINE) {
                  sources.hide(file, number, 0, line.length());
                  return;
                }
                for (Hit hit : CredentialDetector.scan(line, Syntax.YAML).hits()) {
                  sources.hide(file, number, hit.start(), hit.end());
                }
              });
    }
  }

  /** The problems with every credential in their texts masked. */
  static List<Problem> redact(List<Problem> problems) {
    List<Problem> out = new ArrayList<>(problems.size());
    for (Problem p : problems) {
      out.add(
          new Problem(
              p.severity(),
              p.code(),
              mask(p.message()),
              p.position(),
              p.position().isPresent() ? Optional.empty() : p.file(),
              p.path().map(ProblemRedaction::mask),
              p.hint().map(ProblemRedaction::mask),
              p.choices().stream().map(ProblemRedaction::mask).toList(),
              p.suggestion().map(ProblemRedaction::mask),
              p.disclosure(),
              p.shown(),
              p.cause()));
    }
    return out;
  }

  /** The text with every credential-shaped token replaced by the mask. */
  static String mask(String text) {
    List<Hit> hits = CredentialDetector.scanValue(null, text);
    if (hits.isEmpty()) {
      return text;
    }
    String[] lines = text.split("\r\n|\n|\r", -1);
    if (lines.length != 1) {
      return SecretMask.MASK; // a multi-line message is never expected; hide all of it
    }
    boolean[] hidden = new boolean[text.length()];
    for (Hit hit : hits) {
      for (int i = hit.start(); i < Math.min(text.length(), hit.end()); i++) {
        hidden[i] = true;
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      if (!hidden[i]) {
        out.append(text.charAt(i));
      } else if (i == 0 || !hidden[i - 1]) {
        out.append(SecretMask.MASK);
      }
    }
    return out.toString();
  }
}
