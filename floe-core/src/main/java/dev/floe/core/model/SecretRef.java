package dev.floe.core.model;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import java.util.regex.Pattern;

/**
 * The name of a secret that is resolved only at run time. The name is not sensitive; the value it
 * names never enters the configuration model.
 *
 * @param name a secret name matching {@link #NAME_PATTERN}
 */
@Api(status = Api.Status.STABLE)
public record SecretRef(String name) implements StringOrSecret {
  /** Secret names: no dots and no slashes, so nothing can escape the secrets folder. */
  public static final Pattern NAME_PATTERN = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_-]{0,252}$");

  public SecretRef {
    requireNonNull(name, "name");
    if (!NAME_PATTERN.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid secret name");
    }
  }
}
