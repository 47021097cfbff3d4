package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./floe} launcher script at the repository root, before it builds or starts anything: a
 * Java it cannot use is a clear message and exit 3 (the environment), never a raw shell error.
 */
class LauncherTest {
  @TempDir Path temp;

  private record Run(int code, String out, String err) {}

  private Run launch(String javaHome) throws IOException, InterruptedException {
    Path launcher = Cli.repositoryRoot().resolve("floe");
    assumeThat(Files.isExecutable(launcher)).as("./floe is executable").isTrue();
    assumeThat(Files.isExecutable(Path.of("/bin/bash"))).as("bash").isTrue();
    ProcessBuilder builder =
        new ProcessBuilder(List.of("/bin/bash", launcher.toString(), "--version"))
            .directory(temp.toFile());
    builder.environment().put("JAVA_HOME", javaHome);
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), out, err);
  }

  @Test
  void aJavaHomeThatDoesNotExistIsAClearMessageAndExitThree() throws Exception {
    Run r = launch("/nonexistent");

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "floe: JAVA_HOME is '/nonexistent', which has no bin/java; point it at a Java 17+"
                + " installation or unset it\n");
  }

  @Test
  void aJavaHomeWithoutAJavaIsTheSameMessage() throws Exception {
    Path empty = Files.createDirectories(temp.resolve("jdk/bin"));

    Run r = launch(empty.getParent().toString());

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
    assertThat(r.err()).contains("which has no bin/java").doesNotContain("No such file");
  }
}
