package dev.floe.cli;

import dev.floe.core.diag.SourcePaths;
import dev.floe.core.schema.JsonSchemaExporter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code floe schema}: the published JSON Schemas. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = "JSON Schemas for platform.yaml, floe.yaml and CompiledArtifacts.",
    subcommands = SchemaCommand.Export.class)
final class SchemaCommand extends CommandGroup {

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
      for (Map.Entry<String, String> e : JsonSchemaExporter.exportAll().entrySet()) {
        Path file = Outputs.write(dir.resolve(e.getKey()), e.getValue(), terminal);
        written.add(SourcePaths.display(file, terminal.workDir()));
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
