package dev.floe.core.diag;

import java.util.List;

/**
 * Carries the problems that stopped an operation. Its message is a summary; the problems are the
 * data to render. Never holds a secret value.
 */
public final class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /** An exception for the given problems (at least one). */
  public ProblemException(List<Problem> problems) {
    super(summary(problems), null, false, false);
    this.problems = List.copyOf(problems);
  }

  /** An exception for one problem. */
  public ProblemException(Problem problem) {
    this(List.of(problem));
  }

  /** The problems, sorted by position. */
  public List<Problem> problems() {
    return problems;
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
