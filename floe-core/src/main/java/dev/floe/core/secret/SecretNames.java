package dev.floe.core.secret;

import dev.floe.core.api.Api;
import dev.floe.core.model.SecretRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a secret name maps to the places it is looked up (spec/config.md, "Secret references"):
 *
 * <ul>
 *   <li>environment variable of a single value: the name upper-cased with {@code -} as {@code _}
 *       ({@code polaris-client-secret} → {@code POLARIS_CLIENT_SECRET});
 *   <li>of one key of a multi-key secret: {@code NAME_KEY} ({@code minio-credentials} + {@code
 *       secret_access_key} → {@code MINIO_CREDENTIALS_SECRET_ACCESS_KEY});
 *   <li>mounted file of a single value: {@code <root>/<name>};
 *   <li>of one key: the Kubernetes Secret volume layout {@code <root>/<name>/<key>}, the key spelt
 *       with {@code _} or with {@code -}.
 * </ul>
 *
 * Names are checked against {@link SecretRef#NAME_PATTERN} and keys against {@code [a-z0-9_-]+}, so
 * that no path leaves the secrets root. Stateless.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class SecretNames {
  private static final Pattern KEY = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,252}$");

  private SecretNames() {}

  /** The environment variable of the single-value secret {@code name}. */
  public static String variable(String name) {
    return upperSnake(checkName(name));
  }

  /** The environment variable of {@code key} of the multi-key secret {@code name}. */
  public static String variable(String name, String key) {
    return variable(name) + "_" + upperSnake(checkKey(key));
  }

  /** The file of the single-value secret {@code name} under {@code root}. */
  public static Path file(Path root, String name) {
    return root.resolve(checkName(name));
  }

  /** The folder of the multi-key secret {@code name} under {@code root}: one file per key. */
  public static Path folder(Path root, String name) {
    return root.resolve(checkName(name));
  }

  /**
   * The files that may hold {@code key} of the multi-key secret {@code name}: the key spelt with
   * {@code _} first, then with {@code -} (only one when the key has neither).
   */
  public static List<Path> files(Path root, String name, String key) {
    Path folder = folder(root, name);
    return keySpellings(key).stream().map(folder::resolve).toList();
  }

  /** {@code key} spelt with {@code _} and with {@code -}, without repeats. */
  public static List<String> keySpellings(String key) {
    checkKey(key);
    String underscores = key.replace('-', '_');
    String hyphens = key.replace('_', '-');
    return underscores.equals(hyphens) ? List.of(underscores) : List.of(underscores, hyphens);
  }

  private static String upperSnake(String text) {
    return text.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  private static String checkName(String name) {
    if (!SecretRef.NAME_PATTERN.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid secret name");
    }
    return name;
  }

  private static String checkKey(String key) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("invalid secret key");
    }
    return key;
  }
}
