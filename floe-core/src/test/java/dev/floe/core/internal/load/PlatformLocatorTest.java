package dev.floe.core.internal.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.floe.core.diag.Code;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.SourcePaths;
import dev.floe.core.diag.SourcePosition;
import dev.floe.core.diag.SourceTexts;
import dev.floe.core.model.CatalogType;
import dev.floe.core.model.ComputeType;
import dev.floe.core.model.Environments;
import dev.floe.core.model.FloeSpec;
import dev.floe.core.model.PlatformSpec;
import dev.floe.core.model.StorageType;
import dev.floe.core.model.StringOrSecret;
import dev.floe.core.platform.LocatedPlatform;
import dev.floe.core.platform.PlatformRequest;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Platform discovery with temporary project, working and home folders and an explicit env. */
class PlatformLocatorTest {
  @TempDir Path root;

  private Path project;
  private Path work;
  private Path home;
  private final Map<String, String> env = new HashMap<>();
  private final PlatformLocator locator =
      new PlatformLocator(new ConfigLoader(new SourceTexts(), Map.of()));

  @BeforeEach
  void folders() throws IOException {
    project = Files.createDirectories(root.resolve("project"));
    work = Files.createDirectories(root.resolve("work"));
    home = Files.createDirectories(root.resolve("home"));
  }

  // ---- --platform and FLOE_PLATFORM_FILE --------------------------------------------------------

  @Test
  void platformOptionNamesAFile() throws IOException {
    Path file = write(project.resolve("platform/staging/platform.yaml"), "staging-wh");

    LocatedPlatform located = locator.locate(request(Optional.of(file), Optional.empty()));

    assertThat(warehouse(located)).isEqualTo("staging-wh");
    assertThat(located.environment()).isEqualTo("staging");
    assertThat(located.source()).isEqualTo("platform/staging/platform.yaml");
  }

  @Test
  void platformOptionNamesAFolder() throws IOException {
    write(project.resolve("platform/dev/platform.yaml"), "dev-wh");

    LocatedPlatform located =
        locator.locate(request(Optional.of(project.resolve("platform/dev")), Optional.empty()));

    assertThat(warehouse(located)).isEqualTo("dev-wh");
    assertThat(located.environment()).isEqualTo("dev");
    assertThat(located.source()).isEqualTo("platform/dev/platform.yaml");
  }

  @Test
  void platformOptionIsRelativeToTheWorkingFolder() throws IOException {
    write(work.resolve("conf/platform.yaml"), "conf-wh");

    LocatedPlatform located =
        locator.locate(request(Optional.of(Path.of("conf/platform.yaml")), Optional.empty()));

    assertThat(warehouse(located)).isEqualTo("conf-wh");
    assertThat(located.environment()).isEqualTo("conf");
    assertThat(located.platform().file()).isEqualTo("conf/platform.yaml");
  }

  @Test
  void platformOptionInAFolderThatIsNoEnvironmentNameIsCustom() throws IOException {
    Path file = write(project.resolve("My_Platforms/prod.yaml"), "custom-wh");

    LocatedPlatform located = locator.locate(request(Optional.of(file), Optional.empty()));

    assertThat(located.environment()).isEqualTo("custom");
    assertThat(located.source()).isEqualTo("My_Platforms/prod.yaml");
  }

  @Test
  void envOptionNamesTheEnvironmentOfAFileOutsideAnEnvironmentFolder() throws IOException {
    Path file = write(root.resolve("configmap/platform.yaml"), "helm-wh");

    LocatedPlatform located = locator.locate(request(Optional.of(file), Optional.of("qa")));

    assertThat(located.environment()).isEqualTo("qa");
  }

  @Test
  void envOptionThatContradictsTheEnvironmentFolderIsRefused() throws IOException {
    Path file = write(project.resolve("platform/dev/platform.yaml"), "dev-wh");

    assertThatThrownBy(() -> locator.locate(request(Optional.of(file), Optional.of("qa"))))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problems()).extracting(Problem::code).containsExactly("FLOE-E055");
              assertThat(e.problems().get(0).message())
                  .contains("'qa' (--env)")
                  .contains("environment 'dev'");
            });
  }

  @Test
  void platformFileThatContradictsFloePlatformEnvIsRefused() throws IOException {
    Path file = write(project.resolve("platform/prod/platform.yaml"), "prod-wh");
    env.put("FLOE_PLATFORM_FILE", file.toString());
    env.put("FLOE_PLATFORM_ENV", "qa");

    assertThatThrownBy(() -> locator.locate(request(Optional.empty(), Optional.empty())))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.problems().get(0).message())
                    .contains("'qa' (FLOE_PLATFORM_ENV)")
                    .contains("(FLOE_PLATFORM_FILE)"));
  }

  @Test
  void envOptionThatAgreesWithTheEnvironmentFolderIsFine() throws IOException {
    Path file = write(project.resolve("platform/dev/platform.yaml"), "dev-wh");

    LocatedPlatform located = locator.locate(request(Optional.of(file), Optional.of("dev")));

    assertThat(located.environment()).isEqualTo("dev");
    assertThat(located.warnings()).isEmpty();
  }

  @Test
  void platformOptionBeatsEverythingElse() throws IOException {
    Path chosen = write(root.resolve("elsewhere/platform.yaml"), "chosen");
    write(project.resolve("platform/local/platform.yaml"), "project-local");
    env.put("FLOE_PLATFORM_FILE", write(root.resolve("env/platform.yaml"), "env-file").toString());

    LocatedPlatform located = locator.locate(request(Optional.of(chosen), Optional.empty()));

    assertThat(warehouse(located)).isEqualTo("chosen");
    assertThat(located.source()).isEqualTo(chosen.toAbsolutePath().toString().replace('\\', '/'));
  }

  @Test
  void floePlatformFileIsUsedWhenNoOptionIsGiven() throws IOException {
    Path file = write(root.resolve("configmap/platform.yaml"), "helm-wh");
    write(project.resolve("platform/local/platform.yaml"), "project-local");
    env.put("FLOE_PLATFORM_FILE", file.toString());

    LocatedPlatform located = locator.locate(request(Optional.empty(), Optional.empty()));

    assertThat(warehouse(located)).isEqualTo("helm-wh");
    assertThat(located.environment()).isEqualTo("configmap");
  }

  @Test
  void platformFileInTheFileSystemRoot() throws IOException {
    // A zip file system stands in for a container's root folder.
    try (FileSystem zip =
        FileSystems.newFileSystem(root.resolve("root.zip"), Map.of("create", "true"))) {
      Path file = write(zip.getPath("/platform.yaml"), "root-wh");
      Path folder = Files.createDirectories(zip.getPath("/app"));
      PlatformLocator.Search request =
          PlatformLocator.Search.of(
              PlatformRequest.builder().platform(file).workDir(folder).homeDir(folder).build(),
              folder,
              Map.of());

      LocatedPlatform located = locator.locate(request);

      assertThat(warehouse(located)).isEqualTo("root-wh");
      assertThat(located.environment()).isEqualTo("custom");
    }
  }

  @Test
  void missingPlatformPathIsE052() {
    Path missing = project.resolve("platform/nope/platform.yaml");

    Problem p = problem(request(Optional.of(missing), Optional.empty()));

    assertThat(p.code()).isEqualTo(Code.E052.id());
    assertThat(p.message()).contains("nope/platform.yaml").contains("does not exist");
    assertThat(p.file()).hasValueSatisfying(f -> assertThat(f).endsWith("nope/platform.yaml"));
  }

  @Test
  void missingPlatformFolderIsE052() {
    Problem p = problem(request(Optional.of(project.resolve("platform/qa")), Optional.empty()));

    assertThat(p.code()).isEqualTo(Code.E052.id());
    assertThat(p.message()).contains("platform/qa");
  }

  @Test
  void aFolderWithoutPlatformYamlIsSaidSo() throws IOException {
    Path folder = java.nio.file.Files.createDirectories(project.resolve("platform/empty"));

    Problem p = problem(request(Optional.of(folder), Optional.empty()));

    assertThat(p.code()).isEqualTo(Code.E052.id());
    assertThat(p.message()).contains("the folder has no platform.yaml");
  }

  @Test
  void aPipeIsNotAPlatformFile() throws Exception {
    Path fifo = root.resolve("platform.fifo");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo works");

    Problem p = problem(request(Optional.of(fifo), Optional.empty()));

    assertThat(p.code()).isEqualTo(Code.E052.id());
    assertThat(p.message()).contains("not a regular file").contains("<(…)");
  }

  @Test
  void missingFloePlatformFileIsE052NamingTheVariable() {
    env.put("FLOE_PLATFORM_FILE", root.resolve("gone.yaml").toString());

    Problem p = problem(request(Optional.empty(), Optional.empty()));

    assertThat(p.code()).isEqualTo(Code.E052.id());
    assertThat(p.message()).contains("FLOE_PLATFORM_FILE");
    assertThat(p.hint())
        .hasValueSatisfying(h -> assertThat(h).contains("unset FLOE_PLATFORM_FILE"));
  }

  // ---- --env search order -----------------------------------------------------------------------

  @Test
  void envSearchOrder() throws IOException {
    Path inProject = write(project.resolve("platform/dev/platform.yaml"), "project-platform");
    Path inWork = write(work.resolve("platform/dev/platform.yaml"), "work-platform");
    Path inProjectFloe = write(project.resolve(".floe/dev/platform.yaml"), "project-floe");
    Path inWorkFloe = write(work.resolve(".floe/dev/platform.yaml"), "work-floe");
    Path inHome = write(home.resolve(".floe/dev/platform.yaml"), "home-floe");
    PlatformLocator.Search request = request(Optional.empty(), Optional.of("dev"));

    assertThat(PlatformLocator.candidates(request, "dev"))
        .containsExactly(
            inProject.toAbsolutePath().normalize(),
            inWork.toAbsolutePath().normalize(),
            inProjectFloe.toAbsolutePath().normalize(),
            inWorkFloe.toAbsolutePath().normalize(),
            inHome.toAbsolutePath().normalize());
    List<Path> order = List.of(inProject, inWork, inProjectFloe, inWorkFloe, inHome);
    List<String> expected =
        List.of("project-platform", "work-platform", "project-floe", "work-floe", "home-floe");
    for (int i = 0; i < order.size(); i++) {
      LocatedPlatform located = locator.locate(request);
      assertThat(warehouse(located)).as("with %s present", order.get(i)).isEqualTo(expected.get(i));
      assertThat(located.environment()).isEqualTo("dev");
      Files.delete(order.get(i));
    }
    assertThat(problem(request).code()).isEqualTo(Code.E050.id());
  }

  @Test
  void projectPlatformFolderBeatsWorkingFolder() throws IOException {
    write(project.resolve("platform/dev/platform.yaml"), "project-platform");
    write(work.resolve("platform/dev/platform.yaml"), "work-platform");

    LocatedPlatform located = locator.locate(request(Optional.empty(), Optional.of("dev")));

    assertThat(warehouse(located)).isEqualTo("project-platform");
    assertThat(located.source()).isEqualTo("platform/dev/platform.yaml");
    assertThat(located.platform().file())
        .isEqualTo(SourcePaths.display(project.resolve("platform/dev/platform.yaml"), work));
  }

  @Test
  void floePlatformEnvNamesTheEnvironmentWhenNoOptionIsGiven() throws IOException {
    write(project.resolve("platform/staging/platform.yaml"), "staging-wh");
    write(project.resolve("platform/local/platform.yaml"), "local-wh");
    env.put("FLOE_PLATFORM_ENV", "staging");

    assertThat(warehouse(locator.locate(request(Optional.empty(), Optional.empty()))))
        .isEqualTo("staging-wh");
    assertThat(warehouse(locator.locate(request(Optional.empty(), Optional.of("local")))))
        .isEqualTo("local-wh");
  }

  @Test
  void localIsTheDefaultEnvironment() throws IOException {
    write(project.resolve("platform/local/platform.yaml"), "local-wh");

    LocatedPlatform located = locator.locate(request(Optional.empty(), Optional.empty()));

    assertThat(warehouse(located)).isEqualTo("local-wh");
    assertThat(located.environment()).isEqualTo("local");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sandbox-team-a", "dr-region-2", "qa", "x", "0", "a-b-c-d-e-f-g-h"})
  void anyEnvironmentNameWorks(String name) throws IOException {
    write(project.resolve("platform/" + name + "/platform.yaml"), name + "-wh");

    LocatedPlatform located = locator.locate(request(Optional.empty(), Optional.of(name)));

    assertThat(warehouse(located)).isEqualTo(name + "-wh");
    assertThat(located.environment()).isEqualTo(name);
    assertThat(located.source()).isEqualTo("platform/" + name + "/platform.yaml");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Dev", "dev_1", "-dev", "dev-", "../prod", "a/b", "dev.prod", " dev", "ü"})
  void invalidEnvNameIsE051(String name) {
    Problem p = problem(request(Optional.empty(), Optional.of(name)));

    assertThat(p.code()).isEqualTo(Code.E051.id());
    assertThat(p.message()).contains("'" + name + "'").contains("--env");
  }

  @Test
  void tooLongEnvNameIsE051() {
    String name = "a".repeat(64);

    assertThat(problem(request(Optional.empty(), Optional.of(name))).code())
        .isEqualTo(Code.E051.id());
    assertThat(Environments.isValid("a".repeat(63))).isTrue();
  }

  @Test
  void invalidFloePlatformEnvIsE051NamingTheVariable() {
    env.put("FLOE_PLATFORM_ENV", "Prod");

    Problem p = problem(request(Optional.empty(), Optional.empty()));

    assertThat(p.code()).isEqualTo(Code.E051.id());
    assertThat(p.message()).contains("FLOE_PLATFORM_ENV");
  }

  // ---- nothing on disk --------------------------------------------------------------------------

  @Test
  void envFallbackFromFloeVariables() {
    env.put("FLOE_CATALOG_URI", "http://polaris:8181/api/catalog");
    env.put("FLOE_CATALOG_WAREHOUSE", "from-env");
    env.put("FLOE_STORAGE_BUCKET", "floe-env");
    env.put("FLOE_STORAGE_REGION", "eu-north-1");
    env.put("FLOE_STORAGE_ENDPOINT", "http://minio:9000");
    env.put("FLOE_COMPUTE_TYPE", "trino");
    env.put("FLOE_OTLP_ENDPOINT", "http://otel:4318");
    env.put("FLOE_LINEAGE_ENDPOINT", "http://marquez:5000");

    LocatedPlatform located = locator.locate(request(Optional.empty(), Optional.empty()));

    assertThat(located.source()).isEqualTo(PlatformLocator.ENV_SOURCE).isEqualTo("env");
    assertThat(located.environment()).isEqualTo("local");
    PlatformSpec spec = located.platform().value();
    assertThat(spec.catalogs().get("default").type()).isEqualTo(CatalogType.POLARIS);
    assertThat(spec.catalogs().get("default").uri())
        .contains(StringOrSecret.literal("http://polaris:8181/api/catalog"));
    assertThat(spec.catalogs().get("default").warehouse()).isEqualTo("from-env");
    assertThat(spec.storage().get("default").bucket()).contains("floe-env");
    assertThat(spec.storage().get("default").region()).contains("eu-north-1");
    assertThat(spec.compute().get("default").type()).isEqualTo(ComputeType.TRINO);
    assertThat(spec.observability().otlpEndpoint())
        .contains(StringOrSecret.literal("http://otel:4318"));
    assertThat(spec.observability().lineageEndpoint())
        .contains(StringOrSecret.literal("http://marquez:5000"));
  }

  @Test
  void envFallbackWorksForAnyEnvironment() {
    env.put("FLOE_CATALOG_TYPE", "jdbc");
    env.put("FLOE_CATALOG_URI", "jdbc:sqlite:catalog.db");
    env.put("FLOE_CATALOG_WAREHOUSE", "wh");
    env.put("FLOE_STORAGE_BUCKET", "ci-bucket");

    LocatedPlatform located = locator.locate(request(Optional.empty(), Optional.of("ci")));

    assertThat(located.source()).isEqualTo("env");
    assertThat(located.environment()).isEqualTo("ci");
    assertThat(located.platform().value().catalogs().get("default").type())
        .isEqualTo(CatalogType.JDBC);
  }

  @Test
  void envFallbackHasOneProfileOfEachKindWithTheDocumentedDefaults() {
    env.put("FLOE_CATALOG_URI", "http://polaris:8181/api/catalog");
    env.put("FLOE_CATALOG_WAREHOUSE", "wh");
    env.put("FLOE_STORAGE_BUCKET", "ci-bucket");

    PlatformSpec spec =
        locator.locate(request(Optional.empty(), Optional.of("ci"))).platform().value();

    assertThat(spec.catalogs()).containsOnlyKeys("default");
    assertThat(spec.storage()).containsOnlyKeys("default");
    assertThat(spec.compute()).containsOnlyKeys("default");
    assertThat(spec.catalogs().get("default").type()).isEqualTo(CatalogType.POLARIS);
    assertThat(spec.compute().get("default").type()).isEqualTo(ComputeType.DUCKDB);
  }

  @Test
  void strayOtlpEndpointKeepsTheBuiltInLocalProfiles() {
    env.put("FLOE_OTLP_ENDPOINT", "http://otel:4318");

    LocatedPlatform located = locator.locate(request(Optional.empty(), Optional.empty()));
    PlatformSpec spec = located.platform().value();

    assertThat(located.source()).isEqualTo("env");
    assertThat(spec.catalogs().get("default").type()).isEqualTo(CatalogType.JDBC);
    assertThat(spec.storage().get("default").type()).isEqualTo(StorageType.LOCAL);
    assertThat(spec.compute().get("default").type()).isEqualTo(ComputeType.DUCKDB);
    assertThat(spec.observability().otlpEndpoint()).isPresent();
  }

  @Test
  void envFallbackOutsideLocalNamesTheMissingVariables() {
    env.put("FLOE_OTLP_ENDPOINT", "http://otel:4318");

    assertThatThrownBy(() -> locator.locate(request(Optional.empty(), Optional.of("qa"))))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.problems().get(0).message())
                    .contains("FLOE_CATALOG_URI and FLOE_CATALOG_WAREHOUSE")
                    .contains("FLOE_STORAGE_BUCKET")
                    .contains("set: FLOE_OTLP_ENDPOINT"));
  }

  @Test
  void envFallbackValuesAreQuotedNotParsedAsYaml() {
    env.put("FLOE_CATALOG_URI", "http://polaris/api");
    env.put("FLOE_CATALOG_WAREHOUSE", "a: \"b\" # not a comment\n  c: [d]\\");

    PlatformSpec spec =
        locator.locate(request(Optional.empty(), Optional.empty())).platform().value();

    assertThat(spec.catalogs().get("default").warehouse())
        .isEqualTo("a: \"b\" # not a comment\n  c: [d]\\");
  }

  @Test
  void envFallbackValuesAreTakenLiterally() {
    env.put("FLOE_CATALOG_URI", "http://polaris/api");
    for (String value : List.of("cost$${y}", "wh${X}")) {
      env.put("FLOE_CATALOG_WAREHOUSE", value);

      PlatformSpec spec =
          locator.locate(request(Optional.empty(), Optional.empty())).platform().value();

      assertThat(spec.catalogs().get("default").warehouse()).isEqualTo(value);
    }
  }

  @Test
  void emptyFallbackVariablesCountAsUnset() {
    env.put("FLOE_CATALOG_URI", "");

    assertThat(locator.locate(request(Optional.empty(), Optional.empty())).source())
        .isEqualTo(PlatformLocator.BUILTIN_LOCAL);
  }

  @Test
  void builtInLocalDefaultWhenNothingExists() {
    LocatedPlatform located = locator.locate(request(Optional.empty(), Optional.empty()));

    assertThat(located.source()).isEqualTo("builtin:local");
    assertThat(located.environment()).isEqualTo("local");
    PlatformSpec spec = located.platform().value();
    assertThat(spec.storage().get("default").type()).isEqualTo(StorageType.LOCAL);
    assertThat(spec.catalogs().get("default").type()).isEqualTo(CatalogType.JDBC);
    assertThat(spec.compute().get("default").type()).isEqualTo(ComputeType.DUCKDB);
    assertThat(spec.storage().get("default").path())
        .hasValueSatisfying(p -> assertThat(p).startsWith(".floe"));
    assertThat(located.platform().file()).isEqualTo("builtin:local");
  }

  @Test
  void devWithNothingIsE050ListingEverySearchedPath() throws IOException {
    write(project.resolve("platform/staging/platform.yaml"), "staging-wh");
    write(project.resolve("platform/local/platform.yaml"), "local-wh");
    PlatformLocator.Search request = request(Optional.empty(), Optional.of("dev"));

    Problem p = problem(request);

    assertThat(p.code()).isEqualTo(Code.E050.id());
    assertThat(p.message()).contains("'dev'").contains("--platform").contains("FLOE_PLATFORM_FILE");
    List<Path> candidates = PlatformLocator.candidates(request, "dev");
    assertThat(candidates).hasSize(5);
    for (Path candidate : candidates) {
      assertThat(p.message()).contains(SourcePaths.display(candidate, work));
    }
    for (String variable : PlatformLocator.FALLBACK_VARIABLES) {
      assertThat(p.message()).contains(variable);
    }
    assertThat(p.choices()).containsExactly("local", "staging");
    assertThat(p.hint())
        .hasValueSatisfying(h -> assertThat(h).contains("platform/dev/platform.yaml"));
  }

  @Test
  void registryPinWithoutALocalFileIsR021() {
    FloeSpec.PlatformPin pin =
        new FloeSpec.PlatformPin("oci://registry.example.com/acme/platform", Optional.of("^1.4.0"));
    SourcePosition at = new SourcePosition("floe.yaml", 4, 8, 39);
    PlatformLocator.Search request =
        request(Optional.empty(), Optional.of("prod"))
            .withPin(new PlatformLocator.Pin(pin, Optional.of(at)));

    Problem p = problem(request);

    assertThat(p.code()).isEqualTo(Code.R021.id());
    assertThat(p.message())
        .contains("oci://registry.example.com/acme/platform@^1.4.0")
        .contains("'prod'");
    assertThat(p.position()).contains(at);
    assertThat(p.path()).contains("platform.ref");
  }

  @Test
  void localFileBeatsTheRegistryPin() throws IOException {
    write(project.resolve("platform/prod/platform.yaml"), "prod-wh");
    FloeSpec.PlatformPin pin = new FloeSpec.PlatformPin("oci://r.example.com/p", Optional.empty());
    PlatformLocator.Search request =
        request(Optional.empty(), Optional.of("prod"))
            .withPin(new PlatformLocator.Pin(pin, Optional.empty()));

    LocatedPlatform located = locator.locate(request);

    assertThat(warehouse(located)).isEqualTo("prod-wh");
    assertThat(located.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo(Code.R022.id());
              assertThat(w.isError()).isFalse();
              assertThat(w.message())
                  .contains("oci://r.example.com/p")
                  .contains("platform/prod/platform.yaml");
            });
  }

  @Test
  void anInvalidPlatformFileIsReportedNotSkipped() throws IOException {
    Files.createDirectories(project.resolve("platform/dev"));
    Files.writeString(project.resolve("platform/dev/platform.yaml"), "catalogs: [oops]\n");
    write(home.resolve(".floe/dev/platform.yaml"), "home-wh");

    Problem p = problem(request(Optional.empty(), Optional.of("dev")));

    assertThat(p.code()).isEqualTo(Code.S012.id());
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private PlatformLocator.Search request(Optional<Path> platform, Optional<String> envName) {
    return PlatformLocator.Search.of(
        new PlatformRequest(platform, envName, work, home), project, env);
  }

  private Problem problem(PlatformLocator.Search request) {
    List<Problem> problems =
        catchThrowableOfType(ProblemException.class, () -> locator.locate(request)).problems();
    assertThat(problems).hasSize(1);
    return problems.get(0);
  }

  private static Path write(Path file, String warehouse) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "version: \"1.0.0\"\n"
            + "catalogs:\n  default:\n    type: jdbc\n    uri: jdbc:sqlite:catalog.db\n"
            + "    warehouse: "
            + warehouse
            + "\n");
    return file;
  }

  private static String warehouse(LocatedPlatform located) {
    return located.platform().value().catalogs().get("default").warehouse();
  }
}
