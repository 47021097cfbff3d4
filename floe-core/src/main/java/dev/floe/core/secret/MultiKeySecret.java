package dev.floe.core.secret;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The resolved keys of a multi-key secret ({@code static} credentials): key name to {@link Secret}.
 * Its {@link #toString()} names the keys and masks every value; equality is identity. Immutable and
 * thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class MultiKeySecret {
  private final String name;
  private final Map<String, Secret> values;

  /**
   * The keys found for the secret {@code name}.
   *
   * @param name the secret name
   * @param values key (spelt with {@code _}) to value, in the order of the profile's keys
   */
  public MultiKeySecret(String name, Map<String, Secret> values) {
    this.name = requireNonNull(name, "name");
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The secret name. */
  public String name() {
    return name;
  }

  /** The keys present, in the order of the profile's keys. */
  public Set<String> keys() {
    return values.keySet();
  }

  /** The value of {@code key}, when present. */
  public Optional<Secret> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /**
   * The value of {@code key}.
   *
   * @throws IllegalArgumentException when the key is absent (the message names the key only)
   */
  public Secret require(String key) {
    Secret value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException("secret '" + name + "' has no key '" + key + "'");
    }
    return value;
  }

  /** {@code name{key=****, …}}: key names only. */
  @Override
  public String toString() {
    return values.keySet().stream()
        .map(k -> k + "=" + Secret.MASK)
        .collect(Collectors.joining(", ", name + "{", "}"));
  }
}
