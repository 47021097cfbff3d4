package dev.floe.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.model.SecretRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Provider discovery through {@link java.util.ServiceLoader}: the two test providers are listed in
 * {@code src/test/resources/META-INF/services/dev.floe.core.secret.SecretProvider} (beta first),
 * and {@code FLOE_SECRET_PROVIDERS} chooses and orders them.
 */
class SecretProvidersTest {
  @Test
  void discoversTheRegisteredProvidersOrderedByNameByDefault() {
    List<SecretProvider> providers = SecretProviders.discover(Map.of());

    assertThat(providers).extracting(SecretProvider::name).containsExactly("alpha", "beta");
  }

  @Test
  void floeSecretProvidersChoosesAndOrders() {
    assertThat(SecretProviders.discover(Map.of("FLOE_SECRET_PROVIDERS", "beta,alpha")))
        .extracting(SecretProvider::name)
        .containsExactly("beta", "alpha");
    assertThat(SecretProviders.discover(Map.of("FLOE_SECRET_PROVIDERS", " beta , beta ")))
        .extracting(SecretProvider::name)
        .containsExactly("beta");
    assertThat(SecretProviders.discover(Map.of("FLOE_SECRET_PROVIDERS", "none"))).isEmpty();
    assertThat(SecretProviders.discover(Map.of("FLOE_SECRET_PROVIDERS", "")))
        .extracting(SecretProvider::name)
        .containsExactly("alpha", "beta");
  }

  @Test
  void theConfiguredOrderDecidesWhichProviderAnswers() {
    Path nowhere = Path.of("/nonexistent-floe-secrets-root");

    SecretResolver alphaFirst =
        SecretResolver.fromEnvironment(
            Map.of("FLOE_SECRETS_DIR", nowhere.toString()), Path.of("/"));
    SecretResolver betaFirst =
        SecretResolver.fromEnvironment(
            Map.of("FLOE_SECRETS_DIR", nowhere.toString(), "FLOE_SECRET_PROVIDERS", "beta,alpha"),
            Path.of("/"));
    SecretResolver betaOnly =
        SecretResolver.fromEnvironment(
            Map.of("FLOE_SECRETS_DIR", nowhere.toString(), "FLOE_SECRET_PROVIDERS", "beta"),
            Path.of("/"));

    SecretRef shared = new SecretRef(TestSecretProviders.SHARED);
    assertThat(alphaFirst.resolve(shared, "f").reveal())
        .isEqualTo(TestSecretProviders.ALPHA_SHARED);
    assertThat(betaFirst.resolve(shared, "f").reveal()).isEqualTo(TestSecretProviders.BETA_SHARED);
    assertThat(betaOnly.lookup(SecretRequirement.single("spi-empty", "f")).tried())
        .extracting(SecretLocation::display)
        .containsExactly(
            "env SPI_EMPTY", "file " + nowhere.resolve("spi-empty"), "provider beta:spi-empty");
  }

  @Test
  void anUnknownProviderNameIsAnErrorWithTheInstalledOnesAndASuggestion() {
    ProblemException e =
        catchThrowableOfType(
            ProblemException.class,
            () -> SecretProviders.discover(Map.of("FLOE_SECRET_PROVIDERS", "alpha,betta")));

    Problem problem = e.problems().get(0);
    assertThat(e.problems()).hasSize(1);
    assertThat(problem.code()).isEqualTo("FLOE-E054");
    assertThat(problem.message())
        .isEqualTo(
            "FLOE_SECRET_PROVIDERS names the secret provider 'betta', which is not installed;"
                + " installed: alpha, beta");
    assertThat(problem.choices()).containsExactly("alpha", "beta");
    assertThat(problem.suggestion()).contains("beta");
  }
}
