package dev.floe.cli;

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
    PlatformRequest.Builder request = terminal.platformRequest();
    Optional.ofNullable(path).ifPresent(request::platform);
    Optional.ofNullable(env).ifPresent(request::environment);
    LocatedPlatform located = terminal.project().platform(request.build());
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

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }
}
