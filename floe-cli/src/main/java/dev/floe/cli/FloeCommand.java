package dev.floe.cli;

import dev.floe.core.FloeVersion;
import java.util.List;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code floe} command: two-tier configuration for data platforms. */
final class FloeCommand extends CommandGroup {
  /** What {@code --version} prints, on every command. */
  static final IVersionProvider VERSION = new Version();

  /**
   * The commands, by name, in help order. Each is built on demand ({@link #command}): start-up time
   * is part of the interface, and building every command's model costs more than validating a file.
   */
  static final List<String> COMMANDS =
      List.of(
          "validate",
          "compile",
          "platform",
          "schema",
          "scan",
          "run",
          "tables",
          "query",
          "demo",
          "generate-completion");

  private final Terminal terminal;

  FloeCommand(Terminal terminal) {
    super(
        "floe",
        "Two-tier configuration for data platforms: floe.yaml (what the pipeline does) compiled"
            + " against platform/<env>/platform.yaml (where it runs).");
    this.terminal = terminal;
  }

  Terminal terminal() {
    return terminal;
  }

  /** The model of a new command named {@code name}, one of {@link #COMMANDS}. */
  static CommandSpec command(String name) {
    return switch (name) {
      case "validate" -> new ValidateCommand().spec();
      case "compile" -> new CompileCommand().spec();
      case "platform" -> new PlatformCommand().spec;
      case "schema" -> new SchemaCommand().spec;
      case "scan" -> new ScanCommand().spec();
      case "run" -> new RunCommand().spec();
      case "tables" -> new TablesCommand().spec();
      case "query" -> new QueryCommand().spec();
      case "demo" -> new DemoCommand().spec();
      case "generate-completion" -> new CompletionCommand().spec();
      default -> throw new IllegalArgumentException("no command " + name);
    };
  }

  /**
   * A new command object for the command line {@code args} when its first words name a runnable
   * command ({@code validate}, {@code platform validate}, …), else null (a group alone, help,
   * completion, a mistake). Its {@link FloeSubcommand#name} says how many words it took.
   */
  static FloeSubcommand runnable(String[] args) {
    if (args.length == 0) {
      return null;
    }
    String second = args.length > 1 ? args[1] : "";
    return switch (args[0]) {
      case "validate" -> new ValidateCommand();
      case "compile" -> new CompileCommand();
      case "scan" -> new ScanCommand();
      case "run" -> new RunCommand();
      case "tables" -> new TablesCommand();
      case "query" -> new QueryCommand();
      case "demo" -> new DemoCommand();
      case "platform" ->
          switch (second) {
            case "validate" -> new PlatformValidateCommand();
            case "list-profiles" -> new ListProfilesCommand();
            case "check" -> new PlatformCheckCommand();
            default -> null;
          };
      case "schema" -> second.equals("export") ? new SchemaCommand.Export() : null;
      default -> null;
    };
  }

  /** Prints {@code floe <version>}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"floe " + FloeVersion.current()};
    }
  }
}
