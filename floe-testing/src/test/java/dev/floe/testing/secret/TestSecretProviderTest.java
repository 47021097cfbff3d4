package dev.floe.testing.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.model.SecretRef;
import dev.floe.core.secret.SecretLookup;
import dev.floe.core.secret.SecretRequirement;
import dev.floe.core.secret.SecretResolver;
import dev.floe.testing.SecretCanaries;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSecretProviderTest {
  @TempDir Path secrets;

  private final SecretCanaries canaries = SecretCanaries.withSeed(7);

  @Test
  void answersWhatItHoldsAndRecordsEveryLookup() {
    String value = canaries.next();
    String key = canaries.next();
    TestSecretProvider vault =
        TestSecretProvider.builder("vault")
            .secret("polaris-client-secret", value)
            .secret("minio", "secret_access_key", key)
            .build();

    assertThat(vault.name()).isEqualTo("vault");
    assertThat(vault.lookup("polaris-client-secret", Optional.empty())).isPresent();
    assertThat(vault.lookup("minio", Optional.of("secret_access_key"))).isPresent();
    assertThat(vault.lookup("minio", Optional.empty())).isEmpty();
    assertThat(vault.lookups())
        .containsExactly("polaris-client-secret", "minio/secret_access_key", "minio");
    assertThat(vault.lookupCount()).isEqualTo(3);
    vault.clearLookups();
    assertThat(vault.lookups()).isEmpty();
    canaries.assertAbsentFrom(vault.toString());
  }

  @Test
  void isAskedByTheResolverAfterTheEnvironmentAndTheFiles() {
    String value = canaries.next();
    TestSecretProvider vault =
        TestSecretProvider.builder("vault")
            .secret("polaris-client-secret", value)
            .locationPrefix("kv/floe/")
            .build();
    SecretResolver resolver = new SecretResolver(Map.of(), secrets, List.of(vault));

    String resolved =
        resolver
            .resolve(new SecretRef("polaris-client-secret"), "catalogs.default.client_secret")
            .reveal();

    assertThat(resolved).isEqualTo(value);
    assertThat(resolver.providerNames()).containsExactly("vault");
    SecretLookup missing =
        resolver.lookup(SecretRequirement.single("other", "catalogs.default.client_id"));
    assertThat(missing.isFound()).isFalse();
    assertThat(missing.tried()).anyMatch(l -> l.display().equals("provider vault:kv/floe/other"));
  }

  @Test
  void aFailingSecretThrowsWithoutAValue() {
    TestSecretProvider vault = TestSecretProvider.builder("vault").failing("broken").build();

    assertThatThrownBy(() -> vault.lookup("broken", Optional.empty()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(TestSecretProvider.FAILURE);
    assertThat(vault.lookupCount()).isEqualTo(1);
  }

  @Test
  void refusesANameFloeSecretProvidersCannotWrite() {
    assertThatThrownBy(() -> TestSecretProvider.builder("Vault!"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
