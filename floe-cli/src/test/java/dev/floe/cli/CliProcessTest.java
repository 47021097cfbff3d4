package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real executable: {@code java -cp <test class path> dev.floe.cli.Main ...} in a child process,
 * to prove the exit codes the shell sees and that stdout and stderr are separate streams. Slower
 * than the in-process tests, so only a few.
 */
@Tag("process")
class CliProcessTest extends OnDemoProject {
  static final long TIMEOUT_SECONDS = 60;

  /** Runs floe as a child process in {@code project} with a clean FLOE_* environment. */
  Cli.Result floe(String... args) throws IOException, InterruptedException {
    String classPath = testClassPath();
    assertThat(classPath.split(File.pathSeparator))
        .as("the class path holds floe-cli's classes")
        .anyMatch(p -> p.replace('\\', '/').endsWith("floe-cli/target/classes"));
    List<String> command = new ArrayList<>();
    command.add("-cp");
    command.add(classPath);
    command.add("dev.floe.cli.Main");
    command.addAll(List.of(args));
    return java(command, project, home);
  }

  /**
   * Runs {@code java <options> args...} in {@code dir} with a clean FLOE_* environment, C1 and the
   * serial GC; checks that it finished in time and printed no stack trace.
   */
  static Cli.Result java(List<String> args, Path dir, Path home)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-Xshare:auto");
    command.add("-Duser.home=" + home);
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.startsWith("FLOE_") || k.equals("SOURCE_DATE_EPOCH"));
    builder.environment().put("NO_COLOR", "1");
    Process process = builder.start();
    process.getOutputStream().close();
    CompletableFuture<String> out = drain(process.getInputStream());
    CompletableFuture<String> err = drain(process.getErrorStream());
    boolean exited = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly();
    }
    assertThat(exited).as("%s finished within %ds", args, TIMEOUT_SECONDS).isTrue();
    Cli.Result result = new Cli.Result(process.exitValue(), out.join(), err.join());
    Cli.assertNoStackTrace(result);
    return result;
  }

  /** The class path of this test JVM. */
  static String testClassPath() {
    String classPath = System.getProperty("java.class.path");
    if (classPath == null || classPath.isEmpty()) {
      classPath = System.getProperty("surefire.test.class.path");
    }
    assertThat(classPath).as("the test class path").isNotEmpty();
    return classPath;
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  @Test
  void successExitsZeroWithTheResultOnStdout() throws Exception {
    Cli.Result r = floe("validate", "--env", "prod");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "✓ floe.yaml is valid against platform/prod/platform.yaml (environment prod)"
                + System.lineSeparator());
    assertThat(r.err()).isEmpty();
  }

  @Test
  void inputProblemsExitOneWithDiagnosticsOnStderrOnly() throws Exception {
    Cli.edit(project.resolve("floe.yaml"), "catalog: default", "catalog: analytics");

    Cli.Result text = floe("validate", "--env", "dev");
    Cli.Result json = floe("validate", "--env", "dev", "--format", "json");

    assertThat(text.code()).as(text.toString()).isEqualTo(1);
    assertThat(text.out()).isEmpty();
    assertThat(text.err())
        .contains("error[FLOE-R020]")
        .contains("--> floe.yaml:18:10")
        .contains("1 error, 0 warnings")
        .doesNotContain("\u001b[");
    assertThat(json.code()).as(json.toString()).isEqualTo(1);
    assertThat(json.err()).isEmpty();
    assertThat(json.json().get("problems").get(0).get("code").asText()).isEqualTo("FLOE-R020");
  }

  @Test
  void badCommandLinesExitTwoWithUsageOnStderr() throws Exception {
    Cli.Result unknown = floe("validate", "--bogus");
    Cli.Result missing = floe("compile", "--env");

    assertThat(unknown.code()).as(unknown.toString()).isEqualTo(2);
    assertThat(unknown.out()).isEmpty();
    assertThat(unknown.err())
        .contains("Unknown option: '--bogus'")
        .contains("Usage: floe validate");
    assertThat(missing.code()).as(missing.toString()).isEqualTo(2);
    assertThat(missing.out()).isEmpty();
    assertThat(missing.err()).contains("Missing required parameter");
  }

  @Test
  void compileWritesTheArtifactInTheWorkingFolder() throws Exception {
    Cli.Result r = floe("compile", "--env", "staging");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("✓ wrote .floe/compiled_artifacts.json");
    assertThat(Files.readString(project.resolve(".floe/compiled_artifacts.json")))
        .contains("\"environment\": \"staging\"");
  }

  @Test
  void versionExitsZero() throws Exception {
    Cli.Result r = floe("--version");

    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("floe ");
    assertThat(r.err()).isEmpty();
  }
}
