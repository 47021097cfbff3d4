package dev.floe.cli;

import dev.floe.core.diag.Code;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.SourcePaths;
import dev.floe.core.schema.JsonSchemaExporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code floe schema}: the published JSON Schemas. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = "JSON Schemas for platform.yaml, floe.yaml and CompiledArtifacts.",
    subcommands = SchemaCommand.Export.class)
final class SchemaCommand implements java.util.concurrent.Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(((FloeCommand) spec.root().userObject()).terminal().err());
    return ExitCodes.USAGE;
  }

  /** {@code floe schema export [-o DIR]}. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description =
          "Write platform.schema.json, floe.schema.json and compiled-artifacts.schema.json (JSON Schema 2020-12).")
  static final class Export extends FloeSubcommand {
    @Option(
        names = {"-o", "--output"},
        paramLabel = "DIR",
        defaultValue = "schemas",
        description = "The output folder (default: ${DEFAULT-VALUE}).")
    String output;

    @Override
    int run(Terminal terminal, Reporter reporter) {
      Path dir = terminal.resolve(output);
      List<String> written = new ArrayList<>();
      try {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : JsonSchemaExporter.exportAll().entrySet()) {
          Path file = dir.resolve(e.getKey());
          Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
          written.add(SourcePaths.display(file, terminal.workDir()));
        }
      } catch (IOException e) {
        throw new ProblemException(
            Problem.error(
                    Code.E053,
                    "Cannot write schemas to "
                        + SourcePaths.display(dir, terminal.workDir())
                        + ": "
                        + dev.floe.core.diag.IoProblems.describe(e))
                .file(SourcePaths.display(dir, terminal.workDir()))
                .hint("check that the folder is writable, or choose another with -o DIR")
                .build());
      }
      if (reporter.json()) {
        reporter.success(
            json -> {
              json.writeArrayFieldStart("files");
              for (String f : written) {
                json.writeString(f);
              }
              json.writeEndArray();
            });
      } else {
        written.forEach(f -> reporter.line(reporter.ok() + " wrote " + f));
      }
      return ExitCodes.OK;
    }
  }
}
