package dev.floe.cli;

import dev.floe.core.diag.Code;
import dev.floe.core.diag.IoProblems;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.SourcePaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes the files commands produce, whole or not at all. */
final class Outputs {
  private Outputs() {}

  /**
   * Writes {@code text} to {@code file} atomically: a temporary file in the same folder, then a
   * rename, so that a reader never sees a partial file. Creates the folder when needed.
   *
   * @throws ProblemException {@code FLOE-E053} in plain words when the file cannot be written
   */
  static Path write(Path file, String text, Terminal terminal) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      try {
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        try {
          Files.move(
              temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
      return file;
    } catch (IOException e) {
      String shown = SourcePaths.display(file, terminal.workDir());
      throw new ProblemException(
          Problem.error(Code.E053, "Cannot write " + shown + ": " + IoProblems.describe(e))
              .file(shown)
              .hint("check that the output folder is writable, or choose another with -o DIR")
              .build());
    }
  }
}
