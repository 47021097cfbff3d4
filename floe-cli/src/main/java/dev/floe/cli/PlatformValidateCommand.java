package dev.floe.cli;

import dev.floe.core.model.PlatformSpec;
import dev.floe.core.platform.LocatedPlatform;
import dev.floe.core.project.FloeProject;
import java.nio.file.Path;

/**
 * {@code floe platform validate [--env NAME | --platform PATH]}, like every command that takes a
 * platform. The positional {@code PATH} of earlier versions stays as an alias of {@code --platform
 * PATH}, so that scripts keep working; given with {@code --env} or {@code --platform} it is a usage
 * error.
 */
final class PlatformValidateCommand extends FloeSubcommand {
  final PlatformChoice choice = new PlatformChoice();

  Path path;

  PlatformValidateCommand() {
    super(
        "validate",
        "Validate one platform.yaml (--env NAME, or --platform PATH: a file or a folder).");
    choice.addTo(args);
    args.add(
        Arg.positional(Path.class, v -> path = v)
            .arity("0..1")
            .paramLabel("PATH")
            .description("The same as --platform PATH (kept for compatibility)."));
  }

  @Override
  int run(Terminal terminal, Reporter reporter) {
    if (path != null && choice.given()) {
      throw usageError(
          "PATH is the same as --platform PATH: give the platform once, either as PATH,"
              + " --platform PATH or --env NAME");
    }
    if (path != null) {
      choice.platform = path;
    }
    FloeProject project = terminal.project();
    LocatedPlatform located = project.platform(choice.request(terminal));
    reporter.warnings(located.warnings(), project.sources());
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
              + Counts.of(p.storage().size(), "storage profile")
              + ", "
              + Counts.of(p.catalogs().size(), "catalog profile")
              + ", "
              + Counts.of(p.compute().size(), "compute profile"));
    }
    return ExitCodes.OK;
  }
}
