package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every command keeps on a bad command line and on failure (issue 10): conflicting
 * options exit 2 with a diagnostic, never an internal error; a machine document in the chosen
 * format on stdout whatever happens; "did you mean" for a misspelt option or command; command
 * groups without a command exit 2; counts in words; baselines in folders; compile output beside
 * floe.yaml.
 */
class CommandLineContractTest extends OnDemoProject {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "platform list-profiles --all-envs --env qa",
        "platform list-profiles --all-envs --platform platform/dev",
        "platform list-profiles --env dev --platform platform/dev",
        "platform validate --env dev --platform platform/dev",
        "platform validate platform/dev --env dev",
        "platform validate platform/dev --platform platform/prod",
        "platform check --env dev --platform platform/dev",
        "validate --env dev --platform platform/dev",
        "compile --env dev --platform platform/dev"
      })
  void conflictingOptionsAreUsageErrorsWithADiagnostic(String command) {
    Cli.Result r = cli.run(command.split(" "));

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("error[" + UsageErrors.CODE + "]: ")
        .contains("Usage: floe ")
        .doesNotContain("error: internal error")
        .doesNotContain("bug in floe");
  }

  @Test
  void allEnvsWithEnvSaysWhatToDo() {
    Cli.Result r = cli.run("platform", "list-profiles", "--all-envs", "--env", "qa");

    assertThat(r.err())
        .startsWith(
            "error[FLOE-L001]: --all-envs lists every environment: do not combine it with --env"
                + " or --platform\n"
                + "  = help: run 'floe platform list-profiles --help' to see the options\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "validate --format json --no-such-option",
        "validate --no-such-option --format json",
        "validate --format=json --evn dev",
        "validate --format json --env",
        "compile --format json --env dev --platform platform/dev",
        "platform list-profiles --all-envs --env qa --format json",
        "platform validate platform/dev --env dev --format json",
        "platform check --format json --bogus",
        "schema export --format json -x",
        "demo --format json --dir",
        "scan --format json --bogus"
      })
  void aUsageErrorWithFormatJsonPrintsTheJsonDocumentToo(String command) {
    Cli.Result r = cli.run(command.split(" "));

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    JsonNode json = r.json();
    assertThat(json.get("ok").asBoolean()).isFalse();
    assertThat(json.get("errors").asInt()).isEqualTo(1);
    assertThat(json.get("warnings").asInt()).isZero();
    assertThat(json.get("problems")).hasSize(1);
    JsonNode problem = json.get("problems").get(0);
    assertThat(problem.get("severity").asText()).isEqualTo("error");
    assertThat(problem.get("code").asText()).isEqualTo("FLOE-L001");
    assertThat(problem.get("message").asText()).isNotBlank();
    assertThat(problem.get("hint").asText()).isNotBlank();
    ValidateCommandTest.assertEveryFieldPresent(problem);
    assertThat(r.err()).contains("error[FLOE-L001]").contains("Usage: floe ");
  }

  @Test
  void aBadFormatValueIsReportedAsText() {
    Cli.Result r = cli.run("validate", "--format", "xml");

    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains(
            "error[FLOE-L001]: Invalid value for option '--format': expected one of [text, json]"
                + " (case-sensitive) but was 'xml'");
  }

  @Test
  void aUsageErrorWithFormatSarifPrintsASarifDocument() {
    Cli.Result r = cli.run("scan", "--format", "sarif", "--no-such-option");

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    JsonNode run = sarifRun(r);
    assertThat(run.get("results")).isEmpty();
    JsonNode invocation = run.get("invocations").get(0);
    assertThat(invocation.get("executionSuccessful").asBoolean()).isFalse();
    JsonNode notification = invocation.get("toolExecutionNotifications").get(0);
    assertThat(notification.at("/descriptor/id").asText()).isEqualTo("FLOE-L001");
    assertThat(notification.get("level").asText()).isEqualTo("error");
    assertThat(notification.at("/message/text").asText())
        .isEqualTo("Unknown option: '--no-such-option'");
    assertThat(r.err()).contains("Usage: floe scan");
  }

  @Test
  void aMissingPathPrintsADocumentInEveryMachineFormat() {
    Cli.Result json = cli.run("scan", "no-such-folder", "--format", "json");
    Cli.Result sarif = cli.run("scan", "no-such-folder", "--format", "sarif");

    assertThat(json.code()).as(json.toString()).isEqualTo(ExitCodes.INPUT);
    assertThat(json.json().at("/problems/0/code").asText()).isEqualTo("FLOE-E052");
    assertThat(sarif.code()).as(sarif.toString()).isEqualTo(ExitCodes.INPUT);
    JsonNode notification = sarifRun(sarif).at("/invocations/0/toolExecutionNotifications/0");
    assertThat(notification.at("/descriptor/id").asText()).isEqualTo("FLOE-E052");
    assertThat(notification.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("no-such-folder");
    assertThat(notification.at("/properties/hint").asText()).isNotBlank();
    assertThat(sarif.err()).contains("error[FLOE-E052]");
  }

  @Test
  void aBadBaselinePrintsASarifDocument() {
    Cli.write(project.resolve("b.json"), "{\"version\": 7, \"findings\": []}");

    Cli.Result r = cli.run("scan", "--baseline", "b.json", "--format", "sarif");

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.INPUT);
    JsonNode invocation = sarifRun(r).get("invocations").get(0);
    assertThat(invocation.get("executionSuccessful").asBoolean()).isFalse();
    assertThat(invocation.at("/toolExecutionNotifications/0/descriptor/id").asText())
        .isEqualTo("FLOE-X041");
  }

  @Test
  void aCleanSarifScanHasNoInvocationNotes() {
    Cli.Result r = cli.run("scan", "--format", "sarif");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(sarifRun(r).has("invocations")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "platform", "schema"})
  void aCommandGroupWithoutACommandPrintsItsUsageAndExitsTwo(String group) {
    Cli.Result r = group.isEmpty() ? cli.run() : cli.run(group);

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("Usage: floe" + (group.isEmpty() ? "" : " " + group));
  }

  @Test
  void aMisspeltOptionGetsASuggestion() {
    Cli.Result text = cli.run("validate", "--evn", "dev");
    Cli.Result json = cli.run("validate", "--evn", "dev", "--format", "json");

    assertThat(text.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(text.err())
        .startsWith(
            """
            error[FLOE-L001]: Unknown options: '--evn', 'dev'
              = help: did you mean '--env'?
            Usage: floe validate \
            """);
    assertThat(json.json().at("/problems/0/suggestion").asText()).isEqualTo("--env");
    assertThat(json.json().at("/problems/0/hint").asText()).isEqualTo("did you mean '--env'?");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "platform list-profiles --all-env|--all-envs",
        "platform validate --platfrom=platform/dev|--platform",
        "compile --outptu x|--output",
        "scan --write-basline x|--write-baseline",
        "valdate|validate",
        "platform lst-profiles|list-profiles",
        "schema exprot|export"
      })
  void suggestionsCoverOptionsAndCommands(String line) {
    String[] parts = line.split("\\|", -1);

    Cli.Result r = cli.run(parts[0].split(" "));

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("  = help: did you mean '" + parts[1] + "'?");
  }

  @Test
  void anUnknownOptionFarFromEveryOptionGetsNoGuess() {
    Cli.Result r = cli.run("validate", "--no-such-option");

    assertThat(r.err())
        .doesNotContain("did you mean")
        .contains("  = help: run 'floe validate --help' to see the options");
  }

  @Test
  void countsAreSingularForOne() {
    Cli.write(
        project.resolve("one/app.env"),
        "STRIPE_KEY=sk_live_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6" + "\n");
    Cli.Result found = cli.run("scan", "one");
    Cli.Result written = cli.run("scan", "one", "--write-baseline", "b.json");
    Cli.Result clean = cli.run("scan", "floe.yaml");

    assertThat(found.err()).contains("1 credential found in 1 file scanned");
    assertThat(written.out()).contains("1 finding accepted in 1 file scanned;");
    assertThat(clean.out()).contains("no credentials found in 1 file scanned");
    assertThat(found.all() + written.all() + clean.all()).doesNotContain("1 files");
  }

  @Test
  void writeBaselineIntoAFolderWritesTheDefaultFileThere() {
    Cli.Result newFolder = cli.run("scan", "--write-baseline", "baselines/");
    Cli.Result existingFolder = cli.run("scan", "--write-baseline", ".");

    assertThat(newFolder.code()).as(newFolder.toString()).isZero();
    assertThat(newFolder.out()).contains("✓ wrote baselines/.floe-scan-baseline.json: ");
    assertThat(project.resolve("baselines/.floe-scan-baseline.json")).isRegularFile();
    assertThat(project.resolve("baselines")).isDirectory();
    assertThat(existingFolder.code()).as(existingFolder.toString()).isZero();
    assertThat(existingFolder.out()).contains("✓ wrote .floe-scan-baseline.json: ");
    assertThat(project.resolve(".floe-scan-baseline.json")).isRegularFile();

    Cli.Result read = cli.run("scan", "--baseline", "baselines", "--format", "json");
    assertThat(read.code()).as(read.toString()).isZero();
  }

  @Test
  void compileWritesBesideFloeYamlWhereverItRuns() {
    Path nested = project.resolve("jobs/nightly");
    Cli.write(nested.resolve("README"), "a folder below the project\n");
    Cli inNested = Cli.in(nested, home);

    Cli.Result r = inNested.run("compile", "-f", "../../floe.yaml", "--env", "dev");

    assertThat(r.code()).as(r.toString()).isZero();
    // Above the working folder, so shown as an absolute path.
    assertThat(r.out()).contains("✓ wrote " + project.resolve(".floe/compiled_artifacts.json"));
    assertThat(project.resolve(".floe/compiled_artifacts.json")).isRegularFile();
    assertThat(nested.resolve(".floe")).doesNotExist();
  }

  @Test
  void listProfilesJsonHasTheEnvelopeOfEveryCommand() {
    Cli.Result one = cli.run("platform", "list-profiles", "--env", "dev", "--format", "json");
    Cli.Result all = cli.run("platform", "list-profiles", "--all-envs", "--format", "json");

    for (Cli.Result r : List.of(one, all)) {
      assertThat(r.code()).as(r.toString()).isZero();
      assertThat(PlatformCommandTest.fieldNames(r.json()))
          .startsWith("ok", "errors", "warnings", "problems");
      assertThat(r.json().get("ok").asBoolean()).isTrue();
      assertThat(r.json().get("problems")).isEmpty();
    }
    assertThat(PlatformCommandTest.fieldNames(one.json()))
        .containsExactly(
            "ok",
            "errors",
            "warnings",
            "problems",
            "environment",
            "source",
            "storage",
            "catalogs",
            "compute");
    assertThat(PlatformCommandTest.fieldNames(all.json()))
        .containsExactly("ok", "errors", "warnings", "problems", "environments");
  }

  @Test
  void platformValidateTakesPlatformLikeEveryOtherCommand() {
    Cli.Result r = cli.run("platform", "validate", "--platform", "platform/prod");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("✓ platform/prod/platform.yaml is valid (environment prod)");
  }

  private static JsonNode sarifRun(Cli.Result r) {
    JsonNode sarif = r.json();
    assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
    return sarif.get("runs").get(0);
  }
}
