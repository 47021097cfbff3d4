package dev.floe.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * floe's own repository holds no credential: scanning it finds nothing beyond the test fixtures
 * that plant fake credentials on purpose, which the checked-in baseline {@code
 * .floe-scan-baseline.json} accepts (so this test also exercises baselines end to end). After
 * adding or changing such a fixture, review and rewrite the baseline from the repository root:
 *
 * <pre>
 * ./floe scan --write-baseline .floe-scan-baseline.json
 * </pre>
 */
class RepositorySelfScanTest {
  static final String BASELINE = ".floe-scan-baseline.json";

  @Test
  void theRepositoryHasNoCredentialsBeyondItsReviewedFixtures() {
    Path root = repositoryRoot();
    Baseline baseline = Baseline.read(root.resolve(BASELINE), BASELINE);

    RepositoryScanner.Result result = new RepositoryScanner(root).scan(List.of());

    List<String> fresh =
        result.findings().stream()
            .filter(f -> !baseline.accepts(f))
            .map(Finding::toString)
            .toList();
    System.out.printf(
        "self-scan: %d files scanned, %d findings, %d accepted by %s, %d by comments, %d stale"
            + " baseline entries%n",
        result.filesScanned(),
        result.findings().size(),
        result.findings().size() - fresh.size(),
        BASELINE,
        result.allowed(),
        baseline.unused(result.findings()));
    assertThat(result.filesScanned()).isGreaterThan(50);
    assertThat(fresh)
        .as(
            "credentials in the repository; remove them, or review and rewrite the baseline with"
                + " ./floe scan --write-baseline %s",
            BASELINE)
        .isEmpty();
  }

  /**
   * Main sources whose findings were reviewed as false positives, each with its reason. Anything
   * else in the baseline must be a test fixture.
   */
  static final Set<String> REVIEWED_MAIN_SOURCES =
      Set.of(
          // documents the placeholder private-key shape that the rule ignores
          "floe-core/src/main/java/dev/floe/core/scan/CredentialDetector.java",
          // the published fake S3 server generates per-test credentials from a fixed prefix
          "floe-testing/src/main/java/dev/floe/testing/s3/S3Server.java");

  @Test
  void everyBaselineEntryIsATestFixtureOrAReviewedFalsePositive() {
    Path root = repositoryRoot();
    RepositoryScanner.Result result = new RepositoryScanner(root).scan(List.of());
    Baseline baseline = Baseline.read(root.resolve(BASELINE), BASELINE);

    assertThat(result.findings().stream().filter(baseline::accepts).map(Finding::file))
        .allMatch(file -> file.contains("/src/test/") || REVIEWED_MAIN_SOURCES.contains(file));
    // The scan fails closed: what it could not read is named, and here only fixtures that are
    // unreadable on purpose (not UTF-8) are.
    assertThat(result.skipped())
        .allSatisfy(
            s -> {
              assertThat(s.file()).contains("/src/test/resources/");
              assertThat(s.named()).isFalse();
            });
  }

  /** The folder above the working folder that holds the baseline and {@code demo/floe.yaml}. */
  static Path repositoryRoot() {
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(BASELINE))
          && Files.isRegularFile(dir.resolve("demo").resolve("floe.yaml"))) {
        return dir;
      }
    }
    throw new AssertionError("no repository root with " + BASELINE + " above " + start);
  }
}
