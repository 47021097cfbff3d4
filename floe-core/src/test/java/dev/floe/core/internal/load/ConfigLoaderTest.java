package dev.floe.core.internal.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.floe.core.diag.Code;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.SourcePosition;
import dev.floe.core.diag.SourceTexts;
import dev.floe.core.internal.digest.Hashes;
import dev.floe.core.load.Loaded;
import dev.floe.core.model.FloeSpec;
import dev.floe.core.model.PlatformObservability;
import dev.floe.core.model.PlatformSpec;
import dev.floe.core.model.SecretRef;
import dev.floe.core.model.StringOrSecret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {
  private static final String PIPELINE = "name: p\nversion: \"1.0.0\"\n";
  private static final String S3 = "storage:\n  default:\n    bucket: floe-data\n";

  private final SourceTexts sources = new SourceTexts();
  private final ConfigLoader loader =
      new ConfigLoader(
          sources,
          Map.of(
              "AWS_REGION", "eu-west-1",
              "EMPTY", "",
              "CATALOG", "analytics",
              "MINIO", "http://minio:9000"));

  // ---- interpolation ----------------------------------------------------------------------------

  @Test
  void interpolatesOnlyInPlatform() {
    Loaded<PlatformSpec> platform =
        loader.platformText(
            "platform.yaml",
            S3
                + "    region: \"${AWS_REGION}\"\n    endpoint: \"${MINIO}\"\n"
                + "observability:\n  attributes: {region: \"aws-${AWS_REGION}\"}\n");

    assertThat(platform.value().storage().get("default").region()).contains("eu-west-1");
    assertThat(platform.value().storage().get("default").endpoint())
        .contains(StringOrSecret.literal("http://minio:9000"));
    assertThat(platform.value().observability().attributes())
        .containsEntry("region", "aws-eu-west-1");
    assertThat(platform.sourceMap().origin("storage.default.region"))
        .hasValueSatisfying(o -> assertThat(o).contains("AWS_REGION"));

    List<Problem> problems =
        pipelineProblems(
            PIPELINE
                + "catalog: \"${CATALOG}\"\nobservability:\n  attributes:\n"
                + "    team: \"${USER:-me}\"\n");

    assertThat(problems).extracting(Problem::code).containsExactly("FLOE-V003", "FLOE-V003");
    assertThat(problems.get(0).path()).contains("catalog");
    assertThat(problems.get(0).message()).contains("floe.yaml does not allow");
  }

  @Test
  void unquotedInterpolationIsInterpolated() {
    PlatformSpec spec =
        loader.platformText("platform.yaml", S3 + "    region: ${AWS_REGION}\n").value();

    assertThat(spec.storage().get("default").region()).contains("eu-west-1");
    assertThat(pipelineProblems(PIPELINE + "catalog: ${CATALOG}\n"))
        .extracting(Problem::code)
        .containsExactly("FLOE-V003");
  }

  @Test
  void unsetVariableWithDefault() {
    PlatformSpec spec =
        loader
            .platformText(
                "platform.yaml",
                S3
                    + "    region: \"${NOT_SET:-eu-west-2}\"\n"
                    + "catalogs:\n  default:\n    uri: http://polaris/api\n"
                    + "    warehouse: \"${EMPTY:-fallback}\"\n"
                    + "    namespace: \"ns-${EMPTY}-x\"\n"
                    + "    properties: {literal: \"$${NOT_A_VARIABLE}\", cost: \"$5\"}\n")
            .value();

    assertThat(spec.storage().get("default").region()).contains("eu-west-2");
    assertThat(spec.catalogs().get("default").warehouse()).isEqualTo("fallback");
    assertThat(spec.catalogs().get("default").namespace()).isEqualTo("ns--x");
    assertThat(spec.catalogs().get("default").properties())
        .containsEntry("literal", StringOrSecret.literal("${NOT_A_VARIABLE}"))
        .containsEntry("cost", StringOrSecret.literal("$5"));
  }

  @Test
  void unsetVariableWithoutDefaultNamesTheVariable() {
    List<Problem> problems = platformProblems(S3 + "    region: \"${REGION_NOT_SET}\"\n");

    Problem p = only(problems, Code.V001);
    assertThat(p.message())
        .contains("'REGION_NOT_SET'")
        .contains("storage.default.region")
        .contains("not set");
    assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).contains("${REGION_NOT_SET:-"));
    assertThat(p.position().orElseThrow().line()).isEqualTo(4);
  }

  @Test
  void malformedInterpolationIsV002() {
    assertThat(platformProblems(S3 + "    region: \"${AWS_REGION\"\n"))
        .extracting(Problem::code)
        .containsExactly("FLOE-V002");
    assertThat(platformProblems(S3 + "    region: \"${1ABC}\"\n"))
        .extracting(Problem::code)
        .containsExactly("FLOE-V002");
  }

  @Test
  void secretReferencesAreNeverInterpolated() {
    ConfigLoader withSecretName = new ConfigLoader(sources, Map.of("S", "polaris-secret"));

    List<Problem> problems =
        catchThrowableOfType(
                ProblemException.class,
                () ->
                    withSecretName.platformText(
                        "platform.yaml",
                        S3
                            + "    credentials: {mode: static, secret_ref: \"${S}\"}\n"
                            + "catalogs:\n  default:\n    uri: http://polaris/api\n"
                            + "    warehouse: w\n"
                            + "    credentials:\n      mode: oauth2\n      client_id: floe\n"
                            + "      client_secret: {secret_ref: \"${S}\"}\n"))
            .problems();

    assertThat(problems).extracting(Problem::code).containsExactly("FLOE-C032", "FLOE-C032");
  }

  // ---- empty and version ------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"", "\n", "# no profiles yet\n", "version: \"1.0.0\"\n", "---\n", "~\n"})
  void emptyPlatformIsValid(String text) {
    PlatformSpec spec = loader.platformText("platform.yaml", text).value();

    assertThat(spec)
        .isEqualTo(
            new PlatformSpec("1.0.0", Map.of(), Map.of(), Map.of(), PlatformObservability.DEFAULT));
  }

  @Test
  void unsupportedPlatformMajorVersionStopsAtOnce() {
    List<Problem> problems = platformProblems("version: \"2.1.0\"\nstorage: [not, checked]\n");

    Problem p = only(problems, Code.S001);
    assertThat(p.message()).contains("'2.1.0'").contains("major version 1");
    assertThat(p.path()).contains("version");
  }

  @Test
  void pipelineNeedsNameAndVersion() {
    List<Problem> problems = pipelineProblems("catalog: default\n");

    assertThat(problems).extracting(Problem::code).containsExactly("FLOE-S011", "FLOE-S011");
    assertThat(problems)
        .extracting(p -> p.path().orElseThrow())
        .containsExactlyInAnyOrder("name", "version");
  }

  // ---- floe.yaml holds no platform keys ---------------------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {
        "uri: http://polaris/api\n",
        "endpoint: http://minio:9000\n",
        "warehouse: demo\n",
        "bucket: floe-data\n",
        "credentials: {mode: static}\n",
        "secret_ref: polaris\n",
        "observability:\n  otlp_endpoint: http://otel:4318\n",
        "observability:\n  lineage_endpoint: http://marquez:5000\n",
        "observability:\n  sampling: 0.5\n",
        "governance:\n  client_id: floe\n"
      })
  void platformOnlyKeysInFloeYaml(String yaml) {
    Problem p = only(pipelineProblems(PIPELINE + yaml), Code.S019);

    assertThat(p.message()).contains("belongs in platform.yaml");
    assertThat(p.position().orElseThrow().line()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void pipelineKeysAreNotPlatformOnly() {
    assertThat(ConfigLoader.platformOnly())
        .contains("uri", "endpoint", "otlp_endpoint", "credentials", "secret_ref", "warehouse")
        .doesNotContain("name", "version", "catalog", "storage", "compute", "attributes", "traces");
  }

  // ---- all problems at once ---------------------------------------------------------------------

  @Test
  void allProblemsAtOnceSortedByPosition() {
    String yaml =
        "observability:\n" // 1
            + "  sampling: 2\n" // 2
            + "storage:\n" // 3
            + "  default:\n" // 4
            + "    bukcet: floe-data\n" // 5
            + "    path_style_access: yes\n" // 6
            + "catalogs:\n" // 7
            + "  default:\n" // 8
            + "    type: polaris2\n" // 9
            + "    warehouse: demo\n" // 10
            + "compute:\n" // 11
            + "  default:\n" // 12
            + "    type: duckdb\n" // 13
            + "    properties: {threads: 0, memory_limit: lots}\n" // 14
            + "version: 1.0\n"; // 15

    List<Problem> problems = platformProblems(yaml);

    assertThat(problems).hasSizeGreaterThanOrEqualTo(7);
    assertThat(problems)
        .isSortedAccordingTo(
            Comparator.comparingInt((Problem p) -> p.position().orElseThrow().line())
                .thenComparingInt(p -> p.position().orElseThrow().column()));
    assertThat(problems)
        .extracting(p -> p.position().orElseThrow().line())
        .contains(2, 5, 6, 9, 14, 15);
    assertThat(problems)
        .extracting(Problem::code)
        .contains("FLOE-S017", "FLOE-S010", "FLOE-S014", "FLOE-S015", "FLOE-S016", "FLOE-S013");
  }

  @Test
  void problemsOfFloeYamlAreAllReportedToo() {
    List<Problem> problems =
        pipelineProblems(
            """
            name: 1st-pipeline
            version: 1.0
            catalog: "no spaces"
            transforms:
              - type: python
                path: x
            governance: {emit_lineage: maybe}
            """);

    assertThat(problems)
        .extracting(Problem::code)
        .containsExactly("FLOE-S016", "FLOE-S013", "FLOE-S016", "FLOE-S015", "FLOE-S014");
  }

  // ---- files, hashes, positions -----------------------------------------------------------------

  @Test
  void loadsTheDemoFiles() throws IOException {
    Path demo = demoRoot();
    FloeSpec pipeline = loader.pipeline(demo.resolve("floe.yaml"), "floe.yaml").value();

    assertThat(pipeline.name()).isEqualTo("customer-analytics");
    for (String env : List.of("local", "dev", "staging", "prod")) {
      Path file = demo.resolve("platform").resolve(env).resolve("platform.yaml");
      Loaded<PlatformSpec> platform = loader.platform(file, "platform/" + env + "/platform.yaml");
      assertThat(platform.value().catalogs()).containsKey("default");
      assertThat(platform.value().storage()).containsKey("default");
      assertThat(platform.value().compute()).containsKey("default");
      assertThat(platform.sha256()).isEqualTo(Hashes.sha256(Files.readString(file)));
    }
  }

  @Test
  void missingFileIsY006(@TempDir Path dir) {
    List<Problem> problems =
        catchThrowableOfType(
                ProblemException.class,
                () -> loader.platform(dir.resolve("platform.yaml"), "platform/dev/platform.yaml"))
            .problems();

    Problem p = only(problems, Code.Y006);
    assertThat(p.file()).contains("platform/dev/platform.yaml");
    assertThat(p.position()).isEmpty();
  }

  @Test
  void hashIsTheSha256OfTheText() {
    Loaded<FloeSpec> pipeline = loader.pipelineText("floe.yaml", PIPELINE);

    assertThat(pipeline.sha256())
        .isEqualTo("sha256:" + "1b7a07cefcab4e2f7b2af5739f87c57c2ae1c49f91ecfe43d6c6d48d4a0f7e2d")
        .isEqualTo(Hashes.sha256(PIPELINE));
    assertThat(pipeline.file()).isEqualTo("floe.yaml");
  }

  @Test
  void sourceMapPointsAtEveryValueAndKey() {
    Loaded<PlatformSpec> platform =
        loader.platformText(
            "platform.yaml",
            "catalogs:\n  default:\n    uri: {secret_ref: polaris-uri}\n    warehouse: demo\n");

    assertThat(platform.sourceMap().position("catalogs.default.warehouse"))
        .contains(new SourcePosition("platform.yaml", 4, 16, 4));
    assertThat(platform.sourceMap().keyPosition("catalogs.default"))
        .hasValueSatisfying(at -> assertThat(at.line()).isEqualTo(2));
    assertThat(platform.sourceMap().origin("catalogs.default.namespace")).contains("default");
    assertThat(platform.value().catalogs().get("default").uri())
        .contains(new SecretRef("polaris-uri"));
  }

  @Test
  void loadedTextsAreKeptForSnippets() {
    loader.pipelineText("floe.yaml", PIPELINE);

    assertThat(loader.sources()).isSameAs(sources);
    assertThat(sources.line("floe.yaml", 2)).contains("version: \"1.0.0\"");
  }

  // ---- helpers ----------------------------------------------------------------------------------

  // ---- credentials in platform.yaml -------------------------------------------------------------

  private static final String GITHUB = "ghp_" + "Zq7VcN2pLm8RtY4wKx9BdF3hJs6GaE1uQo5T";
  private static final String AWS_KEY = "AKIA" + "2CA4EDWFJG57I534";

  @Test
  void everyStringOfPlatformYamlIsScanned() {
    List<Problem> problems =
        platformProblems(
            S3
                + "    region: "
                + AWS_KEY
                + "\nobservability:\n  attributes: {team: "
                + GITHUB
                + "}\n");

    assertThat(problems).extracting(Problem::code).containsOnly(Code.X040.id());
    assertThat(problems)
        .extracting(p -> p.path().orElseThrow())
        .containsExactly("storage.default.region", "observability.attributes.team");
    assertNoLeak(problems, GITHUB, AWS_KEY);
  }

  @Test
  void anExpandedCredentialIsAnErrorNamingTheVariableNotTheValue() {
    ConfigLoader withToken =
        new ConfigLoader(new SourceTexts(), Map.of("GITHUB_TOKEN", GITHUB, "REGION", "eu-west-1"));

    ProblemException e =
        catchThrowableOfType(
            ProblemException.class,
            () ->
                withToken.platformText(
                    "platform.yaml",
                    "catalogs:\n  default:\n    uri: http://polaris:8181/api/catalog\n"
                        + "    warehouse: dev\n"
                        + "    properties: {header.Authorization: \"Bearer ${GITHUB_TOKEN}\","
                        + " region: \"${REGION}\"}\n"));

    Problem p = only(e.problems(), Code.V004);
    assertThat(p.message()).contains("'GITHUB_TOKEN'").contains("GitHub token");
    assertNoLeak(e.problems(), GITHUB);
  }

  @Test
  void aCredentialInADefaultIsAHardCodedCredential() {
    Problem p =
        only(
            platformProblems(
                "observability:\n  attributes: {team: \"${UNSET_TEAM:-" + GITHUB + "}\"}\n"),
            Code.X040);

    assertThat(p.path()).contains("observability.attributes.team");
  }

  @Test
  void secretReferencesAndOrdinaryValuesPass() {
    Loaded<PlatformSpec> platform =
        loader.platformText(
            "platform.yaml",
            """
            catalogs:
              default:
                uri: {secret_ref: catalog-uri}
                warehouse: dev
                credentials:
                  mode: oauth2
                  client_id: {secret_ref: polaris-client-id}
                  client_secret: {secret_ref: polaris-client-secret}
                  scope: "PRINCIPAL_ROLE:DATA_ENGINEER"
            """);

    assertThat(platform.value().catalogs()).containsKey("default");
  }

  @Test
  void aCredentialKeyIsMaskedInMessagesPathsAndJson() {
    List<Problem> problems =
        platformProblems("storage:\n  " + AWS_KEY + ":\n    bucket: floe-data\n    region: 1\n");

    assertThat(problems).extracting(Problem::code).contains(Code.X040.id());
    assertNoLeak(problems, AWS_KEY);
    String json = dev.floe.core.diag.JsonRenderer.render(problems);
    String text =
        new dev.floe.core.diag.TextRenderer(sources, dev.floe.core.diag.TextRenderer.Colour.PLAIN)
            .render(problems);
    assertThat(json).doesNotContain(AWS_KEY);
    assertThat(text).doesNotContain(AWS_KEY).contains("****");
  }

  @Test
  void aUrlWithUserInfoAsAKeyIsMasked() {
    List<Problem> problems =
        platformProblems(
            "observability:\n  attributes:\n    \"postgres://etl:canary-Hunter2@db/x\": \"1\"\n");

    assertThat(problems).extracting(Problem::code).containsExactly(Code.X040.id());
    assertNoLeak(problems, "canary-Hunter2");
  }

  @Test
  void aBadTypeDoesNotHideACredentialInTheUrl() {
    List<Problem> problems =
        platformProblems(
            """
            catalogs:
              default:
                type: polaris2
                uri: "https://etl:canary-pw@polaris:8181/api/catalog"
                warehouse: dev
            """);

    assertThat(problems).extracting(Problem::code).containsExactly(Code.S015.id(), Code.C031.id());
  }

  @Test
  void aFloeYamlGivenAsPlatformIsSaidSo() {
    Problem p = only(platformProblems(PIPELINE + "assets: {packages: [a.b]}\n"), Code.S002);

    assertThat(p.message()).contains("looks like a floe.yaml");
  }

  @Test
  void aPlatformYamlGivenAsPipelineIsSaidSo() {
    Problem p = only(pipelineProblems("version: \"1.0.0\"\n" + S3), Code.S002);

    assertThat(p.message()).contains("looks like a platform.yaml");
  }

  private static void assertNoLeak(List<Problem> problems, String... secrets) {
    for (Problem p : problems) {
      for (String secret : secrets) {
        assertThat(p.toString()).doesNotContain(secret);
      }
    }
  }

  private List<Problem> platformProblems(String yaml) {
    return catchThrowableOfType(
            ProblemException.class, () -> loader.platformText("platform.yaml", yaml))
        .problems();
  }

  private List<Problem> pipelineProblems(String yaml) {
    return catchThrowableOfType(
            ProblemException.class, () -> loader.pipelineText("floe.yaml", yaml))
        .problems();
  }

  private static Problem only(List<Problem> problems, Code code) {
    assertThat(problems).extracting(Problem::code).containsExactly(code.id());
    return problems.get(0);
  }

  private static Path demoRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("demo").resolve("platform"))) {
        return dir.resolve("demo");
      }
    }
    throw new IllegalStateException("no demo/ folder above " + Path.of("").toAbsolutePath());
  }
}
