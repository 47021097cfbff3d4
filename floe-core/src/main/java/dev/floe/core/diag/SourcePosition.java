package dev.floe.core.diag;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;

/**
 * A place in a source file: the file as shown to the user, a 1-based line and column, and the
 * length of the token there (at least 1) for the caret underline.
 *
 * @param file the file as displayed (relative to the working folder when below it)
 * @param line 1-based line
 * @param column 1-based column
 * @param length characters to underline, at least 1
 */
@Api(status = Api.Status.STABLE)
public record SourcePosition(String file, int line, int column, int length) {
  public SourcePosition {
    requireNonNull(file, "file");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based");
    }
    length = Math.max(1, length);
  }

  /** A position with a one-character underline. */
  public static SourcePosition of(String file, int line, int column) {
    return new SourcePosition(file, line, column, 1);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
