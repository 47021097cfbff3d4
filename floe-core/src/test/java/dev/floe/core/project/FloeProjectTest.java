package dev.floe.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.floe.core.diag.Code;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.TextRenderer;
import dev.floe.core.platform.LocatedPlatform;
import dev.floe.core.platform.PlatformRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project entry point: floe.yaml, its platform and the artifacts in one call. */
class FloeProjectTest {
  private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");
  private static final String PIPELINE = "name: orders\nversion: \"1.0.0\"\n";
  private static final String PLATFORM =
      """
      version: "1.0.0"
      storage: {default: {type: local, path: .floe/warehouse}}
      catalogs: {default: {type: jdbc, uri: 'jdbc:sqlite:c.db', warehouse: w}}
      compute: {default: {type: duckdb}}
      """;

  @TempDir Path dir;

  private final FloeProject project =
      FloeProject.builder()
          .clock(Clock.fixed(NOW, ZoneOffset.UTC))
          .variables(Map.of("FLOE_PLATFORM_ENV", "staging"))
          .build();

  @Test
  void loadsLocatesAndCompilesTheDemo() {
    Path demo = demoRoot();

    FloeProject.Compiled compiled =
        project.load(Path.of("floe.yaml"), request(demo).environment("prod").build());

    assertThat(compiled.pipeline().file()).isEqualTo("floe.yaml");
    assertThat(compiled.platform().environment()).isEqualTo("prod");
    assertThat(compiled.platform().source()).isEqualTo("platform/prod/platform.yaml");
    assertThat(compiled.artifacts().environment()).isEqualTo("prod");
    assertThat(compiled.artifacts().metadata().name())
        .isEqualTo(compiled.pipeline().value().name());
  }

  @Test
  void theClockAndTheVariablesAreInjected() throws IOException {
    write("floe.yaml", PIPELINE);
    write("platform/staging/platform.yaml", PLATFORM);

    FloeProject.Compiled compiled = project.load(Path.of("floe.yaml"), request(dir).build());

    assertThat(compiled.artifacts().metadata().compiledAt()).isEqualTo(NOW);
    assertThat(compiled.platform().environment()).as("FLOE_PLATFORM_ENV").isEqualTo("staging");
    assertThat(project.variables()).containsEntry("FLOE_PLATFORM_ENV", "staging");
  }

  @Test
  void problemsOfBothFilesComeTogetherSortedAndRenderOnTheirOwn() throws IOException {
    write("floe.yaml", PIPELINE + "catalgo: default\n");
    write("platform/dev/platform.yaml", PLATFORM + "compute: {}\n");

    ProblemException e =
        catchThrowableOfType(
            ProblemException.class,
            () -> project.load(Path.of("floe.yaml"), request(dir).environment("dev").build()));

    assertThat(e.problems())
        .extracting(p -> p.file().orElseThrow())
        .containsExactly("floe.yaml", "platform/dev/platform.yaml");
    assertThat(e.problems())
        .extracting(Problem::code)
        .containsExactly(Code.S010.id(), Code.Y002.id());
    String text = new TextRenderer(e.sources(), TextRenderer.Colour.PLAIN).render(e.problems());
    assertThat(text).contains("3 | catalgo: default").contains("5 | compute: {}");
  }

  @Test
  void compileProblemsPointAtFloeYamlAndRenderOnTheirOwn() throws IOException {
    write("floe.yaml", PIPELINE + "catalog: analytics\n");
    write("platform/dev/platform.yaml", PLATFORM);

    ProblemException e =
        catchThrowableOfType(
            ProblemException.class,
            () -> project.load(Path.of("floe.yaml"), request(dir).environment("dev").build()));

    assertThat(e.problems()).extracting(Problem::code).containsExactly(Code.R020.id());
    assertThat(new TextRenderer(e.sources(), TextRenderer.Colour.PLAIN).render(e.problems()))
        .contains("3 | catalog: analytics");
  }

  @Test
  void findsAPlatformWithoutAPipelineAndListsTheEnvironments() throws IOException {
    write("platform/dev/platform.yaml", PLATFORM);
    write("platform/prod/platform.yaml", PLATFORM);

    LocatedPlatform dev = project.platform(request(dir).environment("dev").build());

    assertThat(dev.source()).isEqualTo("platform/dev/platform.yaml");
    assertThat(dev.platform().value().catalogs()).containsOnlyKeys("default");
    assertThat(project.environments(request(dir).build())).containsExactly("dev", "prod");
    assertThat(project.sources().line("platform/dev/platform.yaml", 1))
        .contains("version: \"1.0.0\"");
  }

  @Test
  void aRequestSearchesFromTheProcessFoldersByDefault() {
    PlatformRequest request = PlatformRequest.builder().build();

    assertThat(request.workDir()).isEqualTo(Path.of("").toAbsolutePath());
    assertThat(request.environment()).isEmpty();
    assertThat(request.platform()).isEmpty();
  }

  private PlatformRequest.Builder request(Path workDir) {
    return PlatformRequest.builder().workDir(workDir).homeDir(dir.resolve("home"));
  }

  private void write(String file, String text) throws IOException {
    Path path = dir.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
  }

  private static Path demoRoot() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("demo/floe.yaml"))) {
        return d.resolve("demo");
      }
    }
    throw new IllegalStateException("no demo/ above " + Path.of("").toAbsolutePath());
  }
}
