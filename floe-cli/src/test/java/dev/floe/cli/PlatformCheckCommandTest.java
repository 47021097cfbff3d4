package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.floe.testing.DemoProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code floe platform check}: one line per secret with where it was found or every place tried,
 * exit 3 when any is missing, and no value in any output — every value is a canary.
 */
class PlatformCheckCommandTest extends OnDemoProject {
  private static final Pattern TIMING = Pattern.compile("  \\d+\\.\\d ms$");

  @TempDir Path secrets;

  @BeforeEach
  void mountSecretsThere() {
    cli.env("FLOE_SECRETS_DIR", secrets.toString());
  }

  /** Every secret of platform/dev: one in the environment, the others as mounted files. */
  private void provideEverySecretOfDev() {
    cli.env("POLARIS_CLIENT_ID", "canary-client-id-3b7e");
    Cli.write(secrets.resolve("polaris-client-secret"), "canary-client-secret-8d21\n");
    Cli.write(secrets.resolve("minio-credentials/access-key-id"), "canary-akid-51f0\n");
    Cli.write(secrets.resolve("minio-credentials/secret_access_key"), "canary-sak-c6a4\n");
  }

  @Test
  void reportsWhereEverySecretWasFoundAndExitsZero() {
    provideEverySecretOfDev();

    Cli.Result r = cli.run("platform", "check", "--offline", "--env", "dev");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    List<String> lines = lines(r.out());
    assertThat(lines.get(0)).isEqualTo("environment  dev  (platform/dev/platform.yaml)");
    assertThat(lines.get(1)).isEqualTo("secrets root " + secrets + "; providers: none");
    assertThat(lines.subList(2, 5))
        .allSatisfy(l -> assertThat(l).startsWith("✓ ").containsPattern(TIMING));
    assertThat(withoutTiming(lines.get(2)))
        .isEqualTo(
            "✓ minio-credentials      (storage.default.credentials.secret_ref)      "
                + "access_key_id: file "
                + secrets.resolve("minio-credentials/access-key-id")
                + ", secret_access_key: file "
                + secrets.resolve("minio-credentials/secret_access_key"));
    assertThat(withoutTiming(lines.get(3)))
        .isEqualTo(
            "✓ polaris-client-id      (catalogs.default.credentials.client_id)      "
                + "env POLARIS_CLIENT_ID");
    assertThat(withoutTiming(lines.get(4)))
        .isEqualTo(
            "✓ polaris-client-secret  (catalogs.default.credentials.client_secret)  file "
                + secrets.resolve("polaris-client-secret"));
    assertThat(lines.get(5))
        .isEqualTo("3 secrets checked: 3 found, 0 missing (values are never shown)");
    assertThat(lines).hasSize(6);
  }

  @Test
  void reportsEveryPlaceTriedForAMissingSecretAndExitsThree() {
    Cli.Result r = cli.run("platform", "check", "--offline", "--env", "dev");

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
    List<String> lines = lines(r.out());
    assertThat(withoutTiming(lines.get(4)))
        .isEqualTo(
            "✗ polaris-client-secret  (catalogs.default.credentials.client_secret)  not found;"
                + " tried: env POLARIS_CLIENT_SECRET, file "
                + secrets.resolve("polaris-client-secret"));
    assertThat(withoutTiming(lines.get(2)))
        .startsWith(
            "✗ minio-credentials      (storage.default.credentials.secret_ref)      not found; tried: env MINIO_CREDENTIALS_ACCESS_KEY_ID, file ")
        .contains("env MINIO_CREDENTIALS_SECRET_ACCESS_KEY")
        .contains("file " + secrets.resolve("minio-credentials/secret-access-key"));
    assertThat(lines.get(5))
        .isEqualTo("3 secrets checked: 0 found, 3 missing (values are never shown)");
    assertThat(r.err())
        .contains(
            "error[FLOE-C033]: Cannot resolve secret 'polaris-client-secret' for"
                + " 'catalogs.default.credentials.client_secret': not found; tried env"
                + " POLARIS_CLIENT_SECRET, file "
                + secrets.resolve("polaris-client-secret"))
        .contains("--> platform/dev/platform.yaml:30:35")
        .contains("= help: set the environment variable POLARIS_CLIENT_SECRET")
        .endsWith("3 errors, 0 warnings\n");
  }

  @Test
  void anIncompleteMultiKeySecretNamesTheMissingKey() {
    provideEverySecretOfDev();
    Cli.write(secrets.resolve("minio-credentials/secret_access_key"), "\n");

    Cli.Result text = cli.run("platform", "check", "--offline", "--env", "dev");
    Cli.Result json = cli.run("platform", "check", "--offline", "--env", "dev", "--format", "json");

    assertThat(text.code()).as(text.toString()).isEqualTo(3);
    assertThat(withoutTiming(lines(text.out()).get(2)))
        .endsWith(
            "key secret_access_key missing (found access_key_id: file "
                + secrets.resolve("minio-credentials/access-key-id")
                + "); tried: env MINIO_CREDENTIALS_SECRET_ACCESS_KEY, file "
                + secrets.resolve("minio-credentials/secret_access_key")
                + " (empty), file "
                + secrets.resolve("minio-credentials/secret-access-key"));
    assertThat(text.err()).contains("error[FLOE-C034]").endsWith("1 error, 0 warnings\n");
    assertThat(json.code()).isEqualTo(3);
    JsonNode doc = json.json();
    assertThat(doc.get("ok").asBoolean()).isFalse();
    assertThat(doc.get("problems").get(0).get("code").asText()).isEqualTo("FLOE-C034");
    JsonNode minio = doc.get("checks").get(0);
    assertThat(minio.get("name").asText()).isEqualTo("minio-credentials");
    assertThat(minio.get("ok").asBoolean()).isFalse();
    assertThat(minio.get("missing_keys").toString()).isEqualTo("[\"secret_access_key\"]");
    assertThat(minio.get("keys").asText())
        .isEqualTo("access_key_id and secret_access_key (optional session_token)");
    assertAllCanariesHidden(text, json);
  }

  @Test
  void jsonCarriesTheSameDataWithoutValues() {
    provideEverySecretOfDev();

    Cli.Result r = cli.run("platform", "check", "--offline", "--env", "dev", "--format", "json");

    assertThat(r.code()).as(r.toString()).isZero();
    JsonNode doc = r.json();
    assertThat(doc.get("ok").asBoolean()).isTrue();
    assertThat(doc.get("environment").asText()).isEqualTo("dev");
    assertThat(doc.get("secrets_root").asText()).isEqualTo(secrets.toString());
    assertThat(doc.get("found").asInt()).isEqualTo(3);
    assertThat(doc.get("missing").asInt()).isZero();
    JsonNode clientId = doc.get("checks").get(1);
    assertThat(clientId.get("kind").asText()).isEqualTo("secret");
    assertThat(clientId.get("name").asText()).isEqualTo("polaris-client-id");
    assertThat(clientId.get("fields").get(0).asText())
        .isEqualTo("catalogs.default.credentials.client_id");
    assertThat(clientId.get("shape").asText()).isEqualTo("single");
    assertThat(clientId.get("found").get(0).get("kind").asText()).isEqualTo("env");
    assertThat(clientId.get("found").get(0).get("where").asText()).isEqualTo("POLARIS_CLIENT_ID");
    assertThat(clientId.get("millis").isNumber()).isTrue();
    assertAllCanariesHidden(r);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json"})
  void noValueIsPrintedInAnyFormatEvenWithDebug(String format) {
    provideEverySecretOfDev();
    cli.env("MINIO_CREDENTIALS_SESSION_TOKEN", "canary-session-token-9a9a");
    cli.env("POLARIS_CLIENT_SECRET", "canary-env-shadows-file-2e2e");

    List<Cli.Result> results = new ArrayList<>();
    for (String env : DemoProject.ENVIRONMENTS) {
      results.add(cli.run("platform", "check", "--offline", "--env", env, "--format", format));
      results.add(
          cli.run("platform", "check", "--offline", "--env", env, "--format", format, "--debug"));
    }

    assertThat(results.get(2).code()).as(results.get(2).toString()).isZero();
    assertAllCanariesHidden(results.toArray(Cli.Result[]::new));
  }

  @Test
  void theLocalEnvironmentNeedsNoSecrets() {
    Cli.Result r = cli.run("platform", "check", "--env", "local");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("✓ no secrets referenced by environment local");
  }

  @Test
  void checksAPlatformGivenByPath() {
    Cli.Result r =
        cli.run(
            "platform", "check", "--offline", "--platform", "platform/prod", "--format", "json");

    assertThat(r.code()).as(r.toString()).isEqualTo(3);
    JsonNode doc = r.json();
    assertThat(doc.get("environment").asText()).isEqualTo("prod");
    assertThat(doc.get("checks").size()).isEqualTo(6);
    assertThat(doc.get("missing").asInt()).isEqualTo(6);
    assertThat(doc.get("problems").size()).isEqualTo(6);
  }

  @Test
  void aRelativeSecretsDirIsResolvedAgainstTheWorkingFolder() {
    Cli.write(project.resolve("local-secrets/polaris-client-id"), "canary-relative-1c1c");
    Cli local = Cli.in(project, home).env("FLOE_SECRETS_DIR", "local-secrets");

    Cli.Result r = local.run("platform", "check", "--offline", "--env", "dev");

    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out())
        .contains("secrets root " + project.resolve("local-secrets"))
        .contains("file " + project.resolve("local-secrets/polaris-client-id"));
    assertAllCanariesHidden(r);
  }

  @Test
  void anUnknownSecretProviderIsAnInputError() {
    Cli.Result r =
        cli.env("FLOE_SECRET_PROVIDERS", "vault")
            .run("platform", "check", "--offline", "--env", "dev");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            "error[FLOE-E054]: FLOE_SECRET_PROVIDERS names the secret provider 'vault', which is"
                + " not installed; installed: none");
  }

  @Test
  void platformErrorsAreInputErrors() {
    Cli.edit(
        project.resolve("platform/dev/platform.yaml"), "    type: duckdb", "    type: duckdbx");

    Cli.Result r = cli.run("platform", "check", "--offline", "--env", "dev");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("'duckdbx'");
  }

  private static void assertAllCanariesHidden(Cli.Result... results) {
    for (Cli.Result r : results) {
      assertThat(r.all()).as("no secret value in:\n%s", r).doesNotContain("canary-");
    }
  }

  private static List<String> lines(String text) {
    return List.of(text.split("\n"));
  }

  private static String withoutTiming(String line) {
    return TIMING.matcher(line).replaceAll("");
  }
}
