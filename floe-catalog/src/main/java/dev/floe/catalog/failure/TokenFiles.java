package dev.floe.catalog.failure;

import dev.floe.core.secret.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a mounted token file (a web identity token, a projected service account token) at the
 * moment it is needed, so that a rotated token is used. Shared by the credential modes of
 * floe-catalog; not API. Stateless and thread-safe.
 */
public final class TokenFiles {
  private TokenFiles() {}

  /**
   * The token in {@code file}, surrounding white space removed.
   *
   * @param file the token file; not null
   * @param what what the file holds, for messages, e.g. {@code web identity token}; not null
   * @throws ConnectionFailureException of kind {@code NOT_FOUND} when the file is missing, {@code
   *     AUTHENTICATION} when it cannot be read or is empty; never with the token
   */
  public static Secret read(Path file, String what) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      FailureKind kind = FailureKind.of(e).orElse(FailureKind.AUTHENTICATION);
      throw new ConnectionFailureException(
          kind,
          file.toString(),
          "cannot read the "
              + what
              + " file "
              + file
              + (kind == FailureKind.NOT_FOUND
                  ? ": it does not exist (is the projected service account token mounted?)"
                  : ": " + e.getClass().getSimpleName()),
          e);
    }
    String token = text.strip();
    if (token.isEmpty()) {
      throw new ConnectionFailureException(
          FailureKind.AUTHENTICATION,
          file.toString(),
          "the " + what + " file " + file + " is empty",
          null);
    }
    return Secret.of(token);
  }
}
