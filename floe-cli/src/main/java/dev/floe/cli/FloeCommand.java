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
      picocli.AutoComplete.GenerateCompletion.class
    })
final class FloeCommand implements Runnable {
  private final Terminal terminal;

  @Spec CommandSpec spec;

  FloeCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  Terminal terminal() {
    return terminal;
  }

  @Override
  public void run() {
    spec.commandLine().usage(terminal.err());
  }

  /** Prints {@code floe <version>}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"floe " + FloeVersion.current()};
    }
  }
}
