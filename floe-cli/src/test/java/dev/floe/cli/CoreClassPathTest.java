package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The launcher starts the configuration commands with floe-cli's classes and only the jars listed
 * in {@code floe-cli/core-classpath.txt} (start-up time: docs/performance.md). Each of those
 * commands, on success and on failure, must behave on that class path exactly as on the whole one:
 * a dependency floe-core gains without the list naming it is a failure here, not a {@code
 * NoClassDefFoundError} for a user.
 */
@Tag("process")
class CoreClassPathTest extends OnDemoProject {

  /** The groupId:artifactId lines of core-classpath.txt, in order. */
  static List<String> coreArtifacts() throws IOException {
    Path list = Cli.repositoryRoot().resolve("floe-cli").resolve("core-classpath.txt");
    return Files.readAllLines(list).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  /** floe-cli's classes and the test class path's entry of each core artifact. */
  static String coreClassPath() throws IOException {
    List<String> entries =
        Arrays.stream(CliProcessTest.testClassPath().split(File.pathSeparator))
            .map(p -> p.replace('\\', '/'))
            .toList();
    List<String> core = new ArrayList<>();
    entries.stream().filter(p -> p.endsWith("floe-cli/target/classes")).forEach(core::add);
    assertThat(core).as("floe-cli's classes on the test class path").hasSize(1);
    for (String coordinates : coreArtifacts()) {
      String group = coordinates.substring(0, coordinates.indexOf(':'));
      String id = coordinates.substring(coordinates.indexOf(':') + 1);
      // A jar of the local repository (group/as/path/id/version/id-version.jar), or a module of
      // this build: its classes (floe-core/target/classes, `./mvnw test`) or its packaged jar
      // (floe-core/target/floe-core-….jar, `./mvnw verify`).
      Pattern jar =
          Pattern.compile(
              ".*/"
                  + Pattern.quote(group.replace('.', '/') + "/" + id)
                  + "/[^/]+/"
                  + Pattern.quote(id)
                  + "-[0-9][^/]*\\.jar");
      Pattern module =
          Pattern.compile(
              ".*/" + Pattern.quote(id) + "/target/" + Pattern.quote(id) + "-[0-9][^/]*\\.jar");
      List<String> found =
          entries.stream()
              .filter(
                  p ->
                      jar.matcher(p).matches()
                          || module.matcher(p).matches()
                          || p.endsWith("/" + id + "/target/classes"))
              .toList();
      assertThat(found)
          .as("core-classpath.txt names '%s': exactly one entry of the class path", id)
          .hasSize(1);
      core.add(found.get(0));
    }
    return String.join(File.pathSeparator, core);
  }

  private Cli.Result floe(String classPath, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("-cp", classPath, "dev.floe.cli.Main"));
    command.addAll(List.of(args));
    return CliProcessTest.java(command, project, home);
  }

  private void sameOnBoth(int expectedCode, String... args) throws Exception {
    Cli.Result core = floe(coreClassPath(), args);
    Cli.Result full = floe(CliProcessTest.testClassPath(), args);

    assertThat(core.code())
        .as("%s on the core class path: %s", List.of(args), core)
        .isEqualTo(expectedCode);
    assertThat(core).as("%s: core class path vs the whole one", List.of(args)).isEqualTo(full);
  }

  @Test
  void theListIsTheCoreAndNotTheRuntime() throws Exception {
    assertThat(coreArtifacts())
        .contains("dev.floe:floe-core", "info.picocli:picocli")
        .noneMatch(id -> id.contains("floe-runtime") || id.contains("floe-catalog"))
        .noneMatch(id -> id.contains("iceberg") || id.contains("duckdb"));
  }

  @Test
  void validateAndCompileWork() throws Exception {
    sameOnBoth(0, "validate", "--env", "dev");
    sameOnBoth(0, "validate", "--env", "prod", "--format", "json");
    sameOnBoth(0, "compile", "--env", "staging");
    sameOnBoth(0, "--version");
    sameOnBoth(0, "validate", "--help");
  }

  @Test
  void problemsAndUsageErrorsRenderTheSame() throws Exception {
    Cli.edit(project.resolve("floe.yaml"), "catalog: default", "catalog: analytics");

    sameOnBoth(1, "validate", "--env", "dev");
    sameOnBoth(1, "compile", "--env", "dev", "--format", "json");
    sameOnBoth(2, "validate", "--evn", "dev");
  }

  @Test
  void platformSchemaAndScanWork() throws Exception {
    sameOnBoth(0, "platform", "validate", "--env", "dev");
    sameOnBoth(0, "platform", "list-profiles", "--all-envs");
    sameOnBoth(0, "schema", "export", "-o", "schemas-out", "--format", "json");
    sameOnBoth(0, "scan", "floe.yaml", "--format", "sarif");
  }
}
