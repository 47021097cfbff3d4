package dev.floe.catalog.aws;

import dev.floe.catalog.failure.ConnectionFailureException;
import dev.floe.catalog.failure.FailureKind;
import dev.floe.core.secret.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a web identity token file at the moment it is needed, so a rotated token is used. */
final class WebIdentityToken {
  private WebIdentityToken() {}

  /**
   * The token in {@code file}, surrounding white space removed.
   *
   * @throws ConnectionFailureException of kind {@code NOT_FOUND} when the file is missing, {@code
   *     AUTHENTICATION} when it cannot be read or is empty
   */
  static Secret read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      FailureKind kind = FailureKind.of(e).orElse(FailureKind.AUTHENTICATION);
      throw new ConnectionFailureException(
          kind,
          file.toString(),
          "cannot read the web identity token file "
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
          "the web identity token file " + file + " is empty",
          null);
    }
    return Secret.of(token);
  }
}
