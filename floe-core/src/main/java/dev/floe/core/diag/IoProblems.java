package dev.floe.core.diag;

import dev.floe.core.api.Api;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Says in plain words why a file operation failed, instead of naming a Java exception. */
@Api(status = Api.Status.EXPERIMENTAL)
public final class IoProblems {
  private IoProblems() {}

  /** "permission denied", "a file is in the way of a folder", … */
  public static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "a folder on the way does not exist";
    }
    if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
      return "a file is in the way where a folder is needed";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "a folder is in the way where a file is needed";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    return "the file system refused (" + e.getClass().getSimpleName() + ")";
  }
}
