package dev.floe.core.secret;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import dev.floe.core.diag.SourcePosition;
import dev.floe.core.model.SecretRef;
import java.util.Optional;

/**
 * One secret a platform needs at run time: its name, the field that references it and its shape — a
 * single value ({@code {secret_ref: NAME}}) or a multi-key secret ({@code secret_ref: NAME} in a
 * {@code static} credentials block) with the keys its profile kind needs. Holds no value.
 *
 * @param name the secret name; matches {@link SecretRef#NAME_PATTERN}, so it never leaves the
 *     secrets folder
 * @param field the field path that needs it, e.g. {@code
 *     catalogs.default.credentials.client_secret}
 * @param keys the keys of a multi-key secret; empty for a single value
 * @param position where the reference is written, when it was read from a file
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record SecretRequirement(
    String name, String field, Optional<SecretKeys> keys, Optional<SourcePosition> position) {
  public SecretRequirement {
    requireNonNull(name, "name");
    requireNonNull(field, "field");
    requireNonNull(keys, "keys");
    requireNonNull(position, "position");
    if (!SecretRef.NAME_PATTERN.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid secret name");
    }
  }

  /** A single-value secret needed by {@code field}. */
  public static SecretRequirement single(String name, String field) {
    return new SecretRequirement(name, field, Optional.empty(), Optional.empty());
  }

  /** A multi-key secret with {@code keys}, needed by {@code field}. */
  public static SecretRequirement multiKey(String name, String field, SecretKeys keys) {
    return new SecretRequirement(name, field, Optional.of(keys), Optional.empty());
  }

  /** The same requirement, written at {@code where}. */
  public SecretRequirement at(Optional<SourcePosition> where) {
    return new SecretRequirement(name, field, keys, where);
  }

  /** True for a multi-key secret. */
  public boolean isMultiKey() {
    return keys.isPresent();
  }

  /** {@code single} or {@code multi-key}, as shown in reports. */
  public String shape() {
    return keys.isPresent() ? "multi-key" : "single";
  }
}
