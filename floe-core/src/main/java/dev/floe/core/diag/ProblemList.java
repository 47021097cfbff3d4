package dev.floe.core.diag;

import dev.floe.core.api.Api;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Collects the problems of one phase so that all are reported at once. Not thread-safe: one
 * collector per phase and thread.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class ProblemList {
  /** Orders problems by file, line and column; problems without a position come first. */
  public static final Comparator<Problem> ORDER = new ByPlace();

  /**
   * {@link #ORDER}, written out: a chain of {@code Comparator.comparing} lambdas costs an
   * invokedynamic link each on a cold JVM, paid by every command before it reads a file.
   */
  private static final class ByPlace implements Comparator<Problem> {
    @Override
    public int compare(Problem a, Problem b) {
      int c = a.file().orElse("").compareTo(b.file().orElse(""));
      if (c != 0) {
        return c;
      }
      c = Integer.compare(line(a), line(b));
      if (c != 0) {
        return c;
      }
      c = Integer.compare(column(a), column(b));
      if (c != 0) {
        return c;
      }
      c = a.code().compareTo(b.code());
      return c != 0 ? c : a.message().compareTo(b.message());
    }

    private static int line(Problem p) {
      return p.position().isPresent() ? p.position().get().line() : 0;
    }

    private static int column(Problem p) {
      return p.position().isPresent() ? p.position().get().column() : 0;
    }
  }

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
    for (Problem p : problems) {
      if (p.isError()) {
        return true;
      }
    }
    return false;
  }

  /** The number of errors collected. */
  public int errorCount() {
    int errors = 0;
    for (Problem p : problems) {
      if (p.isError()) {
        errors++;
      }
    }
    return errors;
  }

  /** The number of problems collected. */
  public int size() {
    return problems.size();
  }

  /** The problems collected so far, sorted by file, line and column, without duplicates. */
  public List<Problem> sorted() {
    // distinct() keeps the first of equal problems, and the sort is stable: so do these.
    List<Problem> sorted = new ArrayList<>(new LinkedHashSet<>(problems));
    sorted.sort(ORDER);
    return Collections.unmodifiableList(sorted);
  }

  /** Throws {@link ProblemException} when any error was collected. */
  public void throwIfErrors() {
    if (hasErrors()) {
      throw new ProblemException(sorted());
    }
  }
}
