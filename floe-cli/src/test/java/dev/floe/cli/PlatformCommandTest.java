package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.floe.testing.DemoProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code floe platform validate} and {@code floe platform list-profiles}. */
class PlatformCommandTest extends OnDemoProject {

  @Test
  void validateAPlatformFile() {
    Cli.Result r = cli.run("platform", "validate", "platform/prod/platform.yaml");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .isEqualTo(
            "✓ platform/prod/platform.yaml is valid (environment prod): 1 storage profile,"
                + " 1 catalog profile, 1 compute profile\n");
  }

  @Test
  void validateAnEnvironmentFolder() {
    Cli.Result r = cli.run("platform", "validate", "platform/dev");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("✓ platform/dev/platform.yaml is valid (environment dev)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "dev", "staging", "prod"})
  void validateByEnvironmentName(String env) {
    Cli.Result r = cli.run("platform", "validate", "--env", env, "--format", "json");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode json = r.json();
    assertThat(json.get("ok").asBoolean()).isTrue();
    assertThat(json.get("environment").asText()).isEqualTo(env);
    assertThat(json.get("source").asText()).isEqualTo("platform/" + env + "/platform.yaml");
    assertThat(json.get("storage").asInt()).isEqualTo(1);
    assertThat(json.get("catalogs").asInt()).isEqualTo(1);
    assertThat(json.get("compute").asInt()).isEqualTo(1);
  }

  @Test
  void validateReportsEveryProblemOfThePlatform() {
    Path dev = project.resolve("platform/dev/platform.yaml");
    Cli.edit(dev, "    type: duckdb", "    type: duckdbx");
    Cli.edit(dev, "  sampling: 1.0", "  sampling: 2.0");
    Cli.edit(dev, "    bucket: floe-dev-warehouse", "    bucket: Floe_Dev");

    Cli.Result text = cli.run("platform", "validate", "--env", "dev");
    Cli.Result json = cli.run("platform", "validate", "platform/dev", "--format", "json");

    assertThat(text.code()).as(text.toString()).isEqualTo(1);
    assertThat(text.out()).isEmpty();
    assertThat(text.err())
        .contains("--> platform/dev/platform.yaml:")
        .contains("'duckdbx'")
        .endsWith("3 errors, 0 warnings\n");
    assertThat(json.code()).isEqualTo(1);
    assertThat(json.err()).isEmpty();
    List<String> paths = new ArrayList<>();
    json.json().get("problems").forEach(p -> paths.add(p.get("path").asText()));
    assertThat(paths)
        .containsExactly(
            "storage.default.bucket", "compute.default.type", "observability.sampling");
    json.json().get("problems").forEach(ValidateCommandTest::assertEveryFieldPresent);
  }

  @Test
  void validateAMissingPathIsAnInputError() {
    Cli.Result r = cli.run("platform", "validate", "platform/qa");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("error[FLOE-E052]").contains("platform/qa");
  }

  @Test
  void aMissingPathArgumentIsNotCalledAnOption() {
    Cli.Result r = cli.run("platform", "validate", "platform/qa");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).doesNotContain("--platform");
  }

  @Test
  void validateAnInvalidEnvironmentName() {
    Cli.Result r = cli.run("platform", "validate", "--env", "Prod");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("error[FLOE-E051]").contains("'Prod'");
  }

  @Test
  void listProfilesAsText() {
    Cli.Result r = cli.run("platform", "list-profiles", "--env", "dev");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("environment  dev  (platform/dev/platform.yaml)");
    assertThat(lines.get(1)).containsSubsequence("KIND", "NAME", "TYPE", "ENDPOINT", "CREDENTIALS");
    assertThat(lines)
        .anyMatch(l -> l.matches("storage +default +s3 +s3://floe-dev-warehouse via .*"))
        .anyMatch(l -> l.matches("catalog +default +polaris +http://polaris\\.dev\\..* oauth2"))
        .anyMatch(l -> l.matches("compute +default +duckdb +.*"));
  }

  @Test
  void secretEndpointsAreShownByName() {
    Cli.Result text = cli.run("platform", "list-profiles", "--env", "prod");
    Cli.Result json = cli.run("platform", "list-profiles", "--env", "prod", "--format", "json");

    assertThat(text.code()).as(text.toString()).isZero();
    assertThat(text.out())
        .containsPattern("catalog +default +polaris +secret_ref:polaris-prod-uri")
        .contains("secret_ref:snowflake-prod-login");
    assertThat(json.json().at("/catalogs/0/endpoint").asText())
        .isEqualTo("secret_ref:polaris-prod-uri");
  }

  @Test
  void listProfilesAsJson() {
    Cli.Result r = cli.run("platform", "list-profiles", "--env", "staging", "--format", "json");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode json = r.json();
    assertThat(fieldNames(json))
        .containsSubsequence("environment", "source", "storage", "catalogs", "compute");
    assertThat(json.get("environment").asText()).isEqualTo("staging");
    assertThat(json.get("source").asText()).isEqualTo("platform/staging/platform.yaml");
    for (String kind : List.of("storage", "catalogs", "compute")) {
      assertThat(json.get(kind).isArray()).as(kind).isTrue();
      assertThat(json.get(kind)).as(kind).hasSize(1);
      JsonNode profile = json.get(kind).get(0);
      assertThat(fieldNames(profile)).as(kind).startsWith("name", "type");
      assertThat(profile.get("name").asText()).isEqualTo("default");
    }
    assertThat(json.at("/storage/0/type").asText()).isEqualTo("s3");
    assertThat(json.at("/catalogs/0/type").asText()).isEqualTo("polaris");
    assertThat(json.at("/compute/0/type").asText()).isEqualTo("duckdb");
  }

  @Test
  void listProfilesOfAPlatformPath() {
    Cli.Result r =
        cli.run("platform", "list-profiles", "--platform", "platform/prod", "--format", "json");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.json().get("environment").asText()).isEqualTo("prod");
    assertThat(r.json().at("/compute/0/type").asText()).isEqualTo("snowflake");
  }

  @Test
  void listProfilesOfAllEnvironmentsAsText() {
    Cli.Result r = cli.run("platform", "list-profiles", "--all-envs");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    String header = r.out().lines().findFirst().orElseThrow();
    assertThat(header).containsSubsequence("PROFILE", "dev", "local", "prod", "staging");
    assertThat(r.out())
        .containsPattern("catalog default +polaris +jdbc +polaris +polaris")
        .containsPattern("compute default +duckdb +duckdb +snowflake +duckdb")
        .contains("secret_ref:polaris-prod-uri");
    for (String env : DemoProject.ENVIRONMENTS) {
      assertThat(r.out()).contains(env + "  (platform/" + env + "/platform.yaml)");
    }
  }

  @Test
  void listProfilesOfAllEnvironmentsAsJson() {
    Cli.Result r = cli.run("platform", "list-profiles", "--all-envs", "--format", "json");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode environments = r.json().get("environments");
    assertThat(environments.isArray()).isTrue();
    List<String> names = new ArrayList<>();
    environments.forEach(e -> names.add(e.get("environment").asText()));
    assertThat(names).containsExactlyInAnyOrder("local", "dev", "staging", "prod");
    environments.forEach(
        e ->
            assertThat(fieldNames(e))
                .containsSubsequence("environment", "source", "storage", "catalogs", "compute"));
  }

  @Test
  void listProfilesOfAllEnvironmentsReportsEveryBrokenOne() {
    Cli.edit(project.resolve("platform/dev/platform.yaml"), "type: duckdb", "type: duckdbx");
    Cli.edit(project.resolve("platform/prod/platform.yaml"), "type: snowflake", "type: snow");

    Cli.Result r = cli.run("platform", "list-profiles", "--all-envs", "--format", "json");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    List<String> files = new ArrayList<>();
    r.json().get("problems").forEach(p -> files.add(p.get("file").asText()));
    assertThat(files).containsExactly("platform/dev/platform.yaml", "platform/prod/platform.yaml");
  }

  @Test
  void listProfilesOfAllEnvironmentsWithoutPlatformsIsAnInputError() {
    Cli empty = Cli.in(home, home);

    Cli.Result r = empty.run("platform", "list-profiles", "--all-envs");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("error[FLOE-E050]");
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
