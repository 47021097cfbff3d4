package dev.floe.core.secret;

import dev.floe.core.api.Api;
import java.util.Optional;

/**
 * A further place to look secrets up — Vault, a cloud secret manager — consulted after the
 * environment and the mounted files. Implementations are found with {@link
 * java.util.ServiceLoader}: list the class in {@code
 * META-INF/services/dev.floe.core.secret.SecretProvider} of a jar on the class path. {@code
 * FLOE_SECRET_PROVIDERS} chooses which installed providers are used and in which order ({@link
 * SecretProviders}).
 *
 * <p>Implementations must be thread-safe, must have a public no-argument constructor, must never
 * log, print or put a value into an exception message, and should read their own configuration
 * (address, role) from their own environment variables. An exception thrown by {@link #lookup} is
 * recorded by class name only and the search goes on.
 */
@Api(status = Api.Status.STABLE)
public interface SecretProvider {
  /**
   * The provider's name as written in {@code FLOE_SECRET_PROVIDERS}: lower-case letters, digits and
   * {@code -}, e.g. {@code vault}, {@code aws}. Unique among installed providers.
   */
  String name();

  /**
   * Looks up a value.
   *
   * @param name the secret name; already checked to match {@code ^[a-zA-Z0-9][a-zA-Z0-9_-]*$}
   * @param key for a multi-key secret, the key wanted, spelt with {@code _} ({@code
   *     secret_access_key}); empty for a single value
   * @return the value, or empty when this provider does not hold it; an empty value counts as
   *     absent
   */
  Optional<Secret> lookup(String name, Optional<String> key);

  /**
   * Where this provider looks for {@code name} (and {@code key}), as shown in "tried" lists: a path
   * in the provider's own terms, never a value. By default {@code name} or {@code name/key}.
   */
  default String location(String name, Optional<String> key) {
    return key.map(k -> name + "/" + k).orElse(name);
  }
}
