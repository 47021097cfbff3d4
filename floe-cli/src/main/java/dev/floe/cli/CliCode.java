package dev.floe.cli;

import dev.floe.core.diag.ProblemCode;
import dev.floe.core.diag.ProblemCodes;
import java.util.List;

/**
 * The problem codes floe-cli owns (letter {@code L}, docs/errors.md): a bad command line. Found by
 * {@link ProblemCodes#installed()} through {@link Provider}.
 */
enum CliCode implements ProblemCode {
  L001("bad command line"),
  L002("observability endpoint unreachable");

  private final String title;

  CliCode(String title) {
    this.title = title;
  }

  @Override
  public String id() {
    return "FLOE-" + name();
  }

  @Override
  public String title() {
    return title;
  }

  /** Registers floe-cli's codes with {@link java.util.ServiceLoader}. */
  public static final class Provider implements ProblemCodes {
    /** Called by {@link java.util.ServiceLoader}. */
    public Provider() {}

    @Override
    public String module() {
      return "floe-cli";
    }

    @Override
    public List<ProblemCode> codes() {
      return List.of(CliCode.values());
    }
  }
}
