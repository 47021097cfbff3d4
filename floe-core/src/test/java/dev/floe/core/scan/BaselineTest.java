package dev.floe.core.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.floe.core.diag.Code;
import dev.floe.core.diag.ProblemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Baselines: round trip, what a fingerprint survives, and what makes a baseline invalid. */
class BaselineTest {
  private static final Random RANDOM = new Random(9);
  private static final String TOKEN =
      Corpus.expand("xoxb-{{digits:12}}-{{digits:13}}-{{alnum:24}}", RANDOM);

  @TempDir Path repo;

  private List<Finding> scan() {
    return new RepositoryScanner(repo).scan(List.of()).findings();
  }

  private void write(String file, String text) throws IOException {
    Path path = repo.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text, StandardCharsets.UTF_8);
  }

  @Test
  void aWrittenBaselineAcceptsEveryFindingAndHoldsNoCredential() throws IOException {
    write("config/slack.yaml", "slack:\n  bot: " + TOKEN + "\n");
    write("config/other.env", "SLACK=" + TOKEN + "\n");
    List<Finding> findings = scan();
    String text = Baseline.render(findings, repo);
    Files.writeString(repo.resolve("baseline.json"), text);

    Baseline baseline = Baseline.read(repo.resolve("baseline.json"), "baseline.json");

    assertThat(findings).hasSize(2).allMatch(baseline::accepts);
    assertThat(baseline.size()).isEqualTo(2);
    assertThat(baseline.unused(findings)).isZero();
    assertThat(text).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(5, 17));
    assertThat(text)
        .contains("\"file\": \"config/slack.yaml\"")
        .contains("\"rule\": \"slack-token\"");
    assertThat(Baseline.render(findings, repo)).as("deterministic").isEqualTo(text);
  }

  @Test
  void aFingerprintSurvivesMovedLinesButNotAChangedLine() throws IOException {
    write("app.yaml", "slack: " + TOKEN + "\n");
    Baseline baseline = baselineOf(scan());

    write("app.yaml", "# a new comment\n\nother: 1\nslack:   " + TOKEN + "   \n");
    assertThat(scan()).hasSize(1).allMatch(baseline::accepts);

    String rotated = Corpus.expand("xoxb-{{digits:12}}-{{digits:13}}-{{alnum:24}}", RANDOM);
    write("app.yaml", "slack: " + rotated + "\n");
    assertThat(scan()).hasSize(1).noneMatch(baseline::accepts);
    assertThat(baseline.unused(scan())).isEqualTo(1);
  }

  @Test
  void theSameLineInAnotherFileIsNotAccepted() throws IOException {
    write("a.yaml", "slack: " + TOKEN + "\n");
    Baseline baseline = baselineOf(scan());

    write("b.yaml", "slack: " + TOKEN + "\n");

    assertThat(scan())
        .extracting(f -> f.file() + " " + baseline.accepts(f))
        .containsExactly("a.yaml true", "b.yaml false");
  }

  @Test
  void pathsAreRelativeToTheBaselinesFolder() throws IOException {
    write("a.yaml", "slack: " + TOKEN + "\n");
    Path folder = repo.resolve("sub");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("b.json"), Baseline.render(scan(), folder));

    Baseline baseline = Baseline.read(folder.resolve("b.json"), "sub/b.json");

    assertThat(Files.readString(folder.resolve("b.json")))
        .contains("\"file\": \"../a.yaml\"")
        .doesNotContain(repo.toString());
    assertThat(scan()).allMatch(baseline::accepts);
    assertThat(baseline.folder()).isEqualTo(folder.toAbsolutePath().normalize());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "[]",
        "{\"findings\": []}",
        "{\"version\": 2, \"findings\": []}",
        "{\"version\": 1}",
        "{\"version\": 1, \"findings\": {}}",
        "{\"version\": 1, \"findings\": [{\"rule\": \"jwt\"}]}",
        "{\"version\": 1, \"findings\": [{\"fingerprint\": \"md5:abc\"}]}",
      })
  void aMalformedBaselineIsX041(String text) throws IOException {
    Files.writeString(repo.resolve("b.json"), text);

    ProblemException e =
        catchThrowableOfType(
            ProblemException.class, () -> Baseline.read(repo.resolve("b.json"), "b.json"));

    assertThat(e).as(text).isNotNull();
    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo(Code.X041.id());
              assertThat(p.message()).startsWith("Cannot read baseline b.json: ");
              assertThat(p.hint())
                  .hasValue("write a new one with: floe scan --write-baseline b.json");
            });
  }

  @Test
  void aMissingBaselineIsX041() {
    ProblemException e =
        catchThrowableOfType(
            ProblemException.class, () -> Baseline.read(repo.resolve("none.json"), "none.json"));

    assertThat(e.problems().get(0).message())
        .isEqualTo("Cannot read baseline none.json: the file does not exist");
  }

  private Baseline baselineOf(List<Finding> findings) throws IOException {
    Files.writeString(repo.resolve(".baseline.json"), Baseline.render(findings, repo));
    return Baseline.read(repo.resolve(".baseline.json"), ".baseline.json");
  }

  @Test
  void theDefaultBaselineIsFoundAtTheRepositoryRootFromAnySubFolder() throws IOException {
    Files.createDirectories(repo.resolve(".git"));
    write(Baseline.DEFAULT_NAME, "{}");
    Files.createDirectories(repo.resolve("a/b/c"));

    assertThat(Baseline.find(repo.resolve("a/b/c"))).contains(repo.resolve(Baseline.DEFAULT_NAME));
    assertThat(Baseline.find(repo)).contains(repo.resolve(Baseline.DEFAULT_NAME));

    write("a/" + Baseline.DEFAULT_NAME, "{}");
    assertThat(Baseline.find(repo.resolve("a/b/c")))
        .as("the nearest one wins")
        .contains(repo.resolve("a/" + Baseline.DEFAULT_NAME));
  }

  @Test
  void theDefaultBaselineIsNotLookedForAboveTheRepositoryRoot() throws IOException {
    write(Baseline.DEFAULT_NAME, "{}");
    Files.createDirectories(repo.resolve("project/.git"));
    Files.createDirectories(repo.resolve("project/sub"));

    assertThat(Baseline.find(repo.resolve("project/sub"))).isEmpty();
  }

  @Test
  void outsideARepositoryOnlyTheWorkingFolderIsLookedIn() throws IOException {
    write(Baseline.DEFAULT_NAME, "{}");
    Files.createDirectories(repo.resolve("sub"));

    assertThat(Baseline.find(repo)).contains(repo.resolve(Baseline.DEFAULT_NAME));
    assertThat(Baseline.find(repo.resolve("sub"))).isEmpty();
  }

  @Test
  void entriesOfFilesOutsideTheScannedPathsAreNotStale() throws IOException {
    write("a/slack.yaml", "slack:\n  bot: " + TOKEN + "\n");
    write("b/slack.yaml", "slack:\n  bot: " + TOKEN + "\n");
    Path file = repo.resolve(Baseline.DEFAULT_NAME);
    Files.writeString(file, Baseline.render(scan(), repo), StandardCharsets.UTF_8);
    Baseline baseline = Baseline.read(file, Baseline.DEFAULT_NAME);

    List<Finding> inA = new RepositoryScanner(repo).scan(List.of(Path.of("a"))).findings();

    assertThat(baseline.unused(inA, List.of(repo.resolve("a")))).isZero();
    assertThat(baseline.unused(inA, List.of(repo))).as("b's entry, when b was scanned").isOne();
  }
}
