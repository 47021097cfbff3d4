package dev.floe.cli;

import dev.floe.core.diag.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A bad command line, whether picocli found it while parsing (an unknown option, a missing
 * argument, {@code --env} with {@code --platform}) or a command while running (conflicting
 * options): one problem {@value #CODE} in floe's diagnostic style, with "did you mean" for a
 * misspelt option or command, then the usage, on stderr; and with {@code --format json} or {@code
 * --format sarif} the problem's document on stdout, so that a tool reading stdout always gets a
 * document. Exit 2.
 */
final class UsageErrors implements IParameterExceptionHandler {
  /**
   * The code of a bad command line ({@link CliCode#L001}), documented in docs/errors.md. A
   * constant, so that setting up the error handler initialises nothing.
   */
  static final String CODE = "FLOE-L001";

  private final Terminal terminal;

  UsageErrors(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    Reporter reporter = new Reporter(terminal, format(command.getCommandSpec(), args));
    reporter.usageError(problem(e), () -> command.usage(terminal.err()));
    return ExitCodes.USAGE;
  }

  /** The problem of a bad command line: picocli's message, a suggestion or where to get help. */
  static Problem problem(ParameterException e) {
    String message = e.getMessage().replaceFirst("^Error: ", "");
    CommandSpec spec = e.getCommandLine().getCommandSpec();
    Optional<String> suggestion =
        e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
            ? suggest(spec, u.getUnmatched().get(0))
            : Optional.empty();
    String hint =
        suggestion
            .map(s -> "did you mean '" + s + "'?")
            .orElse("run '" + spec.qualifiedName() + " --help' to see the options");
    return Problem.error(CliCode.L001, message)
        .hint(hint)
        .suggestionInHint(suggestion.orElse(null))
        .build();
  }

  /** The option (for {@code -…}) or subcommand closest to {@code argument}, if one is close. */
  static Optional<String> suggest(CommandSpec spec, String argument) {
    List<String> candidates = new ArrayList<>();
    String word = argument;
    if (argument.startsWith("-")) {
      word = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
      for (OptionSpec option : spec.options()) {
        if (!option.hidden()) {
          candidates.addAll(List.of(option.names()));
        }
      }
    } else {
      spec.subcommands().forEach((name, sub) -> candidates.add(name));
    }
    return closest(word, candidates);
  }

  /**
   * The candidate closest to {@code value} by edit distance when it is a plausible typo (at most a
   * third of the longer word, at least 1, less than the word), or the only one {@code value} is a
   * prefix of.
   */
  static Optional<String> closest(String value, List<String> candidates) {
    String lower = strip(value);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(lower, strip(candidate));
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    if (best != null
        && bestDistance < lower.length()
        && bestDistance <= Math.max(1, Math.max(lower.length(), strip(best).length()) / 3)) {
      return Optional.of(best);
    }
    List<String> prefixed =
        candidates.stream().filter(c -> lower.length() >= 3 && strip(c).startsWith(lower)).toList();
    return prefixed.size() == 1 ? Optional.of(prefixed.get(0)) : Optional.empty();
  }

  private static String strip(String name) {
    return name.replaceFirst("^-+", "").toLowerCase(Locale.ROOT);
  }

  /** Damerau-Levenshtein distance (optimal string alignment). */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /**
   * The format the command line asks for, when the command takes it; text otherwise (also when the
   * bad value of {@code --format} is the usage error itself). Read from the arguments, since a
   * command line that does not parse sets no option reliably.
   */
  static Format format(CommandSpec spec, String[] args) {
    if (!(spec.userObject() instanceof FloeSubcommand command)) {
      return Format.text;
    }
    String value = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--")) {
        break;
      }
      if (args[i].equals("--format") && i + 1 < args.length) {
        value = args[i + 1];
      } else if (args[i].startsWith("--format=")) {
        value = args[i].substring("--format=".length());
      }
    }
    for (Format f : command.formats()) {
      if (f.name().equals(value)) {
        return f;
      }
    }
    return Format.text;
  }
}
