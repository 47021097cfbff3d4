package dev.floe.catalog.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.floe.catalog.failure.ConnectionFailureException;
import dev.floe.catalog.failure.TokenFiles;
import dev.floe.core.secret.Secret;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Reads a projected service account token at the moment it is needed, so rotation is seen. */
final class ProjectedToken {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ProjectedToken() {}

  /**
   * The token in {@code file}, surrounding white space removed.
   *
   * @throws ConnectionFailureException of kind {@code NOT_FOUND} when the file is missing, {@code
   *     AUTHENTICATION} when it cannot be read or is empty
   */
  static Secret read(Path file) {
    return TokenFiles.read(file, "service account token");
  }

  /**
   * The {@code exp} claim of {@code token} when it is a JWT with a numeric {@code exp}; empty for
   * anything else. The signature is not checked: the expiry only decides when to read the file
   * again.
   */
  static Optional<Instant> expiry(Secret token) {
    return token.use(ProjectedToken::expiryOf);
  }

  private static Optional<Instant> expiryOf(String jwt) {
    String[] parts = jwt.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
      JsonNode claims = JSON.readTree(payload);
      JsonNode exp = claims == null ? null : claims.get("exp");
      if (exp == null || !exp.isNumber()) {
        return Optional.empty();
      }
      return Optional.of(Instant.ofEpochSecond(exp.asLong()));
    } catch (IllegalArgumentException | IOException e) {
      return Optional.empty();
    }
  }
}
