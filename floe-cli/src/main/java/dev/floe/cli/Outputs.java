package dev.floe.cli;

import dev.floe.core.diag.Code;
import dev.floe.core.diag.IoProblems;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.SourcePaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the files commands produce, whole or not at all, with the permissions any new file gets
 * (the umask decides): CompiledArtifacts, schemas and scan baselines hold no secret by design and
 * are meant to be shared, so nothing here forces them private.
 */
final class Outputs {
  private static final AtomicLong COUNTER = new AtomicLong();

  private Outputs() {}

  /**
   * A new empty file beside the target. Unlike {@link Files#createTempFile}, which makes it 0600
   * whatever the umask, a plain exclusive create gives it the default permissions.
   */
  private static Path newTempFile(Path dir, String name) throws IOException {
    while (true) {
      Path temp =
          dir.resolve(
              "."
                  + name
                  + "."
                  + ProcessHandle.current().pid()
                  + "-"
                  + COUNTER.incrementAndGet()
                  + ".tmp");
      try {
        Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        return temp;
      } catch (FileAlreadyExistsException e) {
        // a leftover of a crashed run with the same pid: try the next name
      }
    }
  }

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
      Path temp = newTempFile(dir, file.getFileName().toString());
      try {
        Files.writeString(temp, text, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
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
