package dev.floe.cli;

import dev.floe.core.FloeVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The {@code floe} command: two-tier configuration for data platforms. */
@Command(
    name = "floe",
    mixinStandardHelpOptions = true,
    versionProvider = FloeCommand.Version.class,
    description = {
      "Two-tier configuration for data platforms: floe.yaml (what the pipeline does) compiled"
          + " against platform/<env>/platform.yaml (where it runs)."
    })
final class FloeCommand extends CommandGroup {
  /**
   * The commands, by name, in help order. Built on demand: start-up time is part of the interface,
   * and picocli building every command's model costs more than validating a file.
   */
  static final java.util.Map<String, java.util.function.Supplier<Object>> COMMANDS = commands();

  private static java.util.Map<String, java.util.function.Supplier<Object>> commands() {
    java.util.Map<String, java.util.function.Supplier<Object>> all =
        new java.util.LinkedHashMap<>();
    all.put("validate", ValidateCommand::new);
    all.put("compile", CompileCommand::new);
    all.put("platform", PlatformCommand::new);
    all.put("schema", SchemaCommand::new);
    all.put("scan", ScanCommand::new);
    all.put("run", RunCommand::new);
    all.put("tables", TablesCommand::new);
    all.put("query", QueryCommand::new);
    all.put("demo", DemoCommand::new);
    all.put("generate-completion", CompletionCommand::new);
    return java.util.Collections.unmodifiableMap(all);
  }

  private final Terminal terminal;

  FloeCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  Terminal terminal() {
    return terminal;
  }

  /** Prints {@code floe <version>}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"floe " + FloeVersion.current()};
    }
  }
}
