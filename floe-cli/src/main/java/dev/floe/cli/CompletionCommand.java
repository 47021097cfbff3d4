package dev.floe.cli;

import picocli.AutoComplete;

/**
 * {@code floe generate-completion}: a bash/zsh completion script. A regular command (not a help
 * command) so that a wrong option is a usage error like everywhere else.
 */
final class CompletionCommand extends FloeSubcommand {
  CompletionCommand() {
    super(
        "generate-completion",
        "Print a bash/zsh completion script for floe.",
        "Run: source <(floe generate-completion)");
  }

  @Override
  int run(Terminal terminal, Reporter reporter) {
    terminal.out().print(AutoComplete.bash("floe", spec().root().commandLine()));
    return ExitCodes.OK;
  }
}
