package dev.floe.core.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.floe.core.diag.Code;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.TextRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Walking a repository: which files are read, which are skipped, and what a finding carries. */
class RepositoryScannerTest {
  private static final Random RANDOM = new Random(3);
  private static final String NPM = Corpus.expand("npm_{{alnum:36}}", RANDOM);
  private static final String PASSWORD = "canary-" + Corpus.expand("{{password:14}}", RANDOM);

  @TempDir Path repo;

  private void write(String file, String text) throws IOException {
    Path path = repo.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text, StandardCharsets.UTF_8);
  }

  private RepositoryScanner.Result scan(String... paths) {
    return new RepositoryScanner(repo).scan(Arrays.stream(paths).map(Path::of).toList());
  }

  @Test
  void readsYamlJsonPropertiesAndEnvFilesAndSkipsTheRest() throws IOException {
    String line = "NPM_TOKEN=" + NPM + "\n";
    write("config/app.yaml", "npm: " + NPM + "\n");
    write("config/app.yml", "npm: " + NPM + "\n");
    write("config/app.json", "{\"npm\": \"" + NPM + "\"}\n");
    write("src/main/resources/application.properties", "npm.token=" + NPM + "\n");
    write(".env", line);
    write(".env.local", line);
    write("deploy/prod.env", line);
    write("README.md", line);
    write("src/Main.java", "class Main { String t = \"" + NPM + "\"; }\n");

    RepositoryScanner.Result result = scan();

    assertThat(result.findings())
        .extracting(Finding::file)
        .containsExactly(
            ".env",
            ".env.local",
            "config/app.json",
            "config/app.yaml",
            "config/app.yml",
            "deploy/prod.env",
            "src/main/resources/application.properties");
    assertThat(result.findings()).allMatch(f -> f.rule() == CredentialRule.NPM_TOKEN);
    assertThat(result.filesScanned()).isEqualTo(7);
  }

  @Test
  void skipsVersionControlBuildOutputAndDependencies() throws IOException {
    for (String folder : RepositoryScanner.SKIPPED_FOLDERS) {
      write(folder + "/nested/config.yaml", "npm: " + NPM + "\n");
    }
    write("module/target/classes/app.yaml", "npm: " + NPM + "\n");
    write("web/node_modules/pkg/package.json", "{\"t\": \"" + NPM + "\"}\n");
    write("kept/config.yaml", "npm: " + NPM + "\n");

    assertThat(scan().findings()).extracting(Finding::file).containsExactly("kept/config.yaml");
  }

  @Test
  void aSkippedFolderNamedExplicitlyIsScanned() throws IOException {
    write("build/config.yaml", "npm: " + NPM + "\n");

    assertThat(scan("build").findings())
        .extracting(Finding::file)
        .containsExactly("build/config.yaml");
  }

  @Test
  void skipsBinaryAndNonUtf8Files() throws IOException {
    byte[] binary = ("npm: " + NPM + "\n\0\0\0").getBytes(StandardCharsets.UTF_8);
    Files.write(repo.resolve("blob.json"), binary);
    byte[] latin1 = ("npm: " + NPM + " caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
    Files.write(repo.resolve("latin1.yaml"), latin1);

    RepositoryScanner.Result result = scan();

    assertThat(result.findings()).isEmpty();
    assertThat(result.filesSkipped()).isEqualTo(2);
  }

  @Test
  void aFileNamedExplicitlyIsScannedWhateverItsName() throws IOException {
    write("notes/credentials.txt", "token " + NPM + "\n");

    assertThat(scan().findings()).isEmpty();
    assertThat(scan("notes/credentials.txt").findings())
        .extracting(Finding::file, Finding::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("notes/credentials.txt", 1));
  }

  @Test
  void aMissingPathIsAnError() {
    RepositoryScanner.Result result = scan("no/such/folder");

    assertThat(result.problems()).extracting(Problem::code).containsExactly(Code.E052.id());
    assertThat(result.problems().get(0).message()).contains("no/such/folder");
  }

  @Test
  void doesNotFollowSymbolicLinks() throws IOException {
    Path outside = Files.createTempDirectory("floe-scan-outside");
    try {
      Files.writeString(outside.resolve("leak.yaml"), "npm: " + NPM + "\n");
      try {
        Files.createSymbolicLink(repo.resolve("linked"), outside);
      } catch (UnsupportedOperationException | IOException e) {
        assumeThat(false).as("symbolic links unsupported here").isTrue();
      }

      assertThat(scan().findings()).isEmpty();
    } finally {
      Files.deleteIfExists(outside.resolve("leak.yaml"));
      Files.deleteIfExists(outside);
    }
  }

  @Test
  void floeFilesAreCheckedAgainstTheirSchema() throws IOException {
    // Low-entropy values that the detector alone lets pass, but a credential field takes only
    // {secret_ref: NAME}: in floe's own files any literal there is a finding.
    write(
        "platform/dev/platform.yaml",
        """
        version: "1.0.0"
        compute:
          default:
            type: postgres
            credentials:
              mode: static
              password: warehouse
              token: {secret_ref: pg-token}
        """);
    write("other/settings.yaml", "password: warehouse\n");

    RepositoryScanner.Result result = scan();

    assertThat(result.findings())
        .extracting(Finding::file, Finding::line, Finding::rule, Finding::key)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "platform/dev/platform.yaml",
                7,
                CredentialRule.PLAINTEXT_SECRET_FIELD,
                "compute.default.credentials.password"));
  }

  @Test
  void aFindingNeverHoldsTheCredential() throws IOException {
    write("app.yaml", "db:\n  password: \"" + PASSWORD + "\"\n");

    RepositoryScanner.Result result = scan();

    assertThat(result.findings()).hasSize(1);
    Finding finding = result.findings().get(0);
    assertThat(finding.line()).isEqualTo(2);
    assertThat(finding.column()).as("at the opening quote, where the mask starts").isEqualTo(13);
    String rendered =
        new TextRenderer(result.sources(), TextRenderer.Colour.PLAIN)
            .render(List.of(finding.problem()));
    assertThat(List.of(finding.toString(), finding.problem().toString(), rendered))
        .allSatisfy(text -> assertThat(text).doesNotContain(PASSWORD).doesNotContain("canary-"));
    assertThat(rendered).contains("password: ****").contains("^^^^");
    assertThat(finding.problem().message()).contains("'password'").contains("secret-assignment");
  }

  @Test
  void reviewedLinesAreCountedNotReported() throws IOException {
    write("app.yaml", "npm: " + NPM + "  # floe:allow-secret\nother: " + NPM + "\n");

    RepositoryScanner.Result result = scan();

    assertThat(result.findings()).extracting(Finding::line).containsExactly(2);
    assertThat(result.allowed()).isEqualTo(1);
  }
}
