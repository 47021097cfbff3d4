package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.floe.core.FloeVersion;
import dev.floe.testing.DemoProject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The command line itself: {@code --version}, {@code --help} on every command, usage errors (exit
 * 2), {@code schema export}, {@code demo} and the internal-error report.
 */
class CommandLineTest {
  @TempDir Path project;
  @TempDir Path home;

  Cli cli() {
    return Cli.in(project, home);
  }

  /** Every command path, e.g. {@code []}, {@code [platform, validate]}, read from picocli. */
  static Stream<List<String>> commands() {
    StringWriter sink = new StringWriter();
    Terminal terminal =
        new Terminal(
            Path.of("."),
            Path.of("."),
            Map.of(),
            new PrintWriter(sink),
            new PrintWriter(sink),
            false);
    List<List<String>> paths = new ArrayList<>();
    collect(Main.commandLine(terminal), new ArrayList<>(), paths);
    return paths.stream();
  }

  private static void collect(CommandLine cmd, List<String> path, List<List<String>> into) {
    into.add(List.copyOf(path));
    for (var e : cmd.getSubcommands().entrySet()) {
      if (!e.getKey().equals(e.getValue().getCommandName())) {
        continue; // an alias of a command already listed
      }
      List<String> child = new ArrayList<>(path);
      child.add(e.getKey());
      collect(e.getValue(), child, into);
    }
  }

  @Test
  void theCommandTreeHasTheSpecifiedCommands() {
    List<String> names = commands().map(p -> String.join(" ", p)).toList();

    assertThat(names)
        .contains(
            "",
            "validate",
            "compile",
            "platform",
            "platform validate",
            "platform list-profiles",
            "schema",
            "schema export",
            "run",
            "tables",
            "query",
            "demo");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void helpWorksOnEveryCommand(List<String> path) {
    for (String help : List.of("--help", "-h")) {
      List<String> args = new ArrayList<>(path);
      args.add(help);

      Cli.Result r = cli().run(args.toArray(String[]::new));

      assertThat(r.code()).as("floe %s %s\n%s", path, help, r).isZero();
      assertThat(r.out())
          .startsWith("Usage: floe" + (path.isEmpty() ? "" : " " + String.join(" ", path)));
      assertThat(r.err()).isEmpty();
    }
  }

  /** Every command but picocli's generate-completion (see the disabled test below). */
  static Stream<List<String>> floeCommands() {
    return commands().filter(p -> !p.contains("generate-completion"));
  }

  @ParameterizedTest
  @MethodSource("floeCommands")
  void anUnknownOptionIsAUsageErrorOnEveryCommand(List<String> path) {
    List<String> args = new ArrayList<>(path);
    args.add("--no-such-option");

    Cli.Result r = cli().run(args.toArray(String[]::new));

    assertThat(r.code()).as("floe %s --no-such-option\n%s", path, r).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("Unknown option: '--no-such-option'").contains("Usage: floe");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "validate --env",
        "validate --platform",
        "validate -f",
        "validate --format",
        "compile -o",
        "compile --env",
        "platform validate --env",
        "platform list-profiles --platform",
        "schema export -o",
        "demo --dir"
      })
  void aMissingOptionArgumentIsAUsageError(String command) {
    Cli.Result r = cli().run(command.split(" "));

    assertThat(r.code()).as("floe %s\n%s", command, r).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("Missing required parameter");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "validate --format xml",
        "validate --env dev --platform platform/dev",
        "compile --env dev --platform platform/dev",
        "validate unexpected-argument",
        "platform validate a b",
        "no-such-command"
      })
  void otherBadCommandLinesAreUsageErrors(String command) {
    Cli.Result r = cli().run(command.split(" "));

    assertThat(r.code()).as("floe %s\n%s", command, r).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isNotEmpty();
  }

  @Test
  void anUnknownOptionIsAUsageErrorOnGenerateCompletion() {
    Cli.Result r = cli().run("generate-completion", "--no-such-option");

    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("Unknown option: '--no-such-option'");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void versionWorksOnEveryCommand(List<String> path) {
    List<String> args = new ArrayList<>(path);
    args.add("--version");

    Cli.Result r = cli().run(args.toArray(String[]::new));

    assertThat(r.code()).as("floe %s --version\n%s", path, r).isZero();
    assertThat(r.out()).isEqualTo("floe " + FloeVersion.current() + "\n");
  }

  @Test
  void versionPrintsTheFloeVersion() {
    Cli.Result r = cli().run("--version");
    Cli.Result shortForm = cli().run("-V");

    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("floe " + FloeVersion.current() + "\n");
    assertThat(r.out()).matches("floe \\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?\n");
    assertThat(r.err()).isEmpty();
    assertThat(shortForm.out()).isEqualTo(r.out());
  }

  @Test
  void schemaExportWritesTheThreeSchemas() throws IOException {
    Cli.Result r = cli().run("schema", "export", "-o", "out/schemas");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(Cli.filesBelow(project.resolve("out/schemas")))
        .containsExactlyInAnyOrder(
            "platform.schema.json", "floe.schema.json", "compiled-artifacts.schema.json");
    for (String name :
        List.of("platform.schema.json", "floe.schema.json", "compiled-artifacts.schema.json")) {
      assertThat(r.out()).contains("✓ wrote out/schemas/" + name);
      JsonNode schema = Cli.MAPPER.readTree(project.resolve("out/schemas").resolve(name).toFile());
      assertThat(schema.get("$schema").asText())
          .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }
  }

  @Test
  void schemaExportAsJsonListsTheFiles() {
    Cli.Result r = cli().run("schema", "export", "--output", "s", "--format", "json");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    List<String> files = new ArrayList<>();
    r.json().get("files").forEach(f -> files.add(f.asText()));
    assertThat(files)
        .containsExactlyInAnyOrder(
            "s/platform.schema.json", "s/floe.schema.json", "s/compiled-artifacts.schema.json");
  }

  @Test
  void schemaExportIntoAFileIsAnInputErrorInPlainWords() {
    Cli.write(project.resolve("afile"), "not a folder\n");

    Cli.Result r = cli().run("schema", "export", "-o", "afile");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("error[FLOE-E053]").contains("afile");
  }

  @Test
  void demoCompilesTheFourEnvironmentsAndBuildsTheTablesLocally() throws IOException {
    Path demo = DemoProject.copyTo(project.resolve("my-demo")).root();

    Cli.Result r = cli().run("demo", "--dir", "my-demo");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("one floe.yaml compiled for local, dev, staging, prod")
        .contains("floe run · customer-analytics · environment local")
        .containsPattern("bronze.raw_orders\\s+5,000")
        .containsPattern("bronze.raw_customers\\s+1,000")
        .contains("Look at the data:")
        .contains("./floe demo --env dev");
    for (String env : DemoProject.ENVIRONMENTS) {
      JsonNode a =
          Cli.MAPPER.readTree(
              demo.resolve(".floe").resolve(env).resolve("compiled_artifacts.json").toFile());
      assertThat(a.get("version").asText()).isEqualTo("2.0.0");
      assertThat(a.get("environment").asText()).isEqualTo(env);
    }
    assertThat(demo.resolve(".floe/catalog.db")).exists();

    Cli.Result again = cli().run("demo", "--dir", "my-demo");
    assertThat(again.code()).as("re-running is safe").isZero();
    assertThat(again.out()).containsPattern("bronze.raw_orders\\s+5,000");
  }

  @Test
  void demoAsJson() {
    DemoProject.copyTo(project.resolve("d"));

    Cli.Result r = cli().run("demo", "--dir", "d", "--format", "json");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.json().get("pipeline").asText()).isEqualTo("customer-analytics");
    assertThat(r.json().get("environment").asText()).isEqualTo("local");
    assertThat(r.json().get("status").asText()).isEqualTo("success");
    assertThat(r.json().get("assets").size()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void demoFindsTheDemoThroughFloeHome() {
    DemoProject.copyTo(home.resolve("floe-home/demo"));
    Cli cli = Cli.in(project, home).env("FLOE_HOME", home.resolve("floe-home").toString());

    Cli.Result r = cli.run("demo");

    assertThat(r.code()).as(r.toString()).isZero();
    for (String env : DemoProject.ENVIRONMENTS) {
      assertThat(home.resolve("floe-home/demo/.floe/" + env + "/compiled_artifacts.json")).exists();
    }
  }

  @Test
  void aBrokenDemoIsAnInputError() {
    Path demo = DemoProject.copyTo(project.resolve("d")).root();
    Cli.edit(demo.resolve("floe.yaml"), "catalog: default", "catalog: analytics");

    Cli.Result r = cli().run("demo", "--dir", "d");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("error[FLOE-R020]");
  }

  @Test
  void generateCompletionPrintsABashScript() {
    Cli.Result r = cli().run("generate-completion");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("complete -F").contains("list-profiles");
  }

  @Test
  void anInternalErrorNamesTheBugAndHidesTheTraceWithoutDebug() {
    StringWriter err = new StringWriter();
    Terminal terminal =
        new Terminal(
            project,
            home,
            Map.of(),
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            false);

    int code = FloeSubcommand.internalError(terminal, false, new IllegalStateException("boom"));

    assertThat(code).isEqualTo(70);
    assertThat(err.toString())
        .contains("this is a bug in floe " + FloeVersion.current())
        .contains("--debug")
        .doesNotContain("\tat ");
  }

  @Test
  void anInternalErrorShowsTheTraceWithDebug() {
    StringWriter err = new StringWriter();
    Terminal terminal =
        new Terminal(
            project,
            home,
            Map.of(),
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            false);

    int code = FloeSubcommand.internalError(terminal, true, new IllegalStateException("boom"));

    assertThat(code).isEqualTo(70);
    assertThat(err.toString()).contains("this is a bug in floe").contains("\tat ");
  }
}
