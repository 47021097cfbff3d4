package dev.floe.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.compile.ArtifactJson;
import dev.floe.core.compile.CompiledArtifacts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Loading and compiling never resolve a secret (spec/config.md: "at runtime only"): the demo's
 * platforms compile with every secret missing, and with every secret present as a canary the
 * artifact still holds names only.
 */
class SecretsNeverResolvedWhileCompilingTest {
  @ParameterizedTest
  @ValueSource(strings = {"prod", "dev", "staging"})
  void compilesWithEverySecretMissing(String environment) {
    Map<String, String> empty = Map.of();
    SecretResolver nothing =
        new SecretResolver(empty, java.nio.file.Path.of("/nonexistent-floe-secrets"), List.of());
    List<SecretRequirement> requirements = SecretRequirements.of(Demo.platform(environment, empty));

    CompiledArtifacts artifacts = Demo.compile(environment, empty);

    assertThat(requirements).as("the environment references secrets").isNotEmpty();
    assertThat(nothing.lookupAll(requirements)).noneMatch(SecretLookup::isFound);
    assertThat(artifacts.environment()).isEqualTo(environment);
  }

  /**
   * A resolver would fail to even start with this environment (an unknown provider is FLOE-E054)
   * and the installed test providers count every lookup: compiling builds no resolver and asks no
   * provider.
   */
  @ParameterizedTest
  @ValueSource(strings = {"prod", "dev", "staging"})
  void compilingBuildsNoResolverAndAsksNoProvider(String environment) {
    Map<String, String> env =
        Map.of(
            "FLOE_SECRET_PROVIDERS", "not-installed",
            "FLOE_SECRETS_DIR", "/nonexistent-floe-secrets");
    int before = TestSecretProviders.LOOKUPS.get();

    CompiledArtifacts artifacts = Demo.compile(environment, env);

    assertThat(artifacts.environment()).isEqualTo(environment);
    assertThat(TestSecretProviders.LOOKUPS.get()).isEqualTo(before);
    assertThatThrownBy(() -> SecretResolver.fromEnvironment(env, java.nio.file.Path.of("/")))
        .isInstanceOf(dev.floe.core.diag.ProblemException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"prod", "dev", "staging"})
  void theArtifactHoldsNamesEvenWhenEverySecretIsSet(String environment) {
    Map<String, String> env = new HashMap<>();
    for (SecretRequirement r : SecretRequirements.of(Demo.platform(environment, Map.of()))) {
      if (r.keys().isPresent()) {
        for (String key : r.keys().get().all()) {
          env.put(SecretNames.variable(r.name(), key), "canary-" + r.name() + "-" + key);
        }
      } else {
        env.put(SecretNames.variable(r.name()), "canary-" + r.name());
      }
    }

    String json = ArtifactJson.write(Demo.compile(environment, env));

    assertThat(json).doesNotContain("canary-");
    for (SecretRequirement r : SecretRequirements.of(Demo.platform(environment, Map.of()))) {
      assertThat(json).contains(r.name());
    }
  }
}
