package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.testing.DemoProject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link QuickArgs} against picocli: every command line runs twice, on two identical copies of the
 * demo project, once as {@link Main#run} runs it and once parsed by picocli ({@link
 * Main#runWithPicocli}); the exit codes, stdout and stderr must be the same, byte for byte. Lines
 * marked {@code Q} must take the quick path (else this test would compare picocli with itself),
 * lines marked {@code P} must be left to picocli.
 */
class QuickArgsTest {
  @TempDir Path temp;

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Q validate",
        "Q validate --env dev",
        "Q validate -f floe.yaml --env dev",
        "Q validate --file=floe.yaml --env=staging --format json",
        "Q validate --platform platform/prod",
        "Q validate --platform=platform/dev/platform.yaml --format=json",
        "Q validate --env nosuch",
        "Q validate --env nosuch --format json",
        "Q validate -f missing.yaml",
        "Q validate --debug --env dev",
        "Q compile --env dev",
        "Q compile -o out --env dev --format json",
        "Q schema export -o schemas",
        "Q schema export --format json",
        "Q scan",
        "Q scan floe.yaml platform --format json",
        "Q scan --format sarif",
        "Q scan --ignore-baseline platform",
        "Q scan nosuch.yaml --format sarif",
        "Q platform validate --env dev",
        "Q platform validate platform/dev",
        "Q platform validate platform/dev --env dev",
        "Q platform validate platform/dev --env dev --format json",
        "Q platform list-profiles --env staging",
        "Q platform list-profiles --all-envs",
        "Q platform list-profiles --all-envs --env qa",
        "Q platform list-profiles --format json --env prod",
        "Q platform check --offline --env local",
        "Q query",
        "Q query --limit 0 select",
        "Q tables -n silver -n gold --env nosuch",
        "P validate --help",
        "P validate -h",
        "P validate --version",
        "P validate --env dev --platform platform/dev",
        "P validate --env dev --env dev",
        "P validate --format yaml",
        "P validate --format sarif",
        "P validate --evn dev",
        "P validate -f",
        "P validate --env=",
        "P validate -- --env",
        "P validate @args.txt",
        "P validate stray",
        "P validate --debug=true",
        "P compile -o=out",
        "P platform",
        "P platform validate platform/dev platform/prod",
        "P platform nosuch",
        "P schema",
        "P scan --format sarif --format json",
        "P query --limit 010 select",
        "P run -s a b",
        "P generate-completion",
        "P",
        "P --help",
        "P valdate",
      })
  void quickPathPrintsWhatPicocliPrints(String line) throws IOException {
    boolean quick = line.startsWith("Q");
    String[] args = words(line.substring(1));
    Path a = DemoProject.copyTo(temp.resolve("a")).root();
    Path b = DemoProject.copyTo(temp.resolve("b")).root();
    Path home = Files.createDirectories(temp.resolve("home"));

    assertThat(takesQuickPath(args)).as("takes the quick path").isEqualTo(quick);
    String viaMain = run(a, home, args, false);
    String viaPicocli = run(b, home, args, true);
    assertThat(viaMain.replace(a.toString(), "<project>"))
        .isEqualTo(viaPicocli.replace(b.toString(), "<project>"));
  }

  private static boolean takesQuickPath(String[] args) {
    FloeSubcommand command = FloeCommand.runnable(args);
    return command != null
        && QuickArgs.parse(command.allArgs(), args, command.name.equals(args[0]) ? 1 : 2);
  }

  private static String run(Path dir, Path home, String[] args, boolean picocli) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Terminal terminal =
        new Terminal(dir, home, Map.of(), new PrintWriter(out), new PrintWriter(err), false);
    int code = picocli ? Main.runWithPicocli(terminal, args) : Main.run(terminal, args);
    terminal.out().flush();
    terminal.err().flush();
    return "exit " + code + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
  }

  private static String[] words(String line) {
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= line.length(); i++) {
      boolean space = i == line.length() || line.charAt(i) == ' ';
      if (space && start >= 0) {
        words.add(line.substring(start, i));
        start = -1;
      } else if (!space && start < 0) {
        start = i;
      }
    }
    return words.toArray(new String[0]);
  }
}
