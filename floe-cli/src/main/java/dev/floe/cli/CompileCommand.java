package dev.floe.cli;

import dev.floe.core.compile.ArtifactJson;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.diag.Code;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.SourcePaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code floe compile}: validate, then write CompiledArtifacts. */
@Command(
    name = "compile",
    mixinStandardHelpOptions = true,
    description = "Validate, then write DIR/compiled_artifacts.json (secret references only).")
final class CompileCommand extends FloeSubcommand {
  /** The artifact's file name inside the output folder. */
  static final String ARTIFACT_FILE = "compiled_artifacts.json";

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      defaultValue = "floe.yaml",
      description = "The pipeline file (default: ${DEFAULT-VALUE}).")
  String file;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  PlatformChoice choice;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      defaultValue = ".floe",
      description = "The output folder (default: ${DEFAULT-VALUE}).")
  String output;

  @Override
  int run(Terminal terminal, Reporter reporter) {
    Project.Compiled compiled =
        new Project(terminal, sources)
            .compile(file, PlatformChoice.env(choice), PlatformChoice.platform(choice));
    Path target = write(terminal.resolve(output), compiled.artifacts(), terminal);
    String shown = SourcePaths.display(target, terminal.workDir());
    CompiledArtifacts a = compiled.artifacts();
    if (reporter.json()) {
      reporter.success(
          json -> {
            json.writeStringField("environment", a.environment());
            json.writeStringField("platform_source", a.platformSource());
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
   * Writes the artifact atomically: a temporary file in the same folder, then a rename, so that a
   * reader never sees a partial file.
   */
  static Path write(Path dir, CompiledArtifacts artifacts, Terminal terminal) {
    Path target = dir.resolve(ARTIFACT_FILE);
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, ".compiled_artifacts", ".tmp");
      try {
        Files.writeString(temp, ArtifactJson.write(artifacts), StandardCharsets.UTF_8);
        try {
          Files.move(
              temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
      return target;
    } catch (IOException e) {
      throw new ProblemException(
          Problem.error(
                  Code.E053,
                  "Cannot write "
                      + SourcePaths.display(target, terminal.workDir())
                      + ": "
                      + dev.floe.core.diag.IoProblems.describe(e))
              .file(SourcePaths.display(target, terminal.workDir()))
              .hint("check that the output folder is writable, or choose another with -o DIR")
              .build());
    }
  }
}
