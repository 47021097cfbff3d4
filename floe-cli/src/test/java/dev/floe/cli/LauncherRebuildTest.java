package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the {@code ./floe} launcher rebuilds and when, on a checkout of stand-ins: a {@code mvnw}
 * that only records that it ran and makes the jars, and a {@code java} that records its arguments
 * (and, for {@code -Xshare:dump}, writes the archive file). So the launcher's bash runs for real,
 * in milliseconds, without Maven or a JVM.
 */
class LauncherRebuildTest {
  @TempDir Path temp;

  private Path checkout;
  private Path log;
  private Path javaHome;

  private record Run(int code, String err) {}

  @BeforeEach
  void checkoutOfStandIns() throws IOException {
    Path launcher = Cli.repositoryRoot().resolve("floe");
    assumeThat(Files.isExecutable(launcher)).as("./floe is executable").isTrue();
    assumeThat(Files.isExecutable(Path.of("/bin/bash"))).as("bash").isTrue();
    log = Files.createDirectories(temp.resolve("log"));
    checkout = Files.createDirectories(temp.resolve("checkout"));
    Files.copy(launcher, checkout.resolve("floe"));
    write("pom.xml", "<project/>");
    for (String module : List.of("floe-core", "floe-cli", "floe-runtime", "demo")) {
      write(module + "/pom.xml", "<project/>");
      write(module + "/src/main/java/Some.java", "class Some {}");
    }
    Files.copy(
        Cli.repositoryRoot().resolve("floe-cli/core-classpath.txt"),
        checkout.resolve("floe-cli/core-classpath.txt"));
    write("demo/floe.yaml", "name: demo\n");
    write("demo/sql/silver/x.sql", "SELECT 1\n");
    write("demo/platform/local/platform.yaml", "version: \"1.0.0\"\n");
    write("demo/platform/dev/platform.yaml", "version: \"1.0.0\"\n");
    // The build: floe-cli.jar and one jar per entry of core-classpath.txt, plus one the
    // configuration commands do not get.
    StringBuilder jars = new StringBuilder("touch floe-cli/target/floe-cli.jar\n");
    for (String line : Files.readAllLines(checkout.resolve("floe-cli/core-classpath.txt"))) {
      String id = line.strip();
      if (!id.isEmpty() && !id.startsWith("#")) {
        jars.append("touch floe-cli/target/lib/")
            .append(id.substring(id.indexOf(':') + 1))
            .append("-1.0.jar\n");
      }
    }
    jars.append("touch floe-cli/target/lib/iceberg-core-1.0.jar\n");
    script(
        checkout.resolve("mvnw"),
        "echo build >> '" + log.resolve("builds") + "'\nmkdir -p floe-cli/target/lib\n" + jars);
    javaHome = temp.resolve("jdk");
    // One line per start: the caller's FLOE_PLATFORM_FILE (or -), then the arguments.
    script(
        Files.createDirectories(javaHome.resolve("bin")).resolve("java"),
        "echo \"${FLOE_PLATFORM_FILE:--} $*\" >> '"
            + log.resolve("java")
            + "'\n"
            + "for a in \"$@\"; do\n"
            + "  case \"$a\" in -Xshare:dump) dump=1 ;; -XX:SharedArchiveFile=*) f=\"${a#*=}\" ;;"
            + " esac\n"
            + "done\n"
            + "[ -n \"${dump:-}\" ] && touch \"$f\"\n"
            + "exit 0\n");
  }

  @Test
  void theFirstCommandBuildsAndDumpsItsArchiveTheSecondOnlyStarts() throws Exception {
    Run first = launch(checkout, Map.of(), "validate", "-f", "demo/floe.yaml");

    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(first.err()).contains("building the command line");
    assertThat(builds()).isEqualTo(1);
    List<String> starts = javaStarts();
    assertThat(starts)
        .anyMatch(s -> s.contains("-XX:DumpLoadedClassList=") && s.contains("--help"));
    assertThat(starts).anyMatch(s -> s.contains("-Xshare:dump"));
    assertThat(starts.get(starts.size() - 1))
        .contains("-XX:SharedArchiveFile=" + target("floe-cli-core.jsa") + " ")
        .contains("dev.floe.cli.Main validate -f demo/floe.yaml")
        .contains("snakeyaml-engine-1.0.jar")
        .doesNotContain("iceberg-core");
    assertThat(target("floe-cli-core.jsa")).exists();
    try (Stream<Path> files = Files.list(checkout.resolve("floe-cli/target"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("the archive was dumped beside and moved into place")
          .noneMatch(name -> name.matches("floe-cli-core\\.jsa\\.[0-9]+"));
    }

    clearJavaLog();
    Run second = launch(checkout, Map.of(), "validate", "-f", "demo/floe.yaml");

    assertThat(second.err()).isEmpty();
    assertThat(builds()).isEqualTo(1);
    assertThat(javaStarts())
        .as("the archive's class path is reused: only the command starts")
        .hasSize(1)
        .allMatch(s -> s.contains("-XX:SharedArchiveFile=" + target("floe-cli-core.jsa")));
  }

  @Test
  void aConfigurationCommandRebuildsForItsOwnModulesOnlyAPipelineCommandForAll() throws Exception {
    launch(checkout, Map.of(), "validate");
    assertThat(builds()).isEqualTo(1);

    newer("floe-runtime/src/main/java/Some.java");
    launch(checkout, Map.of(), "validate");
    assertThat(builds()).as("validate does not run on floe-runtime").isEqualTo(1);

    launch(checkout, Map.of(), "tables");
    assertThat(builds()).as("tables does").isEqualTo(2);

    newer("floe-core/src/main/java/Some.java");
    launch(checkout, Map.of(), "validate");
    assertThat(builds()).as("validate runs on floe-core").isEqualTo(3);
  }

  @Test
  void thePipelineArchiveIsTrainedOnTheDemoInAScratchCopyWithoutTheCallersEnvironment()
      throws Exception {
    Run run =
        launch(checkout, Map.of("FLOE_PLATFORM_FILE", "/prod/platform.yaml"), "run", "--env", "qa");

    assertThat(run.err()).contains("preparing a faster start for pipeline commands");
    List<String> training = javaStarts().stream().filter(s -> s.contains("cds-training.")).toList();
    assertThat(training)
        .as("a run and a query of the scratch copy, on its own local platform")
        .hasSize(2)
        .allMatch(s -> s.startsWith("- "), "without the caller's FLOE_PLATFORM_FILE")
        .allMatch(s -> s.contains("--platform " + target("cds-training.")))
        .anyMatch(s -> s.contains("dev.floe.cli.Main run -f " + target("cds-training.")))
        .anyMatch(s -> s.contains("dev.floe.cli.Main query -f "));
    List<String> starts = javaStarts();
    assertThat(starts.get(starts.size() - 1))
        .as("the command itself keeps the caller's environment, on the whole class path")
        .startsWith("/prod/platform.yaml ")
        .contains("-XX:SharedArchiveFile=" + target("floe-cli-full.jsa") + " ")
        .contains("iceberg-core-1.0.jar")
        .endsWith("dev.floe.cli.Main run --env qa");
    try (Stream<Path> files = Files.list(checkout.resolve("floe-cli/target"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("the scratch copy is gone")
          .noneMatch(name -> name.startsWith("cds-training"));
    }
  }

  @Test
  void aMovedCheckoutDumpsItsArchiveAgainForItsOwnClassPath() throws Exception {
    launch(checkout, Map.of(), "validate");
    Path moved = temp.resolve("moved");
    copyTree(checkout, moved);
    clearJavaLog();

    Run run = launch(moved, Map.of(), "validate");

    assertThat(run.err()).isEmpty();
    assertThat(builds()).as("nothing to build: the copy's sources are as old").isEqualTo(1);
    List<String> starts = javaStarts();
    assertThat(starts).anyMatch(s -> s.contains("-Xshare:dump"));
    assertThat(starts.get(starts.size() - 1))
        .contains("-cp " + moved.resolve("floe-cli/target/floe-cli.jar") + ":")
        .doesNotContain(checkout.toString());
  }

  @Test
  void aLinkToTheLauncherFromAnotherFolderRunsTheCheckout() throws Exception {
    Path bin = Files.createDirectories(temp.resolve("home/bin"));
    Files.createSymbolicLink(bin.resolve("floe"), checkout.resolve("floe"));

    Run run = launchScript(bin.resolve("floe"), temp, Map.of(), "validate");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(builds()).isEqualTo(1);
    List<String> starts = javaStarts();
    assertThat(starts.get(starts.size() - 1))
        .contains("-cp " + checkout.resolve("floe-cli/target/floe-cli.jar") + ":");
  }

  private Run launch(Path home, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    return launchScript(home.resolve("floe"), home, env, args);
  }

  private Run launchScript(Path script, Path workDir, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("/bin/bash", script.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().remove("FLOE_PLATFORM_FILE");
    builder.environment().remove("FLOE_JAVA_OPTS");
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder.environment().putAll(env);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    process.getOutputStream().close();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), err);
  }

  private Path target(String name) {
    return checkout.resolve("floe-cli/target").resolve(name);
  }

  private int builds() throws IOException {
    Path builds = log.resolve("builds");
    return Files.exists(builds) ? Files.readAllLines(builds).size() : 0;
  }

  private List<String> javaStarts() throws IOException {
    Path java = log.resolve("java");
    return Files.exists(java) ? Files.readAllLines(java) : List.of();
  }

  private void clearJavaLog() throws IOException {
    Files.deleteIfExists(log.resolve("java"));
  }

  /** Makes {@code file} newer than the launcher's build stamp, whatever the clock's resolution. */
  private void newer(String file) throws IOException {
    Files.setLastModifiedTime(checkout.resolve(file), FileTime.from(Instant.now().plusSeconds(10)));
  }

  private void write(String file, String text) throws IOException {
    Path path = checkout.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
  }

  private static void script(Path file, String body) throws IOException {
    Files.writeString(file, "#!/bin/bash\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path copy = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
