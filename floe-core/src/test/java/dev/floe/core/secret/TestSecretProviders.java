package dev.floe.core.secret;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two secret providers registered through {@code META-INF/services} in the test resources, to prove
 * discovery and ordering. They answer only names starting with {@code spi-}, so that no other test
 * meets them.
 */
final class TestSecretProviders {
  /** A value both providers hold, different in each: who answers shows the order. */
  static final String SHARED = "spi-shared";

  static final String ALPHA_SHARED = "canary-alpha-shared-7f3a";
  static final String BETA_SHARED = "canary-beta-shared-91c2";
  static final String BETA_ONLY = "canary-beta-only-44d0";
  static final String BETA_USER = "canary-beta-user-0b1e";
  static final String BETA_PASSWORD = "canary-beta-password-c5a9";

  /** The message of the exception alpha throws for {@code spi-broken}; must never be shown. */
  static final String ALPHA_FAILURE = "canary-alpha-failure-message-e8b7";

  /** Every lookup any instance of either provider answered: proves when nothing asked. */
  static final AtomicInteger LOOKUPS = new AtomicInteger();

  private TestSecretProviders() {}

  /** Holds {@code spi-shared}; fails for {@code spi-broken}; holds an empty {@code spi-empty}. */
  public static final class Alpha implements SecretProvider {
    @Override
    public String name() {
      return "alpha";
    }

    @Override
    public Optional<Secret> lookup(String name, Optional<String> key) {
      LOOKUPS.incrementAndGet();
      if (key.isPresent()) {
        return Optional.empty();
      }
      return switch (name) {
        case SHARED -> Optional.of(Secret.of(ALPHA_SHARED));
        case "spi-empty" -> Optional.of(Secret.of(""));
        case "spi-broken" -> throw new IllegalStateException(ALPHA_FAILURE);
        default -> Optional.empty();
      };
    }

    @Override
    public String location(String name, Optional<String> key) {
      return "kv/floe/" + name;
    }
  }

  /** Holds {@code spi-shared}, {@code spi-beta-only}, {@code spi-broken} and the login keys. */
  public static final class Beta implements SecretProvider {
    private static final Map<String, String> VALUES =
        Map.of(
            SHARED,
            BETA_SHARED,
            "spi-beta-only",
            BETA_ONLY,
            "spi-broken",
            BETA_ONLY,
            "spi-login/user",
            BETA_USER,
            "spi-login/password",
            BETA_PASSWORD);

    @Override
    public String name() {
      return "beta";
    }

    @Override
    public Optional<Secret> lookup(String name, Optional<String> key) {
      LOOKUPS.incrementAndGet();
      String value = VALUES.get(key.map(k -> name + "/" + k).orElse(name));
      return Optional.ofNullable(value).map(Secret::of);
    }
  }
}
