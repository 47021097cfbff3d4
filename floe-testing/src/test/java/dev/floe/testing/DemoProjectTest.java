package dev.floe.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.secret.SecretRequirement;
import dev.floe.core.secret.SecretResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoProjectTest {
  @TempDir Path temp;

  @Test
  void copiesTheDemoProjectOfTheRepositoryExactly() throws IOException {
    DemoProject demo = DemoProject.copyTo(temp.resolve("a/b"));

    Path source = repositoryDemo();
    assertThat(files(demo.root())).isEqualTo(sourceFiles(source));
    for (String file : files(demo.root())) {
      assertThat(demo.read(file)).as(file).isEqualTo(Files.readString(source.resolve(file)));
    }
    assertThat(demo.floeYaml()).isEqualTo(demo.root().resolve("floe.yaml"));
    assertThat(demo.platformFile("dev")).isRegularFile();
    assertThat(demo.root()).isAbsolute();
  }

  @Test
  void editsWritesAndReadsFilesOfTheCopy() {
    DemoProject demo = DemoProject.copyTo(temp);

    demo.edit("floe.yaml", "catalog: default", "catalog: analytics");
    demo.write("platform/qa/platform.yaml", "version: \"1.0.0\"\n");

    assertThat(demo.read("floe.yaml")).contains("catalog: analytics");
    assertThat(demo.platformFile("qa")).hasContent("version: \"1.0.0\"");
    assertThatThrownBy(() -> demo.edit("floe.yaml", "no such text", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no such text");
  }

  @Test
  void providesEverySecretOfAnEnvironmentAsVariablesOrFiles() {
    DemoProject demo = DemoProject.copyTo(temp.resolve("project"));
    SecretCanaries canaries = SecretCanaries.withSeed(1);
    Path secrets = temp.resolve("secrets");

    Map<String, String> env = demo.secretVariables("dev", canaries::next);
    Map<Path, String> files = demo.writeSecretFiles("dev", secrets, canaries::next);

    List<SecretRequirement> required = demo.secrets("dev");
    assertThat(required).isNotEmpty();
    assertThat(env).containsKeys("POLARIS_CLIENT_ID", "POLARIS_CLIENT_SECRET");
    assertThat(env.values()).allMatch(v -> v.startsWith(SecretCanaries.PREFIX));
    assertThat(files).containsKey(secrets.resolve("polaris-client-secret"));
    files.forEach((file, value) -> assertThat(file).hasContent(value));
    SecretResolver fromEnv = new SecretResolver(env, temp.resolve("none"), List.of());
    SecretResolver fromFiles = new SecretResolver(Map.of(), secrets, List.of());
    assertThat(fromEnv.lookupAll(required)).allMatch(l -> l.isFound());
    assertThat(fromFiles.lookupAll(required)).allMatch(l -> l.isFound());
  }

  @Test
  void theLocalEnvironmentNeedsNoSecret() {
    DemoProject demo = DemoProject.copyTo(temp);

    assertThat(demo.secretVariables("local", () -> "x")).isEmpty();
    assertThat(demo.toString()).contains(temp.toString());
  }

  private static Path repositoryDemo() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("demo/floe.yaml"))) {
        return dir.resolve("demo");
      }
    }
    throw new IllegalStateException("no demo/ above the working folder");
  }

  /** The demo's source files: floe.yaml and platform/*\/platform.yaml, not generated output. */
  private static List<String> sourceFiles(Path demo) throws IOException {
    List<String> names = new ArrayList<>();
    for (String file : files(demo)) {
      if (file.equals("floe.yaml")
          || file.matches("platform/[^/]+/platform\\.yaml")
          || file.matches("sql/.+\\.sql")) {
        names.add(file);
      }
    }
    return names;
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }
}
