package dev.floe.cli;

import dev.floe.catalog.CatalogContext;
import dev.floe.catalog.Catalogs;
import dev.floe.catalog.OpenedCatalog;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.ProblemList;
import dev.floe.core.diag.SourcePaths;
import dev.floe.core.diag.SourceTexts;
import dev.floe.core.platform.PlatformRequest;
import dev.floe.core.project.FloeProject;
import dev.floe.core.secret.SecretResolver;
import dev.floe.runtime.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

final class DemoCommand extends FloeSubcommand {
  static final List<String> ENVIRONMENTS = List.of("local", "dev", "staging", "prod");

  Path dir;

  final PlatformChoice choice = new PlatformChoice();

  int parallelism = 4;

  DemoCommand() {
    super(
        "demo",
        "Build the demo pipeline: compile demo/floe.yaml for local, dev, staging and prod, run every"
            + " asset on the chosen platform (default: local, embedded, no server, no secret) and"
            + " show the tables it built.",
        "Re-running is safe: tables are replaced, never duplicated.");
    args.add(
        Arg.option(Path.class, v -> dir = v, "--dir")
            .paramLabel("DIR")
            .description("The demo project (default: $FLOE_HOME/demo, else ./demo)."));
    choice.addTo(args);
    args.add(Arg.parallelism(v -> parallelism = v));
  }

  @Override
  int run(Terminal terminal, Reporter reporter) {
    Path demo = demoDir(terminal);
    Path floeFile = demo.resolve("floe.yaml");
    FloeProject project = terminal.project();
    List<Problem> problems = new ArrayList<>();
    SourceTexts sources = new SourceTexts();
    for (String env : ENVIRONMENTS) {
      try {
        FloeProject.Compiled compiled =
            project.load(
                floeFile,
                terminal
                    .platformRequest()
                    .environment(env)
                    .platform(demo.resolve("platform").resolve(env))
                    .build());
        CompileCommand.write(demo.resolve(".floe").resolve(env), compiled.artifacts(), terminal);
      } catch (ProblemException e) {
        problems.addAll(e.problems());
        sources.putAll(e.sources());
      }
    }
    if (!problems.isEmpty()) {
      return reporter.problems(
          problems.stream().distinct().sorted(ProblemList.ORDER).toList(), sources);
    }
    CompiledArtifacts artifacts = project.load(floeFile, request(terminal, demo)).artifacts();
    if (!reporter.json()) {
      reporter.line(
          "floe demo: "
              + artifacts.metadata().name()
              + " "
              + artifacts.metadata().version()
              + " · one floe.yaml compiled for "
              + String.join(", ", ENVIRONMENTS)
              + " ("
              + SourcePaths.display(demo.resolve(".floe"), terminal.workDir())
              + "/<env>/compiled_artifacts.json)");
      reporter.line("");
    }
    Runs.Outcome outcome =
        Runs.execute(
            new Runs.Request(
                terminal,
                reporter,
                artifacts,
                demo,
                DemoCommand.class.getClassLoader(),
                List.of(),
                parallelism,
                debug));
    if (!reporter.json() && outcome.result().isPresent()) {
      showTables(terminal, reporter, artifacts, demo, outcome.result().get());
    }
    return outcome.exitCode();
  }

  private PlatformRequest request(Terminal terminal, Path demo) {
    PlatformRequest.Builder request = terminal.platformRequest();
    choice.env().ifPresent(request::environment);
    choice.platform().map(terminal.workDir()::resolve).ifPresent(request::platform);
    if (!choice.given()) {
      request.environment("local").platform(demo.resolve("platform").resolve("local"));
    } else if (choice.env().isPresent()) {
      request.platform(demo.resolve("platform").resolve(choice.env().get()));
    }
    return request.build();
  }

  private static void showTables(
      Terminal terminal,
      Reporter reporter,
      CompiledArtifacts artifacts,
      Path demo,
      RunResult result) {
    List<TablesCommand.Row> rows;
    try (OpenedCatalog catalog =
        Catalogs.open(
            CatalogContext.of(
                    artifacts.catalog(),
                    artifacts.storage(),
                    SecretResolver.fromEnvironment(terminal.env(), terminal.workDir()),
                    demo)
                .withEnvironment(terminal.env()))) {
      rows = TablesCommand.list(catalog, List.of());
    } catch (ProblemException e) {
      reporter.problems(e.problems(), e.sources());
      return;
    }
    String file = SourcePaths.display(demo.resolve("floe.yaml"), terminal.workDir());
    reporter.line("");
    reporter.line(
        "Tables in catalog '"
            + artifacts.catalog().profile()
            + "' ("
            + artifacts.catalog().value().type().wire()
            + " "
            + Describe.endpoint(artifacts.catalog().value())
            + "), data in "
            + Describe.endpoint(artifacts.storage().value())
            + ":");
    int width = 0;
    for (TablesCommand.Row r : rows) {
      width = Math.max(width, r.name().length());
    }
    for (TablesCommand.Row r : rows) {
      reporter.line(
          String.format(
              Locale.ROOT,
              "  %-" + width + "s %10s",
              r.name(),
              r.rows().map(RunSummary::rows).orElse("-")));
    }
    reporter.line("");
    reporter.line("Look at the data:");
    reporter.line(
        "  ./floe query -f "
            + file
            + " \"SELECT region, sum(revenue) AS revenue FROM gold.mart_revenue GROUP BY region\"");
    reporter.line("  ./floe tables -f " + file + " --env " + artifacts.environment());
    reporter.line(
        "  ./floe run -f "
            + file
            + " --env "
            + artifacts.environment()
            + " --select +mart_revenue     # a gold table and what it needs");
    reporter.line("Run it against another environment (same floe.yaml, same code):");
    reporter.line(
        "  ./floe platform check --platform "
            + SourcePaths.display(demo.resolve("platform/dev"), terminal.workDir())
            + "   # are the dev servers and secrets there?");
    reporter.line("  ./floe demo --env dev");
    if (!result.succeeded()) {
      reporter.line("");
      reporter.line(reporter.failed() + " some assets failed: see their errors above");
    }
  }

  private Path demoDir(Terminal terminal) {
    if (dir != null) {
      return terminal.workDir().resolve(dir).normalize();
    }
    String home = terminal.env().get("FLOE_HOME");
    if (home != null && !home.isEmpty() && Files.isDirectory(Path.of(home, "demo"))) {
      return Path.of(home, "demo").toAbsolutePath().normalize();
    }
    return terminal.workDir().resolve("demo");
  }
}
