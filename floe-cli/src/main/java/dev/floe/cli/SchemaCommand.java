package dev.floe.cli;

import dev.floe.core.diag.SourcePaths;
import dev.floe.core.schema.JsonSchemaExporter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code floe schema}: the published JSON Schemas. */
final class SchemaCommand extends CommandGroup {
  SchemaCommand() {
    super("schema", "JSON Schemas for platform.yaml, floe.yaml and CompiledArtifacts.");
    add(new Export().spec());
  }

  /** {@code floe schema export [-o DIR]}. */
  static final class Export extends FloeSubcommand {
    String output = "schemas";

    Export() {
      super(
          "export",
          "Write platform.schema.json, floe.schema.json and compiled-artifacts.schema.json (JSON"
              + " Schema 2020-12).");
      args.add(
          Arg.option(String.class, v -> output = v, "-o", "--output")
              .paramLabel("DIR")
              .defaultValue("schemas")
              .description("The output folder (default: ${DEFAULT-VALUE})."));
    }

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
