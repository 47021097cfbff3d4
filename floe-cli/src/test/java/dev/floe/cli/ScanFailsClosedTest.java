package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code floe scan} fails closed: what it cannot read is named in every format and, when the user
 * named it, makes the exit 1; a scan that read nothing never ticks; the baseline is found at the
 * repository root from a sub-folder; reviewed findings are SARIF suppressions; {@code .gitignore}
 * is honoured. Real files, links, {@code /dev/null}, FIFOs and a shell's {@code <(…)}.
 */
class ScanFailsClosedTest extends OnDemoProject {
  /** A GitHub-token-shaped value, assembled at run time so that none is committed. */
  private static final String TOKEN = "ghp_" + "4kT9mZq2Lw8RvX3nP7yB" + "1cJ6dF0hS5aE2gUoQ1";

  private void latin1(String file) throws IOException {
    Path path = project.resolve(file);
    Files.createDirectories(path.getParent());
    Files.write(path, "caf\u00e9: 1\n".getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void aNamedFileThatCannotBeDecodedIsAnErrorInEveryFormat() throws IOException {
    latin1("config/legacy.yaml");

    Cli.Result text = cli.run("scan", "config/legacy.yaml");
    assertThat(text.code()).as(text.toString()).isEqualTo(1);
    assertThat(text.out()).doesNotContain("✓");
    assertThat(text.err())
        .contains("error[FLOE-X042]: Cannot scan config/legacy.yaml: it is not valid UTF-8")
        .contains(
            "scan incomplete: 1 named path was not scanned; no credentials found in 0 files"
                + " scanned");

    Cli.Result json = cli.run("scan", "config/legacy.yaml", "--format", "json");
    assertThat(json.code()).isEqualTo(1);
    assertThat(json.json().get("ok").asBoolean()).isFalse();
    JsonNode skipped = json.json().get("skipped").get(0);
    assertThat(skipped.get("file").asText()).isEqualTo("config/legacy.yaml");
    assertThat(skipped.get("reason").asText()).isEqualTo("not-utf8");
    assertThat(skipped.get("named").asBoolean()).isTrue();

    Cli.Result sarif = cli.run("scan", "config/legacy.yaml", "--format", "sarif");
    assertThat(sarif.code()).isEqualTo(1);
    JsonNode invocation = sarif.json().get("runs").get(0).get("invocations").get(0);
    assertThat(invocation.get("executionSuccessful").asBoolean()).isFalse();
    JsonNode notification = invocation.get("toolExecutionNotifications").get(0);
    assertThat(notification.get("descriptor").get("id").asText()).isEqualTo("FLOE-X042");
    assertThat(notification.get("level").asText()).isEqualTo("error");
  }

  @Test
  void aNamedSymbolicLinkOrDeviceIsAnError() throws IOException {
    Path link = project.resolve("linked.yaml");
    try {
      Files.createSymbolicLink(link, project.resolve("floe.yaml"));
    } catch (UnsupportedOperationException | IOException e) {
      assumeThat(false).as("symbolic links unsupported here").isTrue();
    }
    assumeThat(Files.exists(Path.of("/dev/null"))).isTrue();

    Cli.Result r = cli.run("scan", "linked.yaml", "/dev/null", "floe.yaml");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            "error[FLOE-X042]: Cannot scan linked.yaml: it is a symbolic link, which floe scan"
                + " does not follow; it points to floe.yaml")
        .contains(
            "error[FLOE-X042]: Cannot scan /dev/null: it is not a regular file (a device, pipe or"
                + " socket)")
        .contains("2 named paths were not scanned; no credentials found in 1 file scanned");
  }

  @Test
  void aShellProcessSubstitutionIsAnErrorNotAMissingPath() throws Exception {
    assumeThat(Files.isExecutable(Path.of("/bin/bash"))).as("bash").isTrue();
    List<String> command = new ArrayList<>();
    command.add("/bin/bash");
    command.add("-c");
    command.add("exec \"$0\" -cp \"$1\" dev.floe.cli.Main scan <(printf 'a: 1\\n') --format json");
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(CliProcessTest.testClassPath());
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
    builder.environment().put("NO_COLOR", "1");
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = process.waitFor();

    assertThat(code).as(out).isEqualTo(1);
    JsonNode problem = Cli.parseSingleDocument(out).get("problems").get(0);
    assertThat(problem.get("code").asText()).isEqualTo("FLOE-X042");
    assertThat(problem.get("message").asText())
        .matches(
            "Cannot scan /dev/fd/\\d+: it is not a regular file \\(a device, pipe or socket\\)")
        .doesNotContain("does not exist");
  }

  @Test
  void aFileSkippedInAFolderIsAWarningNamingItInEveryFormat() throws IOException {
    latin1("config/legacy.yaml");

    Cli.Result text = cli.run("scan");
    assertThat(text.code()).as(text.toString()).isZero();
    assertThat(text.err())
        .contains("warning[FLOE-X042]: Skipped config/legacy.yaml: it is not valid UTF-8");
    assertThat(text.out())
        .startsWith("✓ no credentials found in ")
        .contains("(1 file skipped, see the warnings)");

    Cli.Result json = cli.run("scan", "--format", "json");
    assertThat(json.code()).isZero();
    assertThat(json.json().get("warnings").asInt()).isEqualTo(1);
    assertThat(json.json().get("files_skipped").asInt()).isEqualTo(1);
    assertThat(json.json().get("skipped").get(0).get("named").asBoolean()).isFalse();

    Cli.Result sarif = cli.run("scan", "--format", "sarif");
    assertThat(sarif.code()).isZero();
    JsonNode invocation = sarif.json().get("runs").get(0).get("invocations").get(0);
    assertThat(invocation.get("executionSuccessful").asBoolean()).isTrue();
    assertThat(invocation.get("toolExecutionNotifications").get(0).get("level").asText())
        .isEqualTo("warning");
  }

  @Test
  void aScanThatReadNothingNeverTicks() throws IOException {
    Files.createDirectories(project.resolve("empty"));
    Cli.write(project.resolve("empty/README.md"), "nothing to see\n");

    Cli.Result r = cli.run("scan", "empty");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo("warning: nothing scanned: no file of a kind floe scans was found\n")
        .doesNotContain("0 files");
  }

  @Test
  void findsCredentialsInDockerfilesTerraformScriptsAndSources() {
    String env = "GITHUB_TOKEN=" + TOKEN + "\n";
    Cli.write(project.resolve("Dockerfile"), "FROM alpine\nENV " + env);
    Cli.write(project.resolve("infra/main.tf"), "token = \"" + TOKEN + "\"\n");
    Cli.write(project.resolve("scripts/deploy.sh"), "export " + env);
    Cli.write(project.resolve("tools/fetch.py"), "TOKEN = '" + TOKEN + "'\n");

    Cli.Result r = cli.run("scan", "--format", "json");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    List<String> files = new ArrayList<>();
    r.json().get("findings").forEach(f -> files.add(f.get("file").asText()));
    assertThat(files)
        .containsExactly("Dockerfile", "infra/main.tf", "scripts/deploy.sh", "tools/fetch.py");
    assertThat(r.all()).doesNotContain(TOKEN);
  }

  @Test
  void honoursGitignore() throws IOException {
    Files.createDirectories(project.resolve(".git"));
    Cli.write(project.resolve(".gitignore"), "local/\n*.secret.env\n");
    Cli.write(project.resolve("local/dev.env"), "GITHUB_TOKEN=" + TOKEN + "\n");
    Cli.write(project.resolve("mine.secret.env"), "GITHUB_TOKEN=" + TOKEN + "\n");

    Cli.Result r = cli.run("scan");

    assertThat(r.code()).as(r.toString()).isZero();
  }

  @Test
  void theRepositoryBaselineAppliesFromASubFolderAndIsInSarifAsSuppressions() throws IOException {
    Files.createDirectories(project.resolve(".git"));
    Cli.write(project.resolve("config/ci.env"), "GITHUB_TOKEN=" + TOKEN + "\n");
    Cli.write(
        project.resolve("config/reviewed.env"), "GITHUB_TOKEN=" + TOKEN + " # floe:allow-secret\n");
    assertThat(cli.run("scan", "--write-baseline", ".floe-scan-baseline.json").code()).isZero();
    Cli inConfig = Cli.in(project.resolve("config"), home);

    Cli.Result json = inConfig.run("scan", "--format", "json");
    assertThat(json.code()).as(json.toString()).isZero();
    assertThat(json.json().get("baseline").asText())
        .isEqualTo(project.resolve(".floe-scan-baseline.json").toString());
    assertThat(json.json().get("accepted_by_baseline").asInt()).isEqualTo(1);

    Cli.Result sarif = inConfig.run("scan", "--format", "sarif");
    assertThat(sarif.code()).as(sarif.toString()).isZero();
    JsonNode results = sarif.json().get("runs").get(0).get("results");
    assertThat(results).hasSize(2);
    JsonNode baselined = results.get(0);
    assertThat(
            baselined
                .get("locations")
                .get(0)
                .get("physicalLocation")
                .get("artifactLocation")
                .get("uri")
                .asText())
        .as("relative to the repository root, not the working folder")
        .isEqualTo("config/ci.env");
    assertThat(baselined.get("suppressions").get(0).get("kind").asText()).isEqualTo("external");
    assertThat(results.get(1).get("suppressions").get(0).get("kind").asText())
        .isEqualTo("inSource");
    assertThat(sarif.all()).doesNotContain(TOKEN);
  }

  @Test
  void noBaselineIsWrittenFromAnIncompleteScan() throws IOException {
    latin1("config/legacy.yaml");

    Cli.Result r =
        cli.run("scan", "config/legacy.yaml", "--write-baseline", ".floe-scan-baseline.json");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(project.resolve(".floe-scan-baseline.json")).doesNotExist();
  }

  @Test
  void scanTakesTextJsonAndSarifButNotCsv() {
    Cli.Result r = cli.run("scan", "--format", "csv");

    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("text, json, sarif");
  }

  @Test
  void aUsageErrorWithJsonOrSarifStillPrintsADocument() {
    Cli.Result json = cli.run("scan", "--format", "json", "--baselin", "x.json");
    assertThat(json.code()).isEqualTo(2);
    JsonNode problem = json.json().get("problems").get(0);
    assertThat(problem.get("code").asText()).isEqualTo("FLOE-L001");
    assertThat(problem.get("suggestion").asText()).isEqualTo("--baseline");

    Cli.Result sarif = cli.run("scan", "--format", "sarif", "--no-such-option");
    assertThat(sarif.code()).isEqualTo(2);
    assertThat(
            sarif
                .json()
                .get("runs")
                .get(0)
                .get("invocations")
                .get(0)
                .get("executionSuccessful")
                .asBoolean())
        .isFalse();
  }

  @Test
  void aBadPathStillYieldsTheFindingsBesideTheError() {
    Cli.write(project.resolve("config/ci.env"), "GITHUB_TOKEN=" + TOKEN + "\n");

    Cli.Result r = cli.run("scan", "config", "no-such-folder", "--format", "sarif");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    JsonNode run = r.json().get("runs").get(0);
    assertThat(run.get("results")).hasSize(1);
    assertThat(run.get("invocations").get(0).get("executionSuccessful").asBoolean()).isFalse();
  }
}
