package dev.floe.core.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.floe.core.diag.Code;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.SourceTexts;
import dev.floe.core.diag.TextRenderer;
import dev.floe.core.internal.load.ConfigLoader;
import dev.floe.core.platform.LocatedPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactJsonTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  private final SourceTexts sources = new SourceTexts();

  @ParameterizedTest
  @ValueSource(strings = {"local", "dev", "staging", "prod"})
  void demoArtifactsRoundTrip(String env) throws IOException {
    CompiledArtifacts artifacts = compileDemo(env);

    String json = ArtifactJson.write(artifacts);
    CompiledArtifacts read = ArtifactJson.read("target/compiled_artifacts.json", json);

    assertThat(read).isEqualTo(artifacts);
    assertThat(ArtifactJson.write(read)).isEqualTo(json);
    assertThat(read.environment()).isEqualTo(env);
  }

  @Test
  void roundTripsThroughAFile(@TempDir Path dir) throws IOException {
    CompiledArtifacts artifacts = compileDemo("prod");
    Path file = dir.resolve("compiled_artifacts.json");
    Files.writeString(file, ArtifactJson.write(artifacts));

    assertThat(ArtifactJson.read(file)).isEqualTo(artifacts);
  }

  @Test
  void unknownMajorVersionNamesBothVersions() throws IOException {
    String json = ArtifactJson.write(compileDemo("dev")).replaceFirst("\"2\\.0\\.0\"", "\"3.0.0\"");

    List<Problem> problems = problems(json);

    assertThat(problems).extracting(Problem::code).containsExactly(Code.A060.id());
    Problem p = problems.get(0);
    assertThat(p.message()).contains("'3.0.0'").contains("2.0.0");
    assertThat(p.position().orElseThrow().line()).isEqualTo(2);
    assertThat(p.path()).contains("version");
  }

  @Test
  void newerMinorVersionIsRead() throws IOException {
    String json = ArtifactJson.write(compileDemo("dev")).replaceFirst("\"2\\.0\\.0\"", "\"2.7.1\"");

    assertThat(ArtifactJson.read("a.json", json).version()).isEqualTo("2.7.1");
  }

  @Test
  void tamperedArtifactIsRefusedWithEveryProblem() throws IOException {
    String json =
        ArtifactJson.write(compileDemo("dev"))
            .replace("\"environment\": \"dev\",", "\"environment\": \"dev\",\n  \"debug\": true,")
            .replace("\"traces\": true", "\"traces\": \"yes\"")
            .replace("\"sampling\": 1.0", "\"sampling\": 7");

    List<Problem> problems = problems(json);

    assertThat(problems)
        .extracting(Problem::code)
        .contains("FLOE-S010", "FLOE-S014", "FLOE-S017", "FLOE-A061");
    Problem a061 =
        problems.stream().filter(p -> p.code().equals("FLOE-A061")).findFirst().orElseThrow();
    assertThat(a061.message()).contains("does not match contract 2.0.0");
    assertThat(a061.file()).contains("artifact.json");
  }

  @Test
  void missingFieldIsRefused() throws IOException {
    String json =
        ArtifactJson.write(compileDemo("local")).replace("  \"environment\": \"local\",\n", "");

    assertThat(problems(json)).extracting(Problem::code).containsExactly("FLOE-A061", "FLOE-S011");
  }

  @Test
  void secretValueWhereAReferenceBelongsIsRefused() throws IOException {
    String json =
        ArtifactJson.write(compileDemo("prod"))
            .replace(
                "\"client_secret\": {\n        \"secret_ref\": \"polaris-prod-client-secret\"\n"
                    + "      }",
                "\"client_secret\": \"hunter2\"");

    List<Problem> problems = problems(json);

    assertThat(problems).extracting(Problem::code).containsExactly("FLOE-A061", "FLOE-C030");
  }

  @Test
  void brokenJsonIsASyntaxProblem() {
    assertThat(problems("{\"version\": \"2.0.0\","))
        .extracting(Problem::code)
        .containsExactly("FLOE-Y001");
    assertThat(problems("[]")).extracting(Problem::code).contains("FLOE-A061");
  }

  @Test
  void missingFileIsY006(@TempDir Path dir) {
    List<Problem> problems =
        catchThrowableOfType(
                ProblemException.class, () -> ArtifactJson.read(dir.resolve("none.json")))
            .problems();

    assertThat(problems).extracting(Problem::code).containsExactly(Code.Y006.id());
  }

  @Test
  void problemsOfAnArtifactFileRenderOnTheirOwn(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("compiled_artifacts.json");
    Files.writeString(
        file, ArtifactJson.write(compileDemo("dev")).replaceFirst("\"2\\.0\\.0\"", "\"3.0.0\""));

    ProblemException e =
        catchThrowableOfType(ProblemException.class, () -> ArtifactJson.read(file));

    String shown = file.toString().replace('\\', '/');
    assertThat(e.problems()).extracting(p -> p.file().orElseThrow()).containsExactly(shown);
    assertThat(new TextRenderer(e.sources(), TextRenderer.Colour.PLAIN).render(e.problems()))
        .contains(" --> " + shown + ":2:14")
        .contains("2 |   \"version\": \"3.0.0\",")
        .contains("^^^^^^^");
  }

  @Test
  void impossibleCompiledAtIsAProblem() throws IOException {
    String json =
        ArtifactJson.write(compileDemo("dev"))
            .replace("\"compiled_at\": \"2026-01-02", "\"compiled_at\": \"2026-13-02");

    assertThat(problems(json)).extracting(Problem::code).contains("FLOE-A061");
  }

  @Test
  void everyValueThePlatformAcceptsRoundTrips() throws IOException {
    for (String escaped : List.of("\\x9f", "\\x80", "\\uFFFE")) {
      ConfigLoader loader = new ConfigLoader(sources, Map.of());
      LocatedPlatform platform =
          new LocatedPlatform(
              loader.platformText(
                  "platform.yaml",
                  "catalogs: {default: {type: jdbc, uri: 'jdbc:sqlite:c.db', warehouse: w}}\n"
                      + "storage: {default: {type: local, path: p}}\n"
                      + "compute: {default: {}}\n"
                      + "observability: {attributes: {note: \"a"
                      + escaped
                      + "b\"}}\n"),
              "dev",
              "platform.yaml");
      CompiledArtifacts artifacts =
          new Compiler(CLOCK, Map.of())
              .compile(loader.pipelineText("floe.yaml", "name: p\nversion: \"1.0.0\"\n"), platform);

      assertThat(ArtifactJson.read("a.json", ArtifactJson.write(artifacts)))
          .as(escaped)
          .isEqualTo(artifacts);
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private CompiledArtifacts compileDemo(String env) throws IOException {
    Path demo = demoRoot();
    ConfigLoader loader = new ConfigLoader(sources, Map.of());
    String platformFile = "platform/" + env + "/platform.yaml";
    LocatedPlatform platform =
        new LocatedPlatform(
            loader.platform(demo.resolve(platformFile), platformFile), env, platformFile);
    return new Compiler(CLOCK, Map.of())
        .compile(loader.pipeline(demo.resolve("floe.yaml"), "floe.yaml"), platform);
  }

  private List<Problem> problems(String json) {
    return catchThrowableOfType(
            ProblemException.class, () -> ArtifactJson.read("artifact.json", json))
        .problems();
  }

  /** The demo folder: the repository root is found by walking up until {@code demo/} exists. */
  private static Path demoRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("demo"))) {
        return dir.resolve("demo");
      }
    }
    throw new IllegalStateException("no demo/ folder above " + Path.of("").toAbsolutePath());
  }
}
