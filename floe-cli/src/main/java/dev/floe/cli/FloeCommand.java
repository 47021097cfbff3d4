package dev.floe.cli;

import dev.floe.core.FloeVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code floe} command: two-tier configuration for data platforms. */
@Command(
    name = "floe",
    mixinStandardHelpOptions = true,
    versionProvider = FloeCommand.Version.class,
    description = {
      "Two-tier configuration for data platforms: floe.yaml (what the pipeline does) compiled"
          + " against platform/<env>/platform.yaml (where it runs)."
    },
    subcommands = {
      ValidateCommand.class,
      CompileCommand.class,
      PlatformCommand.class,
      SchemaCommand.class,
      DemoCommand.class,
      CompletionCommand.class
    })
final class FloeCommand implements java.util.concurrent.Callable<Integer> {
  private final Terminal terminal;

  @Spec CommandSpec spec;

  FloeCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  Terminal terminal() {
    return terminal;
  }

  /** Without a command, floe shows its usage and exits 2, like any incomplete command line. */
  @Override
  public Integer call() {
    spec.commandLine().usage(terminal.err());
    return ExitCodes.USAGE;
  }

  /** Prints {@code floe <version>}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"floe " + FloeVersion.current()};
    }
  }
}
