package dev.floe.core.diag;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import java.util.List;

/**
 * Carries the problems that stopped an operation. Its message is a summary; the problems are the
 * data to render, and {@link #sources()} holds the text of the files they point at, so that a
 * renderer needs nothing else: {@code new TextRenderer(e.sources(), colour).render(e.problems())}.
 * Never holds a secret value (source lines are masked when rendered). Immutable once thrown.
 */
@Api(status = Api.Status.STABLE)
public final class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;
  private final transient SourceTexts sources;

  /**
   * An exception for the given problems, without source texts: renderers show no snippets.
   *
   * @param problems at least one problem; not null
   * @throws IllegalArgumentException when {@code problems} is empty
   */
  public ProblemException(List<Problem> problems) {
    this(problems, new SourceTexts());
  }

  /**
   * An exception for the given problems and the texts of the files they point at.
   *
   * @param problems at least one problem, in any order (they are sorted); not null
   * @param sources the loaded texts by displayed file name; not null, not copied (it only grows)
   * @throws IllegalArgumentException when {@code problems} is empty
   */
  public ProblemException(List<Problem> problems, SourceTexts sources) {
    super(summary(sorted(problems)), null, false, false);
    this.problems = sorted(problems);
    this.sources = requireNonNull(sources, "sources");
  }

  /** An exception for one problem. */
  public ProblemException(Problem problem) {
    this(List.of(problem));
  }

  private static List<Problem> sorted(List<Problem> problems) {
    return problems.stream().sorted(ProblemList.ORDER).toList();
  }

  /**
   * The problems, sorted by file, line, column and code ({@link ProblemList#ORDER}); never null or
   * empty.
   */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * The text of the files the problems point at, for rendering snippets; empty (never null) when
   * the thrower had none, and after deserialisation.
   */
  public SourceTexts sources() {
    return sources == null ? new SourceTexts() : sources;
  }

  /**
   * The same problems with {@code more} texts: those of this exception and {@code more} together.
   *
   * @param more further texts, e.g. everything a loader read; not null
   */
  public ProblemException withSources(SourceTexts more) {
    SourceTexts all = new SourceTexts();
    all.putAll(sources());
    all.putAll(more);
    return new ProblemException(problems, all);
  }

  private static String summary(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ProblemException needs at least one problem");
    }
    Problem first = problems.get(0);
    return problems.size() == 1
        ? first.code() + ": " + first.message()
        : first.code() + ": " + first.message() + " (and " + (problems.size() - 1) + " more)";
  }
}
