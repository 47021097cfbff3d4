package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code floe scan}: exit codes 0/1/2, the three formats, baselines, and that no credential is ever
 * printed. The credentials are fake, assembled at run time from random characters, and each carries
 * a {@code canary-} marker or a known token that the output must not contain.
 */
class ScanCommandTest extends OnDemoProject {
  private static final Random RANDOM = new Random(42);

  /** A Stripe-shaped secret key, assembled at run time so that none is committed. */
  private static final String STRIPE = "sk_live_" + random(32);

  /** A password that only the secret-assignment rule can find. */
  private static final String PASSWORD = "canary-" + random(10) + "!9";

  private static String random(int n) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private void plant() {
    Cli.write(project.resolve("deploy/app.env"), "LOG_LEVEL=info\nSTRIPE_KEY=" + STRIPE + "\n");
    Cli.write(
        project.resolve("config/db.yaml"),
        "db:\n  host: db.internal\n  password: " + PASSWORD + "\n");
  }

  private static void assertNoCanary(Cli.Result r) {
    assertThat(r.all())
        .doesNotContain(STRIPE)
        .doesNotContain(STRIPE.substring(8))
        .doesNotContain(PASSWORD)
        .doesNotContain("canary-");
  }

  @Test
  void aCleanRepositoryExitsZero() {
    Cli.Result r = cli.run("scan");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("✓ no credentials found in ").contains(" files scanned");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void findingsAreDiagnosticsOnStderrAndExitOne() {
    plant();

    Cli.Result r = cli.run("scan");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains(
            "error[FLOE-X040]: 'password' looks like a"
                + " high-entropy value under a secret-like key (rule secret-assignment)")
        .contains(" --> config/db.yaml:3:13")
        .contains("3 |   password: ****")
        .contains("error[FLOE-X040]: A value looks like a Stripe secret key")
        .contains(" --> deploy/app.env:2:12")
        .contains("2 | STRIPE_KEY=****")
        .contains("2 errors, 0 warnings")
        .contains("2 credentials found in ");
    assertNoCanary(r);
  }

  @Test
  void jsonIsTheDiagnosticsDocumentWithTheFindings() {
    plant();

    Cli.Result r = cli.run("scan", "--format", "json");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    JsonNode json = r.json();
    assertThat(json.get("ok").asBoolean()).isFalse();
    assertThat(json.get("errors").asInt()).isEqualTo(2);
    assertThat(json.get("problems"))
        .allSatisfy(
            p -> {
              assertThat(p.get("code").asText()).isEqualTo("FLOE-X040");
              assertThat(p.get("line").asInt()).isPositive();
            });
    JsonNode findings = json.get("findings");
    assertThat(findings).hasSize(2);
    assertThat(findings.get(0).get("rule").asText()).isEqualTo("secret-assignment");
    assertThat(findings.get(0).get("file").asText()).isEqualTo("config/db.yaml");
    assertThat(findings.get(0).get("key").asText()).isEqualTo("password");
    assertThat(findings.get(1).get("rule").asText()).isEqualTo("stripe-key");
    assertThat(findings.get(1).get("name").asText()).isEqualTo("Stripe secret key");
    assertThat(findings.get(1).get("fingerprint").asText()).startsWith("sha256:");
    assertThat(json.get("files_scanned").asInt()).isGreaterThanOrEqualTo(7);
    assertNoCanary(r);
  }

  @Test
  void sarifGoesToStdout() {
    plant();

    Cli.Result r = cli.run("scan", "--format", "sarif");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).isEmpty();
    JsonNode sarif = r.json();
    assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
    JsonNode results = sarif.get("runs").get(0).get("results");
    assertThat(results).hasSize(2);
    assertThat(results.get(1).get("ruleId").asText()).isEqualTo("stripe-key");
    assertThat(
            results
                .get(1)
                .get("locations")
                .get(0)
                .get("physicalLocation")
                .get("artifactLocation")
                .get("uri")
                .asText())
        .isEqualTo("deploy/app.env");
    assertNoCanary(r);
  }

  @Test
  void aCleanSarifScanExitsZeroWithNoResults() {
    Cli.Result r = cli.run("scan", "--format", "sarif");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.json().get("runs").get(0).get("results")).isEmpty();
  }

  @Test
  void aBaselineAcceptsReviewedFindingsAndOnlyThose() {
    plant();

    Cli.Result written = cli.run("scan", "--write-baseline", ".floe-scan-baseline.json");
    assertThat(written.code()).as(written.toString()).isZero();
    assertThat(written.out()).contains("✓ wrote .floe-scan-baseline.json: 2 findings accepted");
    assertThat(Cli.read(project.resolve(".floe-scan-baseline.json")))
        .contains("\"rule\": \"stripe-key\"")
        .doesNotContain(STRIPE)
        .doesNotContain("canary-");
    assertNoCanary(written);

    Cli.Result accepted = cli.run("scan", "--baseline", ".floe-scan-baseline.json");
    assertThat(accepted.code()).as(accepted.toString()).isZero();
    assertThat(accepted.out()).contains("2 accepted by .floe-scan-baseline.json");

    Cli.write(project.resolve("later.yaml"), "stripe: " + STRIPE + "\n");
    Cli.Result fresh = cli.run("scan", "--baseline", ".floe-scan-baseline.json");
    assertThat(fresh.code()).as(fresh.toString()).isEqualTo(1);
    assertThat(fresh.err()).contains("--> later.yaml:1:9").doesNotContain("config/db.yaml");
    assertNoCanary(fresh);
  }

  @Test
  void theRepositoryBaselineAppliesWithoutAFlagUnlessRefused() {
    plant();
    assertThat(cli.run("scan", "--write-baseline", ".floe-scan-baseline.json").code()).isZero();

    Cli.Result implicit = cli.run("scan");
    assertThat(implicit.code()).as(implicit.toString()).isZero();
    assertThat(implicit.out()).contains("2 accepted by .floe-scan-baseline.json");

    Cli.Result refused = cli.run("scan", "--ignore-baseline");
    assertThat(refused.code()).as(refused.toString()).isEqualTo(1);
    assertNoCanary(refused);
  }

  @Test
  void theAllowCommentAcceptsALine() {
    Cli.write(project.resolve("app.env"), "STRIPE_KEY=" + STRIPE + "  # floe:allow-secret\n");

    Cli.Result r = cli.run("scan");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("1 accepted by '# floe:allow-secret'");
  }

  @Test
  void scansOnlyTheGivenPaths() {
    plant();

    Cli.Result r = cli.run("scan", "deploy", "floe.yaml");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("deploy/app.env").doesNotContain("config/db.yaml");
  }

  @Test
  void aMissingPathIsAnInputError() {
    Cli.Result r = cli.run("scan", "no-such-folder");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err())
        .contains("error[FLOE-E052]: Cannot scan no-such-folder: the path does not exist");
  }

  @Test
  void anInvalidBaselineIsAnInputError() {
    Cli.write(project.resolve("b.json"), "{\"version\": 7, \"findings\": []}");

    Cli.Result r = cli.run("scan", "--baseline", "b.json");
    Cli.Result json = cli.run("scan", "--baseline", "b.json", "--format", "json");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            """
            error[FLOE-X041]: Cannot read baseline b.json: 'version' must be 1
             --> b.json
              = help: write a new one with: floe scan --write-baseline b.json
            1 error, 0 warnings
            """);
    assertThat(json.code()).isEqualTo(1);
    assertThat(json.json().get("problems").get(0).get("code").asText()).isEqualTo("FLOE-X041");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "scan --format xml",
        "scan --baseline",
        "scan --write-baseline",
        "scan --no-such-option",
        "validate --format sarif",
        "compile --format sarif"
      })
  void badCommandLinesAreUsageErrors(String command) {
    Cli.Result r = cli.run(command.split(" "));

    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    // picocli prints the usage, or for a near miss ("--no-such-option") the closest options.
    assertThat(r.err()).containsAnyOf("Usage: floe ", "Possible solutions:");
  }

  @Test
  void otherCommandsNameTheirFormatsWhenGivenSarif() {
    Cli.Result r = cli.run("validate", "--format", "sarif");

    assertThat(r.err()).contains("Invalid value for option '--format'").contains("text, json");
  }

  @Test
  void theHelpNamesTheFormatsAndTheBaselineOptions() {
    Cli.Result r = cli.run("scan", "--help");

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("Usage: floe scan")
        .contains("text, json, sarif")
        .contains("--baseline=FILE")
        .contains("--write-baseline=FILE");
  }

  @Test
  void theRepositoryItselfIsCleanWithItsBaseline() {
    Path root = Cli.repositoryRoot();
    Cli here = Cli.in(root, home);

    Cli.Result r = here.run("scan", "--baseline", ".floe-scan-baseline.json", "--format", "json");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.json().get("findings")).isEmpty();
    assertThat(Files.isRegularFile(root.resolve(".floe-scan-baseline.json"))).isTrue();
    assertThat(r.json().get("accepted_by_baseline").asInt()).isPositive();
  }
}
