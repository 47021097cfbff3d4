package dev.floe.testing.runtime;

import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.TextRenderer;
import dev.floe.core.model.Environments;
import dev.floe.core.platform.PlatformRequest;
import dev.floe.core.project.FloeProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes or copies the project of a test class into its folder and compiles it. Every problem
 * becomes an {@link IllegalArgumentException} whose message says what to fix; the extension turns
 * it into a configuration failure of the class.
 */
final class TestProjects {
  private static final int MAX_NAME = 100;

  private TestProjects() {}

  /**
   * The minimal project of a test class: floe.yaml named after {@code testClass} and a local
   * platform for {@code environment}.
   */
  static CompiledArtifacts writeDefault(Path root, Class<?> testClass, String environment) {
    checkEnvironment(environment);
    StringBuilder floe = new StringBuilder();
    floe.append("# Written by @FloeTest for ").append(testClass.getName()).append('\n');
    floe.append("name: ").append(pipelineName(testClass.getSimpleName())).append('\n');
    floe.append("version: \"0.0.1\"\n");
    floe.append("catalog: default\nstorage: default\ncompute: default\n");
    String pkg = testClass.getPackageName();
    if (!pkg.isEmpty()) {
      floe.append("assets:\n  packages: [").append(pkg).append("]\n");
    }
    floe.append("observability:\n  traces: true\n  lineage: true\n  metrics: false\n");
    write(root.resolve("floe.yaml"), floe.toString());
    write(root.resolve("platform").resolve(environment).resolve("platform.yaml"), LOCAL_PLATFORM);
    return compile(root, environment);
  }

  /** A copy of the user's project folder {@code source}: its floe.yaml and one platform.yaml. */
  static CompiledArtifacts copy(Path source, Path root, String environment) {
    checkEnvironment(environment);
    Path folder = source.toAbsolutePath().normalize();
    Path floeYaml = folder.resolve("floe.yaml");
    if (!Files.isRegularFile(floeYaml)) {
      throw new IllegalArgumentException(
          "Cannot use project folder "
              + folder
              + ": it has no floe.yaml (a relative project path starts at the working folder "
              + Path.of("").toAbsolutePath()
              + ")");
    }
    Path platform = folder.resolve("platform").resolve(environment).resolve("platform.yaml");
    if (!Files.isRegularFile(platform)) {
      throw new IllegalArgumentException(
          "Cannot use project folder "
              + folder
              + ": it has no platform/"
              + environment
              + "/platform.yaml for environment '"
              + environment
              + "'");
    }
    try {
      Files.createDirectories(root);
      Files.copy(floeYaml, root.resolve("floe.yaml"));
      Path target = root.resolve("platform").resolve(environment).resolve("platform.yaml");
      Files.createDirectories(target.getParent());
      Files.copy(platform, target);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot copy the project " + folder + " to " + root + ": " + e, e);
    }
    return compile(root, environment);
  }

  /** {@code OrdersPipelineTest → orders-pipeline-test}: a valid floe.yaml {@code name}. */
  static String pipelineName(String className) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < className.length(); i++) {
      char c = className.charAt(i);
      boolean ascii = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-');
      if (!ascii) {
        out.append('-');
      } else if (Character.isUpperCase(c)) {
        boolean wordStart =
            out.length() > 0
                && !Character.isUpperCase(className.charAt(i - 1))
                && "-_".indexOf(out.charAt(out.length() - 1)) < 0;
        if (wordStart) {
          out.append('-');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    String name = out.toString();
    if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
      name = "test-" + name;
    }
    return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
  }

  private static void checkEnvironment(String environment) {
    if (!Environments.isValid(environment)) {
      throw new IllegalArgumentException(
          "Environment '"
              + environment
              + "' is not a valid environment name: lower-case letters, digits and '-' (for"
              + " example 'local')");
    }
  }

  private static CompiledArtifacts compile(Path root, String environment) {
    // No process variables: a FLOE_PLATFORM_FILE of the developer's shell must not change what a
    // test compiles against, and the home folder is the project's own folder for the same reason.
    FloeProject project = FloeProject.builder().variables(Map.of()).build();
    try {
      return project
          .load(
              root.resolve("floe.yaml"),
              PlatformRequest.builder()
                  .environment(environment)
                  .workDir(root)
                  .homeDir(root)
                  .build())
          .artifacts();
    } catch (ProblemException e) {
      String rendered =
          new TextRenderer(e.sources(), TextRenderer.Colour.PLAIN).render(e.problems());
      throw new IllegalArgumentException(
          "Cannot compile the test project for environment '" + environment + "':\n" + rendered, e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Path parent = file.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The embedded local platform: SQLite catalog, local folder, DuckDB; no network, no secret. */
  static final String LOCAL_PLATFORM =
      """
      # Written by @FloeTest: the embedded local platform, everything under .floe/.
      version: "1.0.0"
      storage:
        default:
          type: local
          path: .floe/warehouse
      catalogs:
        default:
          type: jdbc
          uri: "jdbc:sqlite:.floe/catalog.db"
          warehouse: .floe/warehouse
          namespace: tests
      compute:
        default:
          type: duckdb
          properties:
            database: .floe/floe_test_engine.duckdb
            threads: 2
            memory_limit: 1GB
      observability:
        traces: true
        metrics: false
        lineage: true
      """;
}
