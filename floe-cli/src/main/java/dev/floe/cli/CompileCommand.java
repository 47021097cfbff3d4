package dev.floe.cli;

import dev.floe.core.compile.ArtifactJson;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.diag.SourcePaths;
import dev.floe.core.project.FloeProject;
import java.nio.file.Path;

/** {@code floe compile}: validate, then write CompiledArtifacts. */
final class CompileCommand extends FloeSubcommand {
  /** The artifact's file name inside the output folder. */
  static final String ARTIFACT_FILE = "compiled_artifacts.json";

  /** The output folder beside floe.yaml when no {@code -o} is given. */
  static final String DEFAULT_OUTPUT = ".floe";

  final PipelineOptions pipeline = new PipelineOptions();

  String output;

  CompileCommand() {
    super("compile", "Validate, then write DIR/compiled_artifacts.json (secret references only).");
    pipeline.addTo(args);
    args.add(
        Arg.option(String.class, v -> output = v, "-o", "--output")
            .paramLabel("DIR")
            .description(
                "The output folder (default: " + DEFAULT_OUTPUT + "/ beside the pipeline file)."));
  }

  @Override
  int run(Terminal terminal, Reporter reporter) {
    FloeProject.Compiled compiled = pipeline.compile(terminal, reporter);
    Path target = write(outputDir(terminal), compiled.artifacts(), terminal);
    String shown = SourcePaths.display(target, terminal.workDir());
    CompiledArtifacts a = compiled.artifacts();
    if (reporter.json()) {
      reporter.success(
          json -> {
            json.writeStringField("environment", a.environment());
            json.writeStringField("platform_source", a.platformSource().wire());
            json.writeStringField("catalog", a.catalog().profile());
            json.writeStringField("storage", a.storage().profile());
            json.writeStringField("compute", a.compute().profile());
            json.writeStringField("artifact", shown);
          });
    } else {
      Profiles.print(reporter, compiled);
      reporter.line(reporter.ok() + " wrote " + shown);
    }
    return ExitCodes.OK;
  }

  /**
   * {@code -o DIR}, else {@code .floe/} in the folder of floe.yaml: the project's output, wherever
   * floe runs from ({@code -f ../../floe.yaml} writes {@code ../../.floe/}).
   */
  private Path outputDir(Terminal terminal) {
    if (output != null) {
      return terminal.resolve(output);
    }
    Path file = terminal.resolve(pipeline.file);
    Path folder = file.getParent();
    return (folder == null ? terminal.workDir() : folder).resolve(DEFAULT_OUTPUT);
  }

  /** Writes the artifact into {@code dir}, whole or not at all. */
  static Path write(Path dir, CompiledArtifacts artifacts, Terminal terminal) {
    return Outputs.write(dir.resolve(ARTIFACT_FILE), ArtifactJson.write(artifacts), terminal);
  }
}
