package dev.floe.testing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Pattern;

/**
 * Temporary folders as the servers of this module use them: created under {@code java.io.tmpdir}
 * and deleted with everything in them.
 *
 * <p>Tests may use it for their own folders too. All methods are safe for use by several threads on
 * different folders.
 */
public final class TemporaryFolders {

  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]{1,40}");

  private TemporaryFolders() {}

  /**
   * Creates a new, empty folder under the system's temporary folder.
   *
   * @param prefix the start of the folder's name: 1 to 40 letters, digits, {@code .}, {@code _} or
   *     {@code -}
   * @return the absolute path of the new folder; the caller owns it and deletes it
   * @throws IllegalArgumentException if the prefix has other characters
   * @throws UncheckedIOException if the folder cannot be created
   */
  public static Path create(String prefix) {
    requireNonNull(prefix, "prefix");
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("prefix must match " + PREFIX + ": " + prefix);
    }
    try {
      return Files.createTempDirectory(prefix).toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder", e);
    }
  }

  /**
   * Deletes a folder and everything in it; symbolic links are deleted, not followed. A folder that
   * does not exist is fine.
   *
   * @param folder the folder to delete; not {@code null}
   * @throws UncheckedIOException if something in the folder cannot be deleted
   */
  public static void delete(Path folder) {
    requireNonNull(folder, "folder");
    if (!Files.exists(folder)) {
      return;
    }
    try {
      Files.walkFileTree(
          folder,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
              if (e instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;
              }
              throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              if (e != null) {
                throw e;
              }
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + folder, e);
    }
  }
}
