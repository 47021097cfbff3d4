package dev.floe.core.diag;

import dev.floe.core.api.Api;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the problems of one phase so that all are reported at once. Not thread-safe: one
 * collector per phase and thread.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class ProblemList {
  /** Orders problems by file, line and column; problems without a position come first. */
  public static final Comparator<Problem> ORDER =
      Comparator.comparing((Problem p) -> p.file().orElse(""))
          .thenComparingInt(p -> p.position().map(SourcePosition::line).orElse(0))
          .thenComparingInt(p -> p.position().map(SourcePosition::column).orElse(0))
          .thenComparing(Problem::code)
          .thenComparing(Problem::message);

  private final List<Problem> problems = new ArrayList<>();

  /** Adds one problem. */
  public void add(Problem problem) {
    problems.add(problem);
  }

  /** Adds every problem given. */
  public void addAll(List<Problem> more) {
    problems.addAll(more);
  }

  /** True when at least one error was collected. */
  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }

  /** The number of errors collected. */
  public int errorCount() {
    return (int) problems.stream().filter(Problem::isError).count();
  }

  /** The number of problems collected. */
  public int size() {
    return problems.size();
  }

  /** The problems collected so far, sorted by file, line and column, without duplicates. */
  public List<Problem> sorted() {
    return problems.stream().distinct().sorted(ORDER).toList();
  }

  /** Throws {@link ProblemException} when any error was collected. */
  public void throwIfErrors() {
    if (hasErrors()) {
      throw new ProblemException(sorted());
    }
  }
}
