package dev.floe.core.diag;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import dev.floe.core.internal.credential.SecretMask;
import java.util.List;

/**
 * Renders problems in the style of modern compilers: a headline with the code, the position, the
 * source line with a caret underline, and help lines. Tokens of {@link Disclosure#SECRET} problems
 * are masked. With {@link Verbosity#DEBUG} each problem that has a {@linkplain Problem#cause()
 * cause} ends with it: class, message and stack trace, credential-like values masked. Immutable and
 * thread-safe while nobody adds to its {@link SourceTexts}.
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
  private final Verbosity verbosity;

  /**
   * A renderer that shows snippets from {@code sources} and never a cause.
   *
   * @param sources the texts of the files problems point at; not null, not copied
   * @param colour whether to use ANSI colours; not null
   */
  public TextRenderer(SourceTexts sources, Colour colour) {
    this(sources, colour, Verbosity.NORMAL);
  }

  /**
   * A renderer that shows snippets from {@code sources}, and with {@link Verbosity#DEBUG} the cause
   * of each problem.
   *
   * @param sources the texts of the files problems point at; not null, not copied
   * @param colour whether to use ANSI colours; not null
   * @param verbosity whether to show causes; not null
   */
  public TextRenderer(SourceTexts sources, Colour colour, Verbosity verbosity) {
    this.sources = requireNonNull(sources, "sources");
    this.colour = requireNonNull(colour, "colour");
    this.verbosity = requireNonNull(verbosity, "verbosity");
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
        SnippetMask masked =
            SnippetMask.of(
                SecretMask.line(original, secret ? start : -1),
                sources.hidden(at.file(), at.line()));
        String text = visible(masked.text());
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
    if (!problem.choices().isEmpty()
        && !problem.shown().contains(Problem.Shown.CHOICES_IN_MESSAGE)) {
      out.append(gutter)
          .append(" = valid values: ")
          .append(String.join(", ", problem.choices()))
          .append('\n');
    }
    if (problem.hint().isPresent()) {
      out.append(gutter).append(" = help: ").append(problem.hint().get()).append('\n');
    }
    if (problem.suggestion().isPresent()
        && !problem.shown().contains(Problem.Shown.SUGGESTION_IN_HINT)) {
      out.append(gutter)
          .append(" = help: did you mean '")
          .append(problem.suggestion().get())
          .append("'?\n");
    }
    if (verbosity == Verbosity.DEBUG && problem.cause().isPresent()) {
      List<String> trace = Causes.lines(problem.cause().get());
      out.append(gutter).append(" = cause: ").append(trace.get(0)).append('\n');
      for (String line : trace.subList(1, trace.size())) {
        out.append(gutter).append("   ").append(line).append('\n');
      }
    }
    out.setLength(out.length() - 1);
    return out.toString();
  }

  /**
   * Control characters as their Unicode control pictures (NUL as U+2400): one character each, so
   * the caret still lines up, and nothing reaches the terminal that it would interpret.
   */
  private static String visible(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t') {
        out.append((char) (0x2400 + c));
      } else if (c == 0x7F) {
        out.append('\u2421');
      } else {
        out.append(c);
      }
    }
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
