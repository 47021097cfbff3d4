package dev.floe.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.model.ComputeSettings;
import dev.floe.core.model.Credentials;
import dev.floe.core.model.PlatformSource;
import dev.floe.core.model.SecretRef;
import dev.floe.core.model.StringOrSecret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runtime resolves the secrets of one compiled profile in one call. */
class ProfileSecretsTest {
  private static final Map<String, String> PROD_ENV =
      Map.of(
          "POLARIS_PROD_URI", "https://polaris.prod.internal/api/catalog",
          "POLARIS_PROD_CLIENT_ID", "canary-prod-client-id",
          "POLARIS_PROD_CLIENT_SECRET", "canary-prod-client-secret",
          "SNOWFLAKE_PROD_LOGIN_USER", "floe",
          "SNOWFLAKE_PROD_LOGIN_PASSWORD", "canary-prod-password",
          "PROD_OTLP_ENDPOINT", "https://otel.prod.internal:4318");

  private static SecretResolver resolver(Map<String, String> env) {
    return new SecretResolver(env, Path.of("/nonexistent-secrets-root"), List.of());
  }

  @Test
  void resolvesTheSecretsOfACompiledCatalogInOneCall() {
    CompiledArtifacts prod = Demo.compile("prod", Map.of());

    ProfileSecrets catalog = resolver(PROD_ENV).forCatalog(prod.catalog());

    assertThat(catalog.clientSecret().orElseThrow().reveal())
        .isEqualTo("canary-prod-client-secret");
    assertThat(catalog.clientId().orElseThrow().reveal()).isEqualTo("canary-prod-client-id");
    assertThat(catalog.clientId().orElseThrow().display())
        .isEqualTo("secret_ref:polaris-prod-client-id");
    assertThat(catalog.endpoint().orElseThrow().reveal())
        .isEqualTo("https://polaris.prod.internal/api/catalog");
    assertThat(catalog.endpoint().orElseThrow().display()).isEqualTo("secret_ref:polaris-prod-uri");
    assertThat(catalog.staticSecret()).isEmpty();
    assertThat(catalog.toString()).doesNotContain("canary").contains("secret_ref:polaris-prod-uri");
  }

  @Test
  void resolvesAStaticLoginAndHiddenObservabilityEndpoints() {
    CompiledArtifacts prod = Demo.compile("prod", Map.of());
    SecretResolver resolver = resolver(PROD_ENV);

    ProfileSecrets compute = resolver.forCompute(prod.compute());
    MultiKeySecret login = compute.staticSecret().orElseThrow();

    assertThat(login.require("user").reveal()).isEqualTo("floe");
    assertThat(login.require("password").reveal()).isEqualTo("canary-prod-password");
    assertThat(compute.clientSecret()).isEmpty();
    assertThat(compute.toString()).doesNotContain("canary");
    assertThat(prod.compute().value().settings())
        .isEqualTo(
            new ComputeSettings.Snowflake(
                java.util.Optional.of("acme-prod"),
                java.util.Optional.of("TRANSFORMING"),
                java.util.Optional.of("ANALYTICS"),
                java.util.Optional.of("CUSTOMER"),
                java.util.Optional.of("FLOE_RUNNER")));

    ProblemException missing =
        catchThrowableOfType(
            ProblemException.class, () -> resolver.forObservability(prod.observability()));
    assertThat(missing.problems())
        .extracting(Problem::code, Problem::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "FLOE-C033", java.util.Optional.of("observability.lineage_endpoint")));
  }

  @Test
  void reportsEveryMissingSecretOfAProfileWithTheFieldPathsOfItsRequirements() {
    CompiledArtifacts prod = Demo.compile("prod", Map.of());

    ProblemException e =
        catchThrowableOfType(
            ProblemException.class, () -> resolver(Map.of()).forCatalog(prod.catalog()));

    List<String> fields =
        SecretRequirements.of(prod).stream()
            .map(SecretRequirement::field)
            .filter(f -> f.startsWith("catalogs."))
            .toList();
    assertThat(e.problems())
        .extracting(p -> p.path().orElseThrow())
        .containsExactlyInAnyOrderElementsOf(fields);
    assertThat(fields)
        .containsExactly(
            "catalogs.default.uri",
            "catalogs.default.credentials.client_id",
            "catalogs.default.credentials.client_secret");
    assertThat(e.problems()).allMatch(p -> p.message().startsWith("Cannot resolve secret '"));
  }

  @Test
  void aStorageProfileWithoutSecretsNeedsNoLookup() {
    CompiledArtifacts local = Demo.compile("local", Map.of());

    ProfileSecrets storage = resolver(Map.of()).forStorage(local.storage());
    ProfileSecrets compute = resolver(Map.of()).forCompute(local.compute());

    assertThat(storage.staticSecret()).isEmpty();
    assertThat(storage.endpoint()).isEmpty();
    assertThat(compute.staticSecret()).isEmpty();
    assertThat(local.compute().value().settings()).isInstanceOf(ComputeSettings.DuckDb.class);
    assertThat(local.platformSource())
        .isEqualTo(new PlatformSource.File("platform/local/platform.yaml"));
  }

  @Test
  void resolvesOneSettingThatIsTextOrASecret() {
    SecretResolver resolver = resolver(Map.of("HIDDEN_ENDPOINT", "https://10.0.0.7:9000"));

    ResolvedSetting text =
        resolver.resolve(StringOrSecret.literal("http://minio:9000"), "storage.default.endpoint");
    ResolvedSetting hidden =
        resolver.resolve(
            (StringOrSecret) new SecretRef("hidden-endpoint"), "storage.default.endpoint");

    assertThat(text).isEqualTo(new ResolvedSetting.Text("http://minio:9000"));
    assertThat(text.display()).isEqualTo("http://minio:9000");
    assertThat(hidden.reveal()).isEqualTo("https://10.0.0.7:9000");
    assertThat(hidden.display()).isEqualTo("secret_ref:hidden-endpoint");
    assertThat(hidden.toString()).isEqualTo("secret_ref:hidden-endpoint");
  }

  @Test
  void theCompiledProdStorageAssumesARoleForAnHour() {
    CompiledArtifacts prod = Demo.compile("prod", Map.of());

    Credentials.IamRole role = (Credentials.IamRole) prod.storage().value().credentials();

    assertThat(role.duration()).contains(Duration.ofHours(1));
  }

  @Test
  void platformSourcesReadBackFromTheirWireForm() {
    String digest = "sha256:" + "ab".repeat(32);
    for (PlatformSource source :
        List.of(
            PlatformSource.ENV,
            PlatformSource.BUILTIN_LOCAL,
            new PlatformSource.File("platform/dev/platform.yaml"),
            new PlatformSource.Registry("oci://registry.example.com/acme/platform", digest))) {
      assertThat(PlatformSource.parse(source.wire())).isEqualTo(source);
    }
    assertThat(PlatformSource.ENV.wire()).isEqualTo("env");
    assertThat(PlatformSource.BUILTIN_LOCAL.wire()).isEqualTo("builtin:local");
    assertThat(new PlatformSource.Registry("oci://r.example.com/p", digest).wire())
        .isEqualTo("oci://r.example.com/p@" + digest);
  }
}
