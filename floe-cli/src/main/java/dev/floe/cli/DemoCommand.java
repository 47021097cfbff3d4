package dev.floe.cli;

import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.ProblemList;
import dev.floe.core.diag.SourcePaths;
import dev.floe.core.diag.SourceTexts;
import dev.floe.core.project.FloeProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code floe demo}: compiles the demo pipeline against each of its environments and shows what
 * each resolved to. The asset runtime will run the compiled local pipeline once it exists.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Compile the demo pipeline against local, dev, staging and prod and show the result.")
final class DemoCommand extends FloeSubcommand {
  static final List<String> ENVIRONMENTS = List.of("local", "dev", "staging", "prod");

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "The demo project (default: $FLOE_HOME/demo, else ./demo).")
  Path dir;

  @Override
  int run(Terminal terminal, Reporter reporter) {
    Path demo = demoDir(terminal);
    Path floeFile = demo.resolve("floe.yaml");
    FloeProject project = terminal.project();
    List<Problem> problems = new ArrayList<>();
    SourceTexts sources = new SourceTexts();
    List<FloeProject.Compiled> results = new ArrayList<>();
    List<Path> written = new ArrayList<>();
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
        results.add(compiled);
        written.add(
            CompileCommand.write(
                demo.resolve(".floe").resolve(env), compiled.artifacts(), terminal));
      } catch (ProblemException e) {
        problems.addAll(e.problems());
        sources.putAll(e.sources());
      }
    }
    if (!problems.isEmpty()) {
      return reporter.problems(
          problems.stream().distinct().sorted(ProblemList.ORDER).toList(), sources);
    }
    if (reporter.json()) {
      reporter.success(
          json -> {
            json.writeArrayFieldStart("environments");
            for (int i = 0; i < results.size(); i++) {
              var a = results.get(i).artifacts();
              json.writeStartObject();
              json.writeStringField("environment", a.environment());
              json.writeStringField("platform_source", a.platformSource().wire());
              json.writeStringField(
                  "catalog",
                  a.catalog().value().type().wire() + " " + Describe.endpoint(a.catalog().value()));
              json.writeStringField(
                  "storage",
                  a.storage().value().type().wire() + " " + Describe.endpoint(a.storage().value()));
              json.writeStringField(
                  "compute",
                  a.compute().value().type().wire() + " " + Describe.endpoint(a.compute().value()));
              json.writeStringField(
                  "artifact", SourcePaths.display(written.get(i), terminal.workDir()));
              json.writeEndObject();
            }
            json.writeEndArray();
          });
      return ExitCodes.OK;
    }
    var first = results.get(0).artifacts().metadata();
    reporter.line(
        "floe demo: "
            + first.name()
            + " "
            + first.version()
            + " compiled against "
            + Counts.of(results.size(), "environment")
            + " from one floe.yaml ("
            + SourcePaths.display(floeFile, terminal.workDir())
            + ")");
    for (int i = 0; i < results.size(); i++) {
      reporter.line("");
      Profiles.print(reporter, results.get(i));
      reporter.line(
          reporter.ok() + " wrote " + SourcePaths.display(written.get(i), terminal.workDir()));
    }
    reporter.line("");
    reporter.line(
        "Same pipeline, four platforms: only platform/<env>/platform.yaml differs. Secrets stay"
            + " references (secret_ref) in every artifact.");
    return ExitCodes.OK;
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
