package dev.floe.core.secret;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import dev.floe.core.model.CatalogType;
import dev.floe.core.model.ComputeType;
import dev.floe.core.model.StorageType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The keys a multi-key ({@code static}) secret must hold for one kind of profile (spec: "keys of a
 * static secret"): one of several alternative sets of required keys, plus optional keys. Key names
 * are written with {@code _}; mounted files may spell them with {@code -} as well.
 *
 * <ul>
 *   <li>storage s3: {@code access_key_id} and {@code secret_access_key}, optional {@code
 *       session_token};
 *   <li>storage gcs: {@code service_account_json}; storage azure: {@code account_key};
 *   <li>catalog: {@code token} (a bearer token) or {@code credential} ({@code id:secret});
 *   <li>compute: {@code user} and {@code password}.
 * </ul>
 *
 * @param profile the kind of profile, as shown in messages ({@code storage s3}, {@code catalog})
 * @param alternatives sets of required keys; the secret is complete when one set is all present
 * @param optional keys read when present
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record SecretKeys(String profile, List<List<String>> alternatives, List<String> optional) {
  public SecretKeys {
    requireNonNull(profile, "profile");
    alternatives = alternatives.stream().map(List::copyOf).toList();
    optional = List.copyOf(optional);
    if (alternatives.isEmpty() || alternatives.stream().anyMatch(List::isEmpty)) {
      throw new IllegalArgumentException("a multi-key secret needs at least one required key");
    }
  }

  /** The keys of a static storage secret of {@code type}. */
  public static SecretKeys storage(StorageType type) {
    String profile = "storage " + type.wire();
    return switch (type) {
      case S3 ->
          new SecretKeys(
              profile,
              List.of(List.of("access_key_id", "secret_access_key")),
              List.of("session_token"));
      case GCS -> new SecretKeys(profile, List.of(List.of("service_account_json")), List.of());
      case AZURE -> new SecretKeys(profile, List.of(List.of("account_key")), List.of());
      // local storage takes no credentials; should one be named, the S3 keys are the closest.
      case LOCAL ->
          new SecretKeys(
              profile,
              List.of(List.of("access_key_id", "secret_access_key")),
              List.of("session_token"));
    };
  }

  /** The keys of a static catalog secret: a bearer token, or an Iceberg REST credential. */
  public static SecretKeys catalog(CatalogType type) {
    return new SecretKeys(
        "catalog " + type.wire(), List.of(List.of("token"), List.of("credential")), List.of());
  }

  /** The keys of a static compute secret: a login. */
  public static SecretKeys compute(ComputeType type) {
    return new SecretKeys(
        "compute " + type.wire(), List.of(List.of("user", "password")), List.of());
  }

  /** Every required key of every alternative, in order, without repeats. */
  public List<String> required() {
    LinkedHashSet<String> keys = new LinkedHashSet<>();
    alternatives.forEach(keys::addAll);
    return List.copyOf(keys);
  }

  /** Every key, required then optional. */
  public List<String> all() {
    List<String> keys = new ArrayList<>(required());
    optional.stream().filter(k -> !keys.contains(k)).forEach(keys::add);
    return List.copyOf(keys);
  }

  /**
   * The keys in words: {@code access_key_id and secret_access_key (optional session_token)}, {@code
   * token or credential}.
   */
  public String describe() {
    String required =
        alternatives.stream().map(SecretKeys::and).collect(Collectors.joining(" or "));
    return optional.isEmpty() ? required : required + " (optional " + and(optional) + ")";
  }

  private static String and(List<String> keys) {
    if (keys.size() == 1) {
      return keys.get(0);
    }
    return String.join(", ", keys.subList(0, keys.size() - 1))
        + " and "
        + keys.get(keys.size() - 1);
  }
}
