package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.floe.testing.DemoProject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code floe validate}: exit codes, text diagnostics on stderr, one JSON document on stdout. */
class ValidateCommandTest extends OnDemoProject {
  /** A small floe.yaml whose catalog reference sits at line 5, column 10. */
  static final String MINIMAL_FLOE =
      """
      name: customer-analytics
      version: "1.0.0"
      storage: default
      compute: default
      catalog: analytics
      """;

  /** The fields every problem of the JSON format carries, null when absent. */
  static final List<String> PROBLEM_FIELDS =
      List.of(
          "severity",
          "code",
          "message",
          "file",
          "line",
          "column",
          "path",
          "hint",
          "choices",
          "suggestion");

  @ParameterizedTest
  @ValueSource(strings = {"local", "dev", "staging", "prod"})
  void theDemoIsValidInEveryEnvironment(String env) {
    Cli.Result r = cli.run("validate", "--env", env);

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains(
            "✓ floe.yaml is valid against platform/"
                + env
                + "/platform.yaml (environment "
                + env
                + ")");
    assertThat(r.err()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "dev", "staging", "prod"})
  void theDemoIsValidInEveryEnvironmentAsJson(String env) {
    Cli.Result r = cli.run("validate", "--env", env, "--format", "json");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode json = r.json();
    assertThat(json.get("ok").asBoolean()).isTrue();
    assertThat(json.get("errors").asInt()).isZero();
    assertThat(json.get("warnings").asInt()).isZero();
    assertThat(json.get("problems").isArray()).isTrue();
    assertThat(json.get("problems")).isEmpty();
    assertThat(json.get("file").asText()).isEqualTo("floe.yaml");
    assertThat(json.get("environment").asText()).isEqualTo(env);
    assertThat(json.get("platform_source").asText())
        .isEqualTo("platform/" + env + "/platform.yaml");
  }

  @Test
  void theDefaultEnvironmentIsLocal() {
    Cli.Result r = cli.run("validate", "--format", "json");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.json().get("environment").asText()).isEqualTo("local");
  }

  @Test
  void aMissingProfileIsReportedOnStderrInCompilerStyle() {
    Cli.write(project.resolve("floe.yaml"), MINIMAL_FLOE);

    Cli.Result r = cli.run("validate", "--env", "dev");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    List<String> lines = r.err().lines().toList();
    assertThat(lines.get(0))
        .startsWith(
            "error[FLOE-R020]: Catalog profile 'analytics' not found in"
                + " platform/dev/platform.yaml")
        .contains("Available catalog profiles: default");
    assertThat(lines)
        .containsSubsequence(
            " --> floe.yaml:5:10", "  |", "5 | catalog: analytics", "  |          ^^^^^^^^^");
    assertThat(lines).anyMatch(l -> l.startsWith("  = help: "));
    assertThat(lines.get(lines.size() - 1)).isEqualTo("1 error, 0 warnings");
  }

  @Test
  void aColourTerminalGetsColouredDiagnosticsAndJsonStaysPlain() {
    Cli.write(project.resolve("floe.yaml"), MINIMAL_FLOE);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    StringWriter jsonOut = new StringWriter();

    int code =
        Main.run(
            new Terminal(project, home, Map.of(), new PrintWriter(out), new PrintWriter(err), true),
            "validate",
            "--env",
            "dev");
    int jsonCode =
        Main.run(
            new Terminal(
                project, home, Map.of(), new PrintWriter(jsonOut), new PrintWriter(err), true),
            "validate",
            "--env",
            "dev",
            "--format",
            "json");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("\u001b[").contains("FLOE-R020");
    assertThat(jsonCode).isEqualTo(1);
    assertThat(jsonOut.toString()).doesNotContain("\u001b[");
    Cli.parseSingleDocument(jsonOut.toString());
  }

  @Test
  void aCloseProfileNameGetsADidYouMean() {
    Cli.write(project.resolve("floe.yaml"), MINIMAL_FLOE.replace("analytics", "defualt"));

    Cli.Result text = cli.run("validate", "--env", "dev");
    Cli.Result json = cli.run("validate", "--env", "dev", "--format", "json");

    assertThat(text.code()).isEqualTo(1);
    assertThat(text.err()).contains("error[FLOE-R020]").contains("did you mean 'default'?");
    JsonNode problem = json.json().get("problems").get(0);
    assertThat(problem.get("suggestion").asText()).isEqualTo("default");
    assertThat(problem.get("choices").toString()).isEqualTo("[\"default\"]");
  }

  @Test
  void jsonFormatPrintsExactlyOneDocumentOnStdoutAndNothingOnStderr() {
    Cli.write(project.resolve("floe.yaml"), MINIMAL_FLOE);

    Cli.Result r = cli.run("validate", "--env", "dev", "--format", "json");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).isEmpty();
    JsonNode json = r.json();
    assertThat(json.get("ok").asBoolean()).isFalse();
    assertThat(json.get("errors").asInt()).isEqualTo(1);
    assertThat(json.get("warnings").asInt()).isZero();
    assertThat(json.get("problems")).hasSize(1);
    JsonNode p = json.get("problems").get(0);
    assertEveryFieldPresent(p);
    assertThat(p.get("severity").asText()).isEqualTo("error");
    assertThat(p.get("code").asText()).isEqualTo("FLOE-R020");
    assertThat(p.get("message").asText())
        .contains("'analytics'")
        .contains("platform/dev/platform.yaml")
        .contains("Available catalog profiles: default");
    assertThat(p.get("file").asText()).isEqualTo("floe.yaml");
    assertThat(p.get("line").asInt()).isEqualTo(5);
    assertThat(p.get("column").asInt()).isEqualTo(10);
    assertThat(p.get("path").asText()).isEqualTo("catalog");
    assertThat(p.get("hint").isTextual()).isTrue();
    assertThat(p.get("choices").toString()).isEqualTo("[\"default\"]");
    assertThat(p.get("suggestion").isNull()).isTrue();
  }

  @Test
  void absentFieldsAreNullInJson() {
    Cli.Result r = cli.run("validate", "-f", "missing.yaml", "--format", "json");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).isEmpty();
    JsonNode p = r.json().get("problems").get(0);
    assertEveryFieldPresent(p);
    assertThat(p.get("code").asText()).isEqualTo("FLOE-Y006");
    assertThat(p.get("file").asText()).isEqualTo("missing.yaml");
    assertThat(p.get("line").isNull()).isTrue();
    assertThat(p.get("column").isNull()).isTrue();
    assertThat(p.get("path").isNull()).isTrue();
    assertThat(p.get("suggestion").isNull()).isTrue();
  }

  @Test
  void problemsOfFloeYamlAndPlatformYamlAreReportedTogether() {
    Cli.edit(project.resolve("floe.yaml"), "storage: default", "storage: default\nbogus_key: 1");
    Path dev = project.resolve("platform/dev/platform.yaml");
    Cli.edit(dev, "    type: duckdb", "    type: duckdbx");
    Cli.edit(dev, "  sampling: 1.0", "  samplin: 1.0");

    Cli.Result text = cli.run("validate", "--env", "dev");
    Cli.Result json = cli.run("validate", "--env", "dev", "--format", "json");

    assertThat(text.code()).as(text.toString()).isEqualTo(1);
    assertThat(text.out()).isEmpty();
    assertThat(text.err())
        .contains("error[FLOE-S010]: Unknown key 'bogus_key'")
        .contains("--> floe.yaml:")
        .contains("error[FLOE-S015]")
        .contains("'duckdbx'")
        .contains("--> platform/dev/platform.yaml:")
        .contains("'samplin'")
        .endsWith("3 errors, 0 warnings\n");

    assertThat(json.code()).isEqualTo(1);
    assertThat(json.err()).isEmpty();
    JsonNode problems = json.json().get("problems");
    assertThat(json.json().get("errors").asInt()).isEqualTo(3);
    List<String> where = new ArrayList<>();
    problems.forEach(p -> where.add(p.get("file").asText() + ":" + p.get("path").asText()));
    assertThat(where)
        .containsExactly(
            "floe.yaml:bogus_key",
            "platform/dev/platform.yaml:compute.default.type",
            "platform/dev/platform.yaml:observability.samplin");
    problems.forEach(ValidateCommandTest::assertEveryFieldPresent);
  }

  @Test
  void manyMistakesInOneFileAreAllReported() {
    Cli.write(
        project.resolve("floe.yaml"),
        """
        name: customer-analytics
        version: "1.0.0"
        catalog: analytics
        storage: warehouse
        compute: engine
        """);

    Cli.Result r = cli.run("validate", "--env", "prod", "--format", "json");

    assertThat(r.code()).isEqualTo(1);
    List<String> paths = new ArrayList<>();
    r.json().get("problems").forEach(p -> paths.add(p.get("path").asText()));
    assertThat(paths).containsExactly("catalog", "storage", "compute");
  }

  @Test
  void yamlSyntaxErrorsHaveAPosition() {
    Cli.write(project.resolve("floe.yaml"), "name: [unclosed\nversion: \"1.0.0\"\n");

    Cli.Result r = cli.run("validate", "--format", "json");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    JsonNode p = r.json().get("problems").get(0);
    assertThat(p.get("code").asText()).isEqualTo("FLOE-Y001");
    assertThat(p.get("file").asText()).isEqualTo("floe.yaml");
    assertThat(p.get("line").isInt()).isTrue();
    assertThat(p.get("column").isInt()).isTrue();
  }

  @Test
  void anInvalidEnvironmentNameIsAnInputError() {
    Cli.Result r = cli.run("validate", "--env", "BAD_NAME");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("error[FLOE-E051]").contains("'BAD_NAME'");
    assertThat(r.err()).endsWith("1 error, 0 warnings\n");

    Cli.Result json = cli.run("validate", "--env", "BAD_NAME", "--format", "json");
    assertThat(json.code()).isEqualTo(1);
    assertThat(json.err()).isEmpty();
    assertThat(json.json().get("problems").get(0).get("code").asText()).isEqualTo("FLOE-E051");
  }

  @Test
  void anEnvironmentWithoutAPlatformListsWhereItSearched() {
    Cli.Result r = cli.run("validate", "--env", "qa", "--format", "json");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    JsonNode p = r.json().get("problems").get(0);
    assertThat(p.get("code").asText()).isEqualTo("FLOE-E050");
    assertThat(p.get("message").asText()).contains("'qa'").contains("platform/qa/platform.yaml");
    List<String> choices = new ArrayList<>();
    p.get("choices").forEach(c -> choices.add(c.asText()));
    assertThat(choices).containsExactly("dev", "local", "prod", "staging");
  }

  @Test
  void aMissingFloeYamlIsAnInputErrorWithoutAStackTrace() {
    Cli empty = Cli.in(home, home);

    Cli.Result r = empty.run("validate");
    Cli.Result debug = empty.run("validate", "--debug");
    Cli.Result other = cli.run("validate", "-f", "nested/none.yaml");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("error[FLOE-Y006]: Cannot read floe.yaml")
        .contains(" --> floe.yaml\n")
        .endsWith("1 error, 0 warnings\n");
    assertThat(debug.code()).isEqualTo(1);
    assertThat(debug.err()).isEqualTo(r.err());
    assertThat(other.code()).isEqualTo(1);
    assertThat(other.err()).contains("error[FLOE-Y006]").contains("nested/none.yaml");
  }

  @Test
  void debugShowsNoStackTraceForUserErrors() {
    Cli.write(project.resolve("floe.yaml"), MINIMAL_FLOE);

    Cli.Result r = cli.run("validate", "--env", "dev", "--debug");
    Cli.Result json = cli.run("validate", "--env", "dev", "--debug", "--format", "json");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("error[FLOE-R020]");
    assertThat(json.code()).isEqualTo(1);
    assertThat(json.json().get("errors").asInt()).isEqualTo(1);
  }

  @Test
  void aFileGivenWithDashFIsFoundRelativeToTheWorkingFolder() {
    Path work = home.resolve("elsewhere");
    DemoProject.copyTo(work.resolve("proj"));
    Cli outside = Cli.in(work, home);

    Cli.Result r = outside.run("validate", "-f", "proj/floe.yaml", "--env", "staging");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("proj/floe.yaml is valid against proj/platform/staging/platform.yaml");
  }

  @Test
  void aFolderGivenAsFloeYamlIsAnInputError() {
    Cli.Result r = cli.run("validate", "-f", "platform");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("error[FLOE-Y006]").contains("platform");
  }

  @Test
  void devZeroIsRefusedWithoutReadingItAll() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        java.nio.file.Files.exists(Path.of("/dev/zero")), "a POSIX system");

    Cli.Result r = cli.run("validate", "-f", "/dev/zero");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("error[FLOE-Y004]").contains("size limit of 16777216 bytes");
    Cli.assertNoStackTrace(r);
  }

  @Test
  void aPlatformYamlGivenAsFloeYamlIsSaidSo() {
    Cli.Result r = cli.run("validate", "-f", "platform/dev/platform.yaml");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("error[FLOE-S002]").contains("this looks like a platform.yaml");
  }

  @Test
  void aRegistryPinThatAPlatformFileOverridesIsAWarning() {
    Cli.edit(
        project.resolve("floe.yaml"),
        "version: ",
        "platform:\n  ref: oci://registry.example.com/acme/platform\nversion: ");

    Cli.Result text = cli.run("validate", "--env", "dev");
    Cli.Result json = cli.run("validate", "--env", "dev", "--format", "json");

    assertThat(text.code()).as(text.toString()).isZero();
    assertThat(text.err())
        .contains("warning[FLOE-R022]")
        .contains("oci://registry.example.com/acme/platform")
        .contains("platform/dev/platform.yaml");
    assertThat(json.code()).as(json.toString()).isZero();
    assertThat(json.json().get("ok").asBoolean()).isTrue();
    assertThat(json.json().get("warnings").asInt()).isEqualTo(1);
    assertThat(json.json().get("problems").get(0).get("code").asText()).isEqualTo("FLOE-R022");
  }

  @Test
  void anEnvironmentThatContradictsThePlatformFileIsRefused() {
    cli.env("FLOE_PLATFORM_FILE", project.resolve("platform/prod/platform.yaml").toString());

    Cli.Result r = cli.run("validate", "--env", "qa");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("error[FLOE-E055]").contains("environment 'prod'");
  }

  static void assertEveryFieldPresent(JsonNode problem) {
    List<String> names = new ArrayList<>();
    problem.fieldNames().forEachRemaining(names::add);
    assertThat(names).as("fields of %s", problem).containsExactlyElementsOf(PROBLEM_FIELDS);
    assertThat(problem.get("severity").asText()).isIn("error", "warning");
    assertThat(problem.get("code").asText()).matches("FLOE-[A-Z]\\d{3}");
    assertThat(problem.get("message").isTextual()).isTrue();
    for (String f : List.of("file", "path", "hint", "suggestion")) {
      assertThat(problem.get(f).isTextual() || problem.get(f).isNull()).as(f).isTrue();
    }
    for (String f : List.of("line", "column")) {
      assertThat(problem.get(f).isInt() || problem.get(f).isNull()).as(f).isTrue();
    }
    assertThat(problem.get("choices").isArray() || problem.get("choices").isNull())
        .as("choices")
        .isTrue();
  }
}
