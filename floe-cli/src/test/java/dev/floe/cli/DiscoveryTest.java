package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.floe.testing.DemoProject;
import dev.floe.testing.TemporaryFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How commands find the platform: {@code --platform}, {@code FLOE_PLATFORM_FILE}, {@code --env} or
 * {@code FLOE_PLATFORM_ENV} with the folder search (project, working folder, home), the {@code
 * FLOE_*} fallback, and the built-in local default.
 */
class DiscoveryTest {
  @TempDir Path root;
  @TempDir Path home;

  /** The demo with platform/ copied into {@code root/demo}. */
  Path demo() {
    return DemoProject.copyTo(root.resolve("demo")).root();
  }

  /** A project with the demo's floe.yaml and no platform/ folder. */
  Path bare() throws IOException {
    DemoProject bare = DemoProject.copyTo(root.resolve("bare"));
    TemporaryFolders.delete(bare.resolve("platform"));
    return bare.root();
  }

  @Test
  void floePlatformFileNamesThePlatform() throws IOException {
    Path demo = demo();
    Path bare = bare();
    Path staging = demo.resolve("platform/staging/platform.yaml");
    Cli cli = Cli.in(bare, home).env("FLOE_PLATFORM_FILE", staging.toString());

    Cli.Result r = cli.run("validate", "--format", "json");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.json().get("environment").asText()).isEqualTo("staging");
    assertThat(r.json().get("platform_source").asText())
        .isEqualTo(staging.toAbsolutePath().toString().replace('\\', '/'));
  }

  @Test
  void floePlatformFileMayNameAFolderRelativeToTheWorkingFolder() throws IOException {
    demo();
    Path bare = bare();
    Cli cli = Cli.in(bare, home).env("FLOE_PLATFORM_FILE", "../demo/platform/prod");

    Cli.Result r = cli.run("compile", "--format", "json");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.json().get("environment").asText()).isEqualTo("prod");
    assertThat(r.json().get("platform_source").asText())
        .endsWith("demo/platform/prod/platform.yaml");
  }

  @Test
  void aMissingFloePlatformFileIsNamedInTheError() throws IOException {
    Cli cli = Cli.in(bare(), home).env("FLOE_PLATFORM_FILE", "nowhere/platform.yaml");

    Cli.Result r = cli.run("validate");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err())
        .contains("error[FLOE-E052]")
        .contains("FLOE_PLATFORM_FILE")
        .contains("nowhere/platform.yaml");
  }

  @Test
  void thePlatformOptionWinsOverFloePlatformFile() {
    Path demo = demo();
    Cli cli = Cli.in(demo, home).env("FLOE_PLATFORM_FILE", "platform/dev/platform.yaml");

    Cli.Result r = cli.run("validate", "--platform", "platform/staging", "--format", "json");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.json().get("environment").asText()).isEqualTo("staging");
  }

  @Test
  void floePlatformEnvChoosesTheEnvironment() {
    Cli cli = Cli.in(demo(), home).env("FLOE_PLATFORM_ENV", "dev");

    Cli.Result validate = cli.run("validate", "--format", "json");
    Cli.Result list = cli.run("platform", "list-profiles", "--format", "json");
    Cli.Result option = cli.run("validate", "--env", "prod", "--format", "json");

    assertThat(validate.code()).as(validate.toString()).isZero();
    assertThat(validate.json().get("environment").asText()).isEqualTo("dev");
    assertThat(validate.json().get("platform_source").asText())
        .isEqualTo("platform/dev/platform.yaml");
    assertThat(list.json().get("environment").asText()).isEqualTo("dev");
    assertThat(option.json().get("environment").asText()).as("--env wins").isEqualTo("prod");
  }

  @Test
  void anInvalidFloePlatformEnvIsNamedInTheError() {
    Cli cli = Cli.in(demo(), home).env("FLOE_PLATFORM_ENV", "Staging");

    Cli.Result r = cli.run("validate");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("error[FLOE-E051]").contains("FLOE_PLATFORM_ENV");
  }

  @Test
  void withoutAnyPlatformTheBuiltInLocalDefaultIsUsed() throws IOException {
    Path bare = bare();
    Cli cli = Cli.in(bare, home);

    Cli.Result validate = cli.run("validate", "--format", "json");
    Cli.Result compile = cli.run("compile");
    Cli.Result list = cli.run("platform", "list-profiles", "--format", "json");

    assertThat(validate.code()).as(validate.toString()).isZero();
    assertThat(validate.json().get("platform_source").asText()).isEqualTo("builtin:local");
    assertThat(compile.code()).as(compile.toString()).isZero();
    assertThat(compile.out()).contains("platform     builtin:local");
    assertThat(Cli.read(bare.resolve(".floe/compiled_artifacts.json")))
        .contains("\"platform_source\": \"builtin:local\"");
    JsonNode artifact = Cli.MAPPER.readTree(bare.resolve(".floe/compiled_artifacts.json").toFile());
    assertThat(artifact.get("environment").asText()).isEqualTo("local");
    assertThat(list.json().get("source").asText()).isEqualTo("builtin:local");
  }

  @Test
  void anotherEnvironmentWithoutAPlatformIsAnInputError() throws IOException {
    Cli cli = Cli.in(bare(), home);

    Cli.Result r = cli.run("validate", "--env", "dev");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err())
        .contains("error[FLOE-E050]")
        .contains("'dev'")
        .contains("platform/dev/platform.yaml")
        .contains("FLOE_PLATFORM_FILE")
        .contains("FLOE_CATALOG_URI");
  }

  @Test
  void thePlatformIsFoundInTheHomeFolder() throws IOException {
    Path demo = demo();
    Files.createDirectories(home.resolve(".floe/dev"));
    Files.copy(demo.resolve("platform/dev/platform.yaml"), home.resolve(".floe/dev/platform.yaml"));
    Cli cli = Cli.in(bare(), home);

    Cli.Result r = cli.run("validate", "--env", "dev", "--format", "json");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.json().get("platform_source").asText()).endsWith(".floe/dev/platform.yaml");
  }

  @Test
  void thePlatformNextToFloeYamlIsFoundFromAnotherWorkingFolder() {
    demo();
    Cli cli = Cli.in(root, home);

    Cli.Result r = cli.run("validate", "-f", "demo/floe.yaml", "--env", "prod", "--format", "json");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.json().get("platform_source").asText()).isEqualTo("platform/prod/platform.yaml");
  }

  @Test
  void floeCatalogUriBuildsAPlatformFromTheEnvironment() throws IOException {
    Path bare = bare();
    Cli cli =
        Cli.in(bare, home)
            .env("FLOE_CATALOG_URI", "http://catalog.example.com:8181/api/catalog")
            .env("FLOE_CATALOG_WAREHOUSE", "analytics")
            .env("FLOE_STORAGE_BUCKET", "floe-env-bucket")
            .env("FLOE_COMPUTE_TYPE", "duckdb");

    Cli.Result compile = cli.run("compile", "--format", "json");
    Cli.Result list = cli.run("platform", "list-profiles", "--format", "json");

    assertThat(compile.code()).as(compile.toString()).isZero();
    assertThat(compile.json().get("platform_source").asText()).isEqualTo("env");
    JsonNode artifact = Cli.MAPPER.readTree(bare.resolve(".floe/compiled_artifacts.json").toFile());
    assertThat(artifact.get("platform_source").asText()).isEqualTo("env");
    assertThat(artifact.at("/catalog/uri").asText())
        .isEqualTo("http://catalog.example.com:8181/api/catalog");
    assertThat(artifact.at("/storage/bucket").asText()).isEqualTo("floe-env-bucket");
    assertThat(list.code()).as(list.toString()).isZero();
    assertThat(list.json().get("source").asText()).isEqualTo("env");
    assertThat(list.json().at("/catalogs/0/endpoint").asText())
        .isEqualTo("http://catalog.example.com:8181/api/catalog");
  }

  @Test
  void anIncompleteFloeFallbackIsReportedAgainstTheVariables() throws IOException {
    Cli cli = Cli.in(bare(), home).env("FLOE_CATALOG_URI", "http://catalog:8181/api/catalog");

    Cli.Result r = cli.run("validate", "--format", "json");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.json().get("errors").asInt()).isPositive();
    assertThat(r.out()).contains("env:FLOE_*");
  }

  @Test
  void aPlatformFolderWinsOverTheFloeFallback() {
    Cli cli = Cli.in(demo(), home).env("FLOE_CATALOG_URI", "http://ignored:8181/api/catalog");

    Cli.Result r = cli.run("validate", "--format", "json");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.json().get("platform_source").asText()).isEqualTo("platform/local/platform.yaml");
  }
}
