package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.floe.testing.DemoProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code floe compile}: the artifact, its determinism, {@code -o}, and no partial output. */
class CompileCommandTest extends OnDemoProject {
  static final String ARTIFACT = ".floe/compiled_artifacts.json";

  @ParameterizedTest
  @ValueSource(strings = {"local", "dev", "staging", "prod"})
  void compileWritesAVersion2ArtifactForEveryEnvironment(String env) throws IOException {
    Cli.Result r = cli.run("compile", "--env", env);

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("environment  " + env)
        .contains("platform     platform/" + env + "/platform.yaml")
        .containsPattern("(?m)^catalog +default ")
        .containsPattern("(?m)^storage +default ")
        .containsPattern("(?m)^compute +default ")
        .contains("✓ wrote " + ARTIFACT);
    JsonNode artifact = Cli.MAPPER.readTree(project.resolve(ARTIFACT).toFile());
    assertThat(artifact.get("version").asText()).isEqualTo("2.0.0");
    assertThat(artifact.get("environment").asText()).isEqualTo(env);
    assertThat(artifact.get("platform_source").asText())
        .isEqualTo("platform/" + env + "/platform.yaml");
    assertThat(artifact.at("/metadata/name").asText()).isEqualTo("customer-analytics");
    assertThat(artifact.at("/catalog/profile").asText()).isEqualTo("default");
    assertThat(artifact.at("/storage/profile").asText()).isEqualTo("default");
    assertThat(artifact.at("/compute/profile").asText()).isEqualTo("default");
  }

  @Test
  void secretsStayReferencesInTheArtifact() throws IOException {
    Cli.Result r = cli.run("compile", "--env", "prod");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("secret_ref:polaris-prod-uri");
    JsonNode a = Cli.MAPPER.readTree(project.resolve(ARTIFACT).toFile());
    assertThat(a.at("/catalog/uri/secret_ref").asText()).isEqualTo("polaris-prod-uri");
    assertThat(a.at("/catalog/credentials/client_id/secret_ref").asText())
        .isEqualTo("polaris-prod-client-id");
    assertThat(a.at("/catalog/credentials/client_secret/secret_ref").asText())
        .isEqualTo("polaris-prod-client-secret");
    assertThat(a.at("/compute/credentials/secret_ref").asText()).isEqualTo("snowflake-prod-login");
    assertThat(a.at("/observability/otlp_endpoint/secret_ref").asText())
        .isEqualTo("prod-otlp-endpoint");
  }

  @Test
  void secretValuesInTheEnvironmentNeverReachTheArtifact() throws IOException {
    cli.env("POLARIS_CLIENT_SECRET", "canary-ENV-SECRET-1")
        .env("POLARIS_CLIENT_ID", "canary-ENV-ID-2")
        .env("MINIO_CREDENTIALS_SECRET_ACCESS_KEY", "canary-ENV-KEY-3");

    Cli.Result r = cli.run("compile", "--env", "dev");

    assertThat(r.code()).as(r.toString()).isZero();
    String artifact = Cli.read(project.resolve(ARTIFACT));
    assertThat(artifact + r.all()).doesNotContain("canary");
    assertThat(artifact).contains("\"secret_ref\": \"polaris-client-secret\"");
  }

  @Test
  void sourceDateEpochMakesTheArtifactByteIdentical() throws IOException {
    cli.env("SOURCE_DATE_EPOCH", "0");

    assertThat(cli.run("compile", "--env", "dev").code()).isZero();
    byte[] first = Files.readAllBytes(project.resolve(ARTIFACT));
    assertThat(cli.run("compile", "--env", "dev").code()).isZero();
    byte[] second = Files.readAllBytes(project.resolve(ARTIFACT));

    Path other = DemoProject.copyTo(home.resolve("another-checkout")).root();
    Cli elsewhere = Cli.in(other, home).env("SOURCE_DATE_EPOCH", "0");
    assertThat(elsewhere.run("compile", "--env", "dev").code()).isZero();
    byte[] third = Files.readAllBytes(other.resolve(ARTIFACT));

    assertThat(second).isEqualTo(first);
    assertThat(third).as("the same sources in another folder").isEqualTo(first);
    assertThat(Cli.MAPPER.readTree(first).at("/metadata/compiled_at").asText())
        .isEqualTo("1970-01-01T00:00:00Z");
  }

  @Test
  void anInvalidSourceDateEpochIsAnInputError() {
    cli.env("SOURCE_DATE_EPOCH", "yesterday");

    Cli.Result r = cli.run("compile", "--env", "dev");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("error[FLOE-E054]").contains("SOURCE_DATE_EPOCH");
    assertThat(Cli.filesBelow(project.resolve(".floe"))).isEmpty();
  }

  @Test
  void dashOWritesIntoTheGivenFolder() throws IOException {
    Cli.Result r = cli.run("compile", "--env", "staging", "-o", "build/artifacts");
    Path absolute = home.resolve("abs-out");
    Cli.Result abs = cli.run("compile", "--env", "staging", "--output", absolute.toString());

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("✓ wrote build/artifacts/compiled_artifacts.json");
    assertThat(Cli.filesBelow(project.resolve("build")))
        .containsExactly("artifacts/compiled_artifacts.json");
    assertThat(project.resolve(".floe")).doesNotExist();
    JsonNode a =
        Cli.MAPPER.readTree(project.resolve("build/artifacts/compiled_artifacts.json").toFile());
    assertThat(a.get("environment").asText()).isEqualTo("staging");

    assertThat(abs.code()).as(abs.toString()).isZero();
    assertThat(Cli.filesBelow(absolute)).containsExactly("compiled_artifacts.json");
  }

  @Test
  void jsonFormatDescribesTheArtifact() {
    Cli.Result r = cli.run("compile", "--env", "prod", "--format", "json", "-o", "out");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode json = r.json();
    assertThat(json.get("ok").asBoolean()).isTrue();
    assertThat(json.get("problems")).isEmpty();
    assertThat(json.get("environment").asText()).isEqualTo("prod");
    assertThat(json.get("platform_source").asText()).isEqualTo("platform/prod/platform.yaml");
    assertThat(json.get("catalog").asText()).isEqualTo("default");
    assertThat(json.get("artifact").asText()).isEqualTo("out/compiled_artifacts.json");
    assertThat(project.resolve("out/compiled_artifacts.json")).isRegularFile();
  }

  @Test
  void aFailedCompileWritesNothing() {
    Cli.edit(project.resolve("floe.yaml"), "catalog: default", "catalog: analytics");

    Cli.Result r = cli.run("compile", "--env", "dev");
    Cli.Result json = cli.run("compile", "--env", "dev", "-o", "out", "--format", "json");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("error[FLOE-R020]").endsWith("1 error, 0 warnings\n");
    assertThat(json.code()).isEqualTo(1);
    assertThat(json.err()).isEmpty();
    assertThat(json.json().get("ok").asBoolean()).isFalse();
    assertThat(Cli.filesBelow(project.resolve(".floe"))).isEmpty();
    assertThat(Cli.filesBelow(project.resolve("out"))).isEmpty();
  }

  @Test
  void anInvalidPlatformWritesNothing() {
    Cli.edit(project.resolve("platform/prod/platform.yaml"), "type: snowflake", "type: snowflak");

    Cli.Result r = cli.run("compile", "--env", "prod");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("error[FLOE-S015]").contains("did you mean 'snowflake'");
    assertThat(Cli.filesBelow(project.resolve(".floe"))).isEmpty();
  }

  @Test
  void theOutputFolderHoldsOnlyTheArtifactAfterASuccessfulCompile() {
    assertThat(cli.run("compile", "--env", "local").code()).isZero();
    assertThat(cli.run("compile", "--env", "dev").code()).isZero();

    assertThat(Cli.filesBelow(project.resolve(".floe"))).containsExactly("compiled_artifacts.json");
  }

  @Test
  void anUnwritableOutputFolderIsAnInputErrorInPlainWords() {
    Cli.write(project.resolve("afile"), "not a folder\n");

    Cli.Result r = cli.run("compile", "--env", "dev", "-o", "afile");
    Cli.Result nested = cli.run("compile", "--env", "dev", "-o", "afile/sub");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("error[FLOE-E053]").contains("afile");
    assertThat(nested.code()).as(nested.toString()).isEqualTo(1);
    assertThat(nested.err()).contains("error[FLOE-E053]");
  }
}
