package dev.floe.core.diag;

import dev.floe.core.api.Api;
import dev.floe.core.internal.credential.SecretMask;
import java.util.List;

/**
 * Renders problems in the style of modern compilers: a headline with the code, the position, the
 * source line with a caret underline, and help lines. Tokens of {@link Disclosure#SECRET} problems
 * are masked. Stateless and thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class TextRenderer {
  /** Whether to colour the output with ANSI escapes. */
  public enum Colour {
    PLAIN,
    ANSI
  }

  private final SourceTexts sources;
  private final Colour colour;

  /** A renderer that shows snippets from {@code sources}. */
  public TextRenderer(SourceTexts sources, Colour colour) {
    this.sources = sources;
    this.colour = colour;
  }

  /** Renders every problem, then a line counting errors and warnings. */
  public String render(List<Problem> problems) {
    StringBuilder out = new StringBuilder();
    for (Problem problem : problems) {
      out.append(render(problem)).append('\n');
    }
    out.append(summary(problems)).append('\n');
    return out.toString();
  }

  /** Renders one problem, without a trailing newline. */
  public String render(Problem problem) {
    StringBuilder out = new StringBuilder();
    String label = problem.severity().label();
    out.append(paint(label + "[" + problem.code() + "]", problem.isError() ? "1;31" : "1;33"))
        .append(paint(": " + problem.message(), "1"))
        .append('\n');
    String gutter = " ";
    if (problem.position().isPresent()) {
      SourcePosition at = problem.position().get();
      String number = Integer.toString(at.line());
      gutter = " ".repeat(number.length());
      out.append(gutter).append(paint("--> ", "34")).append(at).append('\n');
      var line = sources.line(at.file(), at.line());
      if (line.isPresent()) {
        String original = line.get();
        int start = Math.min(at.column() - 1, original.length());
        boolean secret = problem.disclosure() == Disclosure.SECRET;
        // Every snippet is masked, not only those of secret problems: a duplicate key or a
        // syntax error can sit on a line that holds a credential.
        SecretMask.Masked masked = SecretMask.line(original, secret ? start : -1);
        String text = masked.text();
        int caretStart = masked.map(start);
        int caretEnd =
            secret ? caretStart + SecretMask.MASK.length() : masked.map(start + at.length());
        int length = Math.max(1, Math.min(caretEnd, text.length()) - caretStart);
        out.append(gutter).append(paint(" |", "34")).append('\n');
        out.append(paint(number + " |", "34")).append(' ').append(text).append('\n');
        out.append(gutter)
            .append(paint(" |", "34"))
            .append(' ')
            .append(padding(text, caretStart))
            .append(paint("^".repeat(length), problem.isError() ? "1;31" : "1;33"))
            .append('\n');
      }
    } else if (problem.file().isPresent()) {
      out.append(gutter).append(paint("--> ", "34")).append(problem.file().get()).append('\n');
    }
    if (!problem.choices().isEmpty()) {
      String joined = String.join(", ", problem.choices());
      if (!problem.message().contains(joined)) {
        out.append(gutter).append(" = valid values: ").append(joined).append('\n');
      }
    }
    if (problem.hint().isPresent()) {
      out.append(gutter).append(" = help: ").append(problem.hint().get()).append('\n');
    }
    if (problem.suggestion().isPresent()) {
      String s = problem.suggestion().get();
      if (problem.hint().map(h -> !h.contains("'" + s + "'")).orElse(true)) {
        out.append(gutter).append(" = help: did you mean '").append(s).append("'?\n");
      }
    }
    out.setLength(out.length() - 1);
    return out.toString();
  }

  /** Spaces up to {@code column}, keeping the line's tabs so that the caret lines up. */
  private static String padding(String text, int column) {
    StringBuilder pad = new StringBuilder();
    for (int i = 0; i < column && i < text.length(); i++) {
      pad.append(text.charAt(i) == '\t' ? '\t' : ' ');
    }
    return pad.toString();
  }

  /** "2 errors, 1 warning". */
  public static String summary(List<Problem> problems) {
    long errors = problems.stream().filter(Problem::isError).count();
    long warnings = problems.size() - errors;
    return plural(errors, "error") + ", " + plural(warnings, "warning");
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  private String paint(String text, String ansi) {
    return colour == Colour.ANSI ? "\u001b[" + ansi + "m" + text + "\u001b[0m" : text;
  }
}
