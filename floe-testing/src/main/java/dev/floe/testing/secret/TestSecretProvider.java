package dev.floe.testing.secret;

import static java.util.Objects.requireNonNull;

import dev.floe.core.secret.Secret;
import dev.floe.core.secret.SecretProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A real {@link SecretProvider} holding the values a test gives it, standing in for Vault or a
 * cloud secret manager: pass it to {@code new SecretResolver(env, secretsRoot, List.of(provider))}
 * and it is asked after the environment and the mounted files, exactly like an installed one.
 *
 * <pre>{@code
 * TestSecretProvider vault =
 *     TestSecretProvider.builder("vault")
 *         .secret("polaris-client-secret", canaries.next())
 *         .secret("minio-credentials", "access_key_id", canaries.next())
 *         .failing("broken")
 *         .build();
 * SecretResolver resolver = new SecretResolver(Map.of(), secretsDir, List.of(vault));
 * … resolve …
 * assertThat(vault.lookups()).containsExactly("polaris-client-secret");
 * }</pre>
 *
 * <p>It is not registered for {@link java.util.ServiceLoader} (a test class path would then change
 * every resolver); a test that proves discovery registers its own class. It records the names it
 * was asked for, never a value; {@link #toString()} shows no value. Instances are immutable apart
 * from that record and safe for use by several threads. Arguments must not be {@code null}.
 */
public final class TestSecretProvider implements SecretProvider {

  /** The message of the exception a failing secret throws; it names the secret, never a value. */
  public static final String FAILURE = "test secret provider failure";

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private final String name;
  private final String locationPrefix;
  private final Map<String, String> values;
  private final Set<String> failing;
  private final List<String> lookups = new ArrayList<>();

  private TestSecretProvider(Builder builder) {
    this.name = builder.name;
    this.locationPrefix = builder.locationPrefix;
    this.values = Map.copyOf(builder.values);
    this.failing = Set.copyOf(builder.failing);
  }

  /**
   * Starts a provider.
   *
   * @param name its name as {@code FLOE_SECRET_PROVIDERS} would write it: lower-case letters,
   *     digits and {@code -}
   * @return a builder holding no secret
   * @throws IllegalArgumentException if the name has other characters
   */
  public static Builder builder(String name) {
    requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a provider name must match " + NAME + ": " + name);
    }
    return new Builder(name);
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * Looks a value up and records that it was asked for.
   *
   * @throws IllegalStateException with the message {@value #FAILURE} for a secret made {@link
   *     Builder#failing failing}
   */
  @Override
  public Optional<Secret> lookup(String name, Optional<String> key) {
    String id = id(name, key);
    synchronized (lookups) {
      lookups.add(id);
    }
    if (failing.contains(name)) {
      throw new IllegalStateException(FAILURE);
    }
    return Optional.ofNullable(values.get(id)).map(Secret::of);
  }

  @Override
  public String location(String name, Optional<String> key) {
    return locationPrefix + id(name, key);
  }

  /**
   * Returns what this provider was asked for, in order: {@code name}, or {@code name/key} for a key
   * of a multi-key secret.
   *
   * @return an immutable snapshot
   */
  public List<String> lookups() {
    synchronized (lookups) {
      return List.copyOf(lookups);
    }
  }

  /**
   * Returns how many lookups this provider answered or failed.
   *
   * @return the number of calls of {@link #lookup} so far
   */
  public int lookupCount() {
    synchronized (lookups) {
      return lookups.size();
    }
  }

  /** Forgets the lookups so far. */
  public void clearLookups() {
    synchronized (lookups) {
      lookups.clear();
    }
  }

  @Override
  public String toString() {
    return "TestSecretProvider["
        + name
        + ", "
        + values.size()
        + (values.size() == 1 ? " value" : " values")
        + "]";
  }

  private static String id(String name, Optional<String> key) {
    return key.map(k -> name + "/" + k).orElse(name);
  }

  /** Builds a {@link TestSecretProvider}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private String locationPrefix;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> failing = new LinkedHashSet<>();

    private Builder(String name) {
      this.name = name;
      this.locationPrefix = "";
    }

    /**
     * Holds a single-value secret.
     *
     * @param secret the secret's name, as in {@code {secret_ref: NAME}}
     * @param value its value; an empty value counts as absent, as for every provider
     * @return this builder
     */
    public Builder secret(String secret, String value) {
      values.put(requireNonNull(secret, "secret"), requireNonNull(value, "value"));
      return this;
    }

    /**
     * Holds one key of a multi-key secret.
     *
     * @param secret the secret's name
     * @param key the key, spelt with {@code _} as resolvers ask for it ({@code secret_access_key})
     * @param value its value
     * @return this builder
     */
    public Builder secret(String secret, String key, String value) {
      requireNonNull(secret, "secret");
      requireNonNull(key, "key");
      values.put(secret + "/" + key, requireNonNull(value, "value"));
      return this;
    }

    /**
     * Makes every lookup of a secret (any key) throw, as a provider whose back end is down does.
     *
     * @param secret the secret's name
     * @return this builder
     */
    public Builder failing(String secret) {
      failing.add(requireNonNull(secret, "secret"));
      return this;
    }

    /**
     * Sets what {@link TestSecretProvider#location} puts before {@code name} or {@code name/key};
     * "tried" lists show the provider's name, {@code :} and the location ({@code
     * vault:kv/floe/NAME}).
     *
     * @param prefix for example {@code kv/floe/}; empty by default
     * @return this builder
     */
    public Builder locationPrefix(String prefix) {
      this.locationPrefix = requireNonNull(prefix, "prefix");
      return this;
    }

    /**
     * Builds the provider.
     *
     * @return a provider holding the secrets given so far
     */
    public TestSecretProvider build() {
      return new TestSecretProvider(this);
    }
  }
}
