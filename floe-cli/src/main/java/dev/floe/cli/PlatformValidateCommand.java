package dev.floe.cli;

import dev.floe.core.internal.load.ConfigLoader;
import dev.floe.core.internal.load.PlatformLocator;
import dev.floe.core.model.PlatformSpec;
import dev.floe.core.platform.LocatedPlatform;
import dev.floe.core.platform.PlatformRequest;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code floe platform validate [PATH | --env NAME]}. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Validate one platform.yaml (a file, an environment folder, or --env NAME).")
final class PlatformValidateCommand extends FloeSubcommand {
  @Parameters(
      arity = "0..1",
      paramLabel = "PATH",
      description = "A platform.yaml file or an environment folder.")
  Path path;

  @Option(names = "--env", paramLabel = "NAME", description = "The environment to validate.")
  String env;

  @Override
  int run(Terminal terminal, Reporter reporter) {
    LocatedPlatform located =
        locate(terminal, Optional.ofNullable(path), Optional.ofNullable(env), sources);
    PlatformSpec p = located.platform().value();
    if (reporter.json()) {
      reporter.success(
          json -> {
            json.writeStringField("environment", located.environment());
            json.writeStringField("source", located.source());
            json.writeNumberField("storage", p.storage().size());
            json.writeNumberField("catalogs", p.catalogs().size());
            json.writeNumberField("compute", p.compute().size());
          });
    } else {
      reporter.line(
          reporter.ok()
              + " "
              + located.platform().file()
              + " is valid (environment "
              + located.environment()
              + "): "
              + count(p.storage().size(), "storage profile")
              + ", "
              + count(p.catalogs().size(), "catalog profile")
              + ", "
              + count(p.compute().size(), "compute profile"));
    }
    return ExitCodes.OK;
  }

  /** Finds a platform the way every platform command does: PATH, else the environment search. */
  static LocatedPlatform locate(
      Terminal terminal,
      Optional<Path> path,
      Optional<String> env,
      dev.floe.core.diag.SourceTexts sources) {
    ConfigLoader loader = new ConfigLoader(sources, terminal.env());
    PlatformRequest request =
        new PlatformRequest(
            path,
            env,
            terminal.workDir(),
            terminal.workDir(),
            terminal.homeDir(),
            terminal.env(),
            Optional.empty());
    return new PlatformLocator(loader).locate(request);
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }
}
