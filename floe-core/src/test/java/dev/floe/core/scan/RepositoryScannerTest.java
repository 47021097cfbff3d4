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
  void readsConfigurationFilesAndSourcesAndSkipsTheRest() throws IOException {
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
            "src/Main.java",
            "src/main/resources/application.properties");
    assertThat(result.findings()).allMatch(f -> f.rule() == CredentialRule.NPM_TOKEN);
    assertThat(result.filesScanned()).isEqualTo(8);
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
    assertThat(result.skipped())
        .extracting(RepositoryScanner.Skipped::file, RepositoryScanner.Skipped::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("blob.json", RepositoryScanner.Reason.BINARY),
            org.assertj.core.groups.Tuple.tuple("latin1.yaml", RepositoryScanner.Reason.NOT_UTF8));
    assertThat(result.problems())
        .as("met in a folder: a warning naming the file and the reason, not an error")
        .allSatisfy(
            p -> {
              assertThat(p.code()).isEqualTo(Code.X042.id());
              assertThat(p.isError()).isFalse();
            })
        .extracting(Problem::message)
        .containsExactly(
            "Skipped blob.json: it is a binary file", "Skipped latin1.yaml: it is not valid UTF-8");
    assertThat(result.failed()).isFalse();
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

  @Test
  void coversTheFilesCredentialsLiveIn() throws IOException {
    String env = "NPM_TOKEN=" + NPM + "\n";
    List<String> covered =
        List.of(
            ".npmrc",
            "Dockerfile",
            "app/Main.kt",
            "app/build.gradle.kts",
            "app/main.py",
            "app/settings.xml",
            "certs/server.pem",
            "deploy/Dockerfile.prod",
            "infra/main.tf",
            "infra/prod.tfvars",
            "keys/id_rsa",
            "notebooks/explore.ipynb",
            "scripts/deploy.sh",
            "src/Main.java",
            "tls/server.key");
    for (String file : covered) {
      write(file, file.endsWith(".ipynb") ? "{\"source\": [\"" + env.strip() + "\"]}\n" : env);
    }
    write("README.md", env);
    write("notes.txt", env);
    write("image.svg", env);

    RepositoryScanner.Result result = scan();

    assertThat(result.findings()).extracting(Finding::file).containsExactlyElementsOf(covered);
    assertThat(result.filesScanned()).isEqualTo(covered.size());
  }

  @Test
  void inSourceCodeOnlyLiteralsCanBeCredentials() throws IOException {
    write(
        "src/Tokens.java",
        """
        class Tokens {
          Secret token = tokens.next();
          String password = requireNonNull(password, "password");
          String apiKey = "%s";
        }
        """
            .formatted(PASSWORD.replace("canary-", "Zq8")));

    assertThat(scan().findings())
        .extracting(Finding::line, Finding::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(4, CredentialRule.SECRET_ASSIGNMENT));
  }

  @Test
  void aNamedFileThatCannotBeReadIsAnErrorNamingIt() throws IOException {
    Files.write(repo.resolve("blob.json"), new byte[] {'a', 0, 'b'});
    Files.write(
        repo.resolve("latin1.yaml"), "caf\u00e9: 1\n".getBytes(StandardCharsets.ISO_8859_1));
    byte[] big = new byte[(int) RepositoryScanner.MAX_FILE_BYTES + 1];
    Arrays.fill(big, (byte) 'a');
    Files.write(repo.resolve("big.yaml"), big);

    RepositoryScanner.Result result = scan("blob.json", "latin1.yaml", "big.yaml");

    assertThat(result.failed()).isTrue();
    assertThat(result.filesScanned()).isZero();
    assertThat(result.problems())
        .allSatisfy(
            p -> {
              assertThat(p.isError()).isTrue();
              assertThat(p.code()).isEqualTo(Code.X042.id());
            })
        .extracting(Problem::message)
        .containsExactly(
            "Cannot scan big.yaml: it is larger than 4 MiB, the scan's limit",
            "Cannot scan blob.json: it is a binary file",
            "Cannot scan latin1.yaml: it is not valid UTF-8");
    assertThat(result.skipped()).allMatch(RepositoryScanner.Skipped::named);
  }

  @Test
  void aNamedSymbolicLinkIsAnErrorNamingItsTarget() throws IOException {
    write("real.yaml", "npm: " + NPM + "\n");
    link(repo.resolve("link.yaml"), repo.resolve("real.yaml"));

    RepositoryScanner.Result result = scan("link.yaml");

    assertThat(result.failed()).isTrue();
    assertThat(result.findings()).isEmpty();
    assertThat(result.problems())
        .extracting(Problem::message)
        .containsExactly(
            "Cannot scan link.yaml: it is a symbolic link, which floe scan does not follow; it"
                + " points to real.yaml");
    assertThat(result.problems().get(0).hint()).contains("name the file it points to instead");
  }

  @Test
  void aNamedDeviceIsAnError() {
    Path device = Path.of("/dev/null");
    assumeThat(Files.exists(device)).as("a /dev/null").isTrue();

    RepositoryScanner.Result result = scan(device.toString());

    assertThat(result.failed()).isTrue();
    assertThat(result.problems())
        .extracting(Problem::message)
        .containsExactly(
            "Cannot scan /dev/null: it is not a regular file (a device, pipe or socket)");
  }

  @Test
  void aNamedPipeIsAnErrorAndSoIsALinkToOne() throws Exception {
    Path fifo = repo.resolve("pipe.env");
    mkfifo(fifo);
    link(repo.resolve("fd"), fifo); // what a shell's <(…) hands over: /dev/fd/63 -> pipe

    RepositoryScanner.Result result = scan("pipe.env", "fd");

    assertThat(result.problems())
        .extracting(Problem::message)
        .containsExactly(
            "Cannot scan fd: it is not a regular file (a device, pipe or socket)",
            "Cannot scan pipe.env: it is not a regular file (a device, pipe or socket)");
  }

  @Test
  void linksAndPipesMetInAFolderAreWarnings() throws Exception {
    write("real.yaml", "a: 1\n");
    link(repo.resolve("link.yaml"), repo.resolve("real.yaml"));
    mkfifo(repo.resolve("pipe.env"));

    RepositoryScanner.Result result = scan();

    assertThat(result.failed()).isFalse();
    assertThat(result.filesScanned()).isEqualTo(1);
    assertThat(result.problems())
        .allSatisfy(p -> assertThat(p.isError()).isFalse())
        .extracting(Problem::message)
        .containsExactly(
            "Skipped link.yaml: it is a symbolic link, which floe scan does not follow; it points"
                + " to real.yaml",
            "Skipped pipe.env: it is not a regular file (a device, pipe or socket)");
  }

  @Test
  void gitsOwnFolderIsNeverScannedEvenWhenNamed() throws IOException {
    write(".git/config", "[remote]\n  url = https://u:" + PASSWORD + "@git.internal/r\n");
    write(".git/hooks/x.yaml", "npm: " + NPM + "\n");

    assertThat(scan().findings()).isEmpty();
    RepositoryScanner.Result named = scan(".git");
    assertThat(named.findings()).isEmpty();
    assertThat(named.failed()).isTrue();
    assertThat(named.problems())
        .extracting(Problem::message)
        .containsExactly("Cannot scan .git: it is git's own folder, which floe scan never reads");
  }

  @Test
  void honoursGitignoreFilesFromTheRepositoryRootDown() throws IOException {
    Files.createDirectories(repo.resolve(".git/info"));
    Files.writeString(repo.resolve(".git/info/exclude"), "scratch/\n");
    write(".gitignore", "# local files\n*.local.env\n!keep.local.env\nsecrets/\n/top.yaml\n");
    write("app/.gitignore", "generated/**\n");
    String leak = "npm: " + NPM + "\n";
    write("a.local.env", leak);
    write("keep.local.env", leak);
    write("secrets/prod.yaml", leak);
    write("top.yaml", leak);
    write("app/top.yaml", leak);
    write("app/generated/deep/x.yaml", leak);
    write("app/sub/b.local.env", leak);
    write("scratch/notes.yaml", leak);

    assertThat(scan().findings())
        .extracting(Finding::file)
        .containsExactly("app/top.yaml", "keep.local.env");
    assertThat(scan("app").findings())
        .as("a sub-folder scan honours the .gitignore files above it")
        .extracting(Finding::file)
        .containsExactly("app/top.yaml");
    assertThat(new RepositoryScanner(repo.resolve("app")).scan(List.of()).findings())
        .as("and so does a scan from a sub-folder")
        .extracting(Finding::file)
        .containsExactly("top.yaml");
    assertThat(scan("secrets/prod.yaml", "a.local.env").findings())
        .as("a file named explicitly is scanned even when ignored")
        .hasSize(2);
  }

  @Test
  void aFolderGitIgnoresIsScannedWhenNamed() throws IOException {
    Files.createDirectories(repo.resolve(".git"));
    write(".gitignore", "generated/\n");
    write("generated/config.yaml", "npm: " + NPM + "\n");

    assertThat(scan().findings()).isEmpty();
    assertThat(scan("generated").findings())
        .extracting(Finding::file)
        .containsExactly("generated/config.yaml");
  }

  private static void link(Path link, Path target) {
    try {
      Files.createSymbolicLink(link, target);
    } catch (UnsupportedOperationException | IOException e) {
      assumeThat(false).as("symbolic links unsupported here").isTrue();
    }
  }

  private static void mkfifo(Path fifo) throws InterruptedException {
    int code;
    try {
      code = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor();
    } catch (IOException e) {
      code = -1;
    }
    assumeThat(code).as("mkfifo available").isZero();
  }
}
