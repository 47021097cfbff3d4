package dev.floe.cli;

/** The exit codes of every command (spec/diagnostics.md). */
final class ExitCodes {
  /** Success, warnings allowed. */
  static final int OK = 0;

  /** The user's input has problems. */
  static final int INPUT = 1;

  /** Bad command line. */
  static final int USAGE = 2;

  /** The environment failed at run time. */
  static final int ENVIRONMENT = 3;

  /** A bug in floe. */
  static final int INTERNAL = 70;

  private ExitCodes() {}
}
