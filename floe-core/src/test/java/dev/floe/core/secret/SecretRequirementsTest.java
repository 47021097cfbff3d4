package dev.floe.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.floe.core.diag.SourceTexts;
import dev.floe.core.internal.load.ConfigLoader;
import dev.floe.core.load.Loaded;
import dev.floe.core.model.PlatformSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link SecretRequirements}: every secret a platform or an artifact names, and nothing else. */
class SecretRequirementsTest {
  @Test
  void listsEverySecretOfTheProdPlatform() {
    List<SecretRequirement> requirements =
        SecretRequirements.of(Demo.platform("prod", Map.of()).value());

    assertThat(requirements)
        .extracting(SecretRequirement::name, SecretRequirement::field, SecretRequirement::shape)
        .containsExactly(
            tuple("polaris-prod-uri", "catalogs.default.uri", "single"),
            tuple("polaris-prod-client-id", "catalogs.default.credentials.client_id", "single"),
            tuple(
                "polaris-prod-client-secret",
                "catalogs.default.credentials.client_secret",
                "single"),
            tuple("snowflake-prod-login", "compute.default.credentials.secret_ref", "multi-key"),
            tuple("prod-otlp-endpoint", "observability.otlp_endpoint", "single"),
            tuple("prod-lineage-endpoint", "observability.lineage_endpoint", "single"));
    assertThat(requirements.get(3).keys().orElseThrow().profile()).isEqualTo("compute snowflake");
    assertThat(requirements.get(3).keys().orElseThrow().required())
        .containsExactly("user", "password");
  }

  @Test
  void listsTheMultiKeyStorageSecretOfTheDevPlatform() {
    List<SecretRequirement> requirements =
        SecretRequirements.of(Demo.platform("dev", Map.of()).value());

    assertThat(requirements)
        .extracting(SecretRequirement::name, SecretRequirement::field)
        .containsExactly(
            tuple("minio-credentials", "storage.default.credentials.secret_ref"),
            tuple("polaris-client-id", "catalogs.default.credentials.client_id"),
            tuple("polaris-client-secret", "catalogs.default.credentials.client_secret"));
    assertThat(requirements.get(0).keys().orElseThrow().describe())
        .isEqualTo("access_key_id and secret_access_key (optional session_token)");
  }

  @Test
  void theLocalPlatformNeedsNoSecret() {
    assertThat(SecretRequirements.of(Demo.platform("local", Map.of()).value())).isEmpty();
  }

  @Test
  void aLoadedPlatformGivesWhereEachReferenceIsWritten() throws IOException {
    Loaded<PlatformSpec> dev = Demo.platform("dev", Map.of());
    List<String> lines = Files.readAllLines(Demo.root().resolve(Demo.platformFile("dev")));

    List<SecretRequirement> requirements = SecretRequirements.of(dev);

    for (SecretRequirement r : requirements) {
      var position = r.position().orElseThrow();
      assertThat(position.file()).isEqualTo("platform/dev/platform.yaml");
      assertThat(lines.get(position.line() - 1).substring(position.column() - 1))
          .as("%s", r)
          .startsWith(r.name());
    }
  }

  @Test
  void aCompiledArtifactListsTheSecretsOfItsProfilesUnderTheirPlatformPaths() {
    List<SecretRequirement> fromArtifact = SecretRequirements.of(Demo.compile("prod", Map.of()));
    List<SecretRequirement> fromPlatform =
        SecretRequirements.of(Demo.platform("prod", Map.of()).value());

    assertThat(fromArtifact)
        .isEqualTo(
            fromPlatform.stream()
                .sorted(java.util.Comparator.comparing(r -> fromArtifactOrder(r.field())))
                .toList());
  }

  /** Artifacts list storage, catalog, compute, observability — the platform order too. */
  private static int fromArtifactOrder(String field) {
    return List.of("storage", "catalogs", "compute", "observability")
        .indexOf(field.substring(0, field.indexOf('.')));
  }

  @Test
  void findsReferencesInEveryFieldThatTakesOne() {
    String yaml =
        """
        version: "1.0.0"
        storage:
          lake:
            type: gcs
            bucket: floe-lake
            endpoint: {secret_ref: gcs-endpoint}
            credentials: {mode: static, secret_ref: gcs-key}
        catalogs:
          rest:
            type: rest
            uri: http://catalog:8181
            warehouse: w
            properties:
              header.x-api-key: {secret_ref: catalog-api-key}
              plain: value
            credentials: {mode: static, secret_ref: catalog-login}
        compute:
          db:
            type: databricks
            credentials:
              mode: oauth2
              client_id: floe-client
              client_secret: {secret_ref: databricks-secret}
          pg:
            type: postgres
            credentials:
              mode: iam_role
              role_arn: "arn:aws:iam::123456789012:role/x"
        """;
    Loaded<PlatformSpec> platform =
        new ConfigLoader(new SourceTexts(), Map.of()).platformText("platform.yaml", yaml);

    List<SecretRequirement> requirements = SecretRequirements.of(platform);

    assertThat(requirements)
        .extracting(
            SecretRequirement::name,
            SecretRequirement::field,
            r -> r.keys().map(SecretKeys::profile))
        .containsExactly(
            tuple("gcs-endpoint", "storage.lake.endpoint", Optional.empty()),
            tuple("gcs-key", "storage.lake.credentials.secret_ref", Optional.of("storage gcs")),
            tuple(
                "catalog-api-key",
                "catalogs.rest.properties[\"header.x-api-key\"]",
                Optional.empty()),
            tuple(
                "catalog-login",
                "catalogs.rest.credentials.secret_ref",
                Optional.of("catalog rest")),
            tuple("databricks-secret", "compute.db.credentials.client_secret", Optional.empty()));
    assertThat(requirements).allSatisfy(r -> assertThat(r.position()).isPresent());
    assertThat(SecretRequirements.names(requirements)).hasSize(5);
  }
}
