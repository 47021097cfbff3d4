package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** What {@link Outputs} writes: whole files with the permissions the umask gives a new file. */
class OutputsTest extends OnDemoProject {
  @Test
  void artifactsAndSchemasGetTheDefaultPermissionsNotPrivateOnes() throws IOException {
    Assumptions.assumeTrue(
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX");
    Path reference = Files.createFile(project.resolve("reference.txt"));
    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(reference);

    Cli.Result compile = cli.run("compile", "--env", "dev", "-o", "out");
    Cli.Result schema = cli.run("schema", "export", "-o", "schemas-out");

    assertThat(compile.code()).as(compile.toString()).isZero();
    assertThat(schema.code()).as(schema.toString()).isZero();
    assertThat(Files.getPosixFilePermissions(project.resolve("out/compiled_artifacts.json")))
        .isEqualTo(expected);
    assertThat(Files.getPosixFilePermissions(project.resolve("schemas-out/platform.schema.json")))
        .isEqualTo(expected);
    try (var leftovers = Files.list(project.resolve("out"))) {
      assertThat(leftovers.map(p -> p.getFileName().toString()))
          .containsExactly("compiled_artifacts.json");
    }
  }
}
