package dev.floe.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SARIF log: valid against the SARIF 2.1.0 constraints GitHub code scanning relies on, one
 * result per finding with a relative location and a fingerprint, and never a credential. No Maven
 * artifact ships the official SARIF schema, so {@code scan/sarif-2.1.0-subset.schema.json} states
 * the parts floe writes (required properties, enums, ranges, no snippets), and the structure is
 * checked field by field as well.
 */
class SarifWriterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Random RANDOM = new Random(5);
  private static final String TOKEN = Corpus.expand("glpat-{{b64url:20}}", RANDOM);
  private static final String PASSWORD = "canary-" + Corpus.expand("{{password:16}}", RANDOM);

  @TempDir Path repo;

  private List<Finding> findings() throws IOException {
    Files.createDirectories(repo.resolve("ci dir"));
    Files.writeString(repo.resolve("ci dir/gitlab.yml"), "variables:\n  GL: " + TOKEN + "\n");
    Files.writeString(repo.resolve("app.properties"), "db.password=" + PASSWORD + "\n");
    return new RepositoryScanner(repo).scan(List.of()).findings();
  }

  private static JsonSchema schema() throws IOException {
    try (InputStream in =
        SarifWriterTest.class.getResourceAsStream("/scan/sarif-2.1.0-subset.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
  }

  @Test
  void theLogIsValidSarif() throws IOException {
    String sarif = SarifWriter.write(findings(), "0.1.0-SNAPSHOT", repo);

    Set<ValidationMessage> errors = schema().validate(MAPPER.readTree(sarif));

    assertThat(errors).isEmpty();
  }

  @Test
  void theSchemaCatchesWhatGithubWouldRefuse() throws IOException {
    JsonNode bad =
        MAPPER.readTree(
            "{\"version\": \"2.0.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"floe\","
                + " \"rules\": []}}, \"results\": [{\"ruleId\": \"x\", \"message\": {},"
                + " \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\":"
                + " \"a\"}, \"region\": {\"startLine\": 0, \"snippet\": {\"text\": \"s\"}}}}]}]}]}");

    assertThat(schema().validate(bad)).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void oneResultPerFindingWithRuleLocationAndFingerprint() throws IOException {
    List<Finding> findings = findings();
    JsonNode log = MAPPER.readTree(SarifWriter.write(findings, "1.2.3", repo));

    assertThat(log.get("$schema").asText()).isEqualTo(SarifWriter.SCHEMA);
    assertThat(log.get("version").asText()).isEqualTo("2.1.0");
    JsonNode run = log.get("runs").get(0);
    JsonNode driver = run.get("tool").get("driver");
    assertThat(driver.get("name").asText()).isEqualTo("floe");
    assertThat(driver.get("semanticVersion").asText()).isEqualTo("1.2.3");
    JsonNode rules = driver.get("rules");
    assertThat(rules).hasSize(CredentialRule.values().length);
    CredentialRule[] all = CredentialRule.values();
    for (int i = 0; i < all.length; i++) {
      assertThat(rules.get(i).get("id").asText()).isEqualTo(all[i].id());
    }
    JsonNode results = run.get("results");
    assertThat(results).hasSize(findings.size());
    List<String> uris = new ArrayList<>();
    Set<String> fingerprints = new HashSet<>();
    for (int i = 0; i < findings.size(); i++) {
      Finding finding = findings.get(i);
      JsonNode result = results.get(i);
      assertThat(result.get("ruleId").asText()).isEqualTo(finding.rule().id());
      assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asText())
          .isEqualTo(finding.rule().id());
      assertThat(result.get("level").asText()).isEqualTo("error");
      JsonNode location = result.get("locations").get(0).get("physicalLocation");
      uris.add(location.get("artifactLocation").get("uri").asText());
      assertThat(location.get("artifactLocation").get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
      assertThat(location.get("region").get("startLine").asInt()).isEqualTo(finding.line());
      assertThat(location.get("region").get("startColumn").asInt()).isEqualTo(finding.column());
      fingerprints.add(result.get("partialFingerprints").get(SarifWriter.FINGERPRINT_KEY).asText());
    }
    assertThat(uris).containsExactly("app.properties", "ci%20dir/gitlab.yml");
    assertThat(fingerprints).hasSize(findings.size()).allMatch(f -> f.startsWith("sha256:"));
  }

  @Test
  void noCredentialAppearsInTheLog() throws IOException {
    String sarif = SarifWriter.write(findings(), "0.1.0", repo);

    assertThat(sarif).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(6));
    assertThat(sarif).doesNotContain(PASSWORD).doesNotContain("canary-");
  }

  @Test
  void anEmptyScanIsAValidLogWithNoResults() throws IOException {
    JsonNode log = MAPPER.readTree(SarifWriter.write(List.of(), "0.1.0", repo));

    assertThat(schema().validate(log)).isEmpty();
    assertThat(log.get("runs").get(0).get("results")).isEmpty();
  }

  @Test
  void theLogIsDeterministic() throws IOException {
    List<Finding> findings = findings();

    assertThat(SarifWriter.write(findings, "0.1.0", repo))
        .isEqualTo(SarifWriter.write(findings, "0.1.0", repo))
        .endsWith("}\n");
    assertThat(Files.readString(repo.resolve("app.properties"), StandardCharsets.UTF_8))
        .contains(PASSWORD);
  }

  @Test
  void reviewedFindingsAreResultsWithSuppressions() throws IOException {
    List<Finding> findings = findings();
    Finding accepted = findings.get(0);
    Finding open = findings.get(1);
    String sarif =
        SarifWriter.write(
            List.of(open),
            List.of(
                new SarifWriter.Suppressed(
                    accepted,
                    SarifWriter.Suppressed.Kind.EXTERNAL,
                    "accepted in .floe-scan-baseline.json")),
            "0.1.0",
            repo);

    assertThat(schema().validate(MAPPER.readTree(sarif))).isEmpty();
    JsonNode results = MAPPER.readTree(sarif).get("runs").get(0).get("results");
    assertThat(results).hasSize(2);
    JsonNode first = results.get(0);
    assertThat(first.get("ruleId").asText()).isEqualTo(accepted.rule().id());
    JsonNode suppression = first.get("suppressions").get(0);
    assertThat(suppression.get("kind").asText()).isEqualTo("external");
    assertThat(suppression.get("status").asText()).isEqualTo("accepted");
    assertThat(suppression.get("justification").asText())
        .isEqualTo("accepted in .floe-scan-baseline.json");
    assertThat(results.get(1).has("suppressions")).as("an open finding has none").isFalse();
    assertThat(sarif).doesNotContain(TOKEN).doesNotContain(PASSWORD);
  }
}
