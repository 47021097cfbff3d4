package dev.floe.core.scan;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.floe.core.api.Api;
import dev.floe.core.json.JsonOutput;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes findings as a SARIF 2.1.0 log that GitHub code scanning accepts: one run of the tool
 * {@code floe} with every {@link CredentialRule} as a reporting descriptor, one result per finding
 * with its rule, message, physical location (a path relative to the repository root, {@code
 * %SRCROOT%}) and a partial fingerprint. No result carries the credential or a snippet of its line.
 * Stateless and thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class SarifWriter {
  /**
   * The rules in the order of the SARIF {@code rules} array, which {@code ruleIndex} points into.
   */
  private static final List<CredentialRule> RULES = List.of(CredentialRule.values());

  /** The SARIF version written. */
  public static final String VERSION = "2.1.0";

  /** The schema the log names, as GitHub's documentation does. */
  public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  /** The key of floe's fingerprint in {@code partialFingerprints}. */
  public static final String FINGERPRINT_KEY = "floeCredential/v1";

  private SarifWriter() {}

  /**
   * The SARIF document for {@code findings}, with a trailing newline.
   *
   * @param findings what to report, in order
   * @param toolVersion floe's version
   * @param root the folder that relative artifact paths start from (the repository root, usually
   *     the working folder)
   */
  public static String write(List<Finding> findings, String toolVersion, Path root) {
    return write(findings, List.of(), toolVersion, root);
  }

  /**
   * A finding that was reviewed and accepted, reported as a SARIF result with a {@code
   * suppressions} entry so that code scanning shows it as dismissed rather than not at all.
   *
   * @param finding the finding
   * @param kind {@link Kind#EXTERNAL} for a baseline entry, {@link Kind#IN_SOURCE} for a {@code #
   *     floe:allow-secret} comment
   * @param justification why, e.g. {@code accepted in .floe-scan-baseline.json}
   */
  public record Suppressed(Finding finding, Kind kind, String justification) {
    public Suppressed {
      java.util.Objects.requireNonNull(finding, "finding");
      java.util.Objects.requireNonNull(kind, "kind");
      java.util.Objects.requireNonNull(justification, "justification");
    }

    /** SARIF's suppression kinds. */
    public enum Kind {
      /** Suppressed in the source: a comment on the line. */
      IN_SOURCE("inSource"),
      /** Suppressed outside the source: a baseline file. */
      EXTERNAL("external");

      private final String wire;

      Kind(String wire) {
        this.wire = wire;
      }

      /** The value of {@code suppressions[].kind}. */
      public String wire() {
        return wire;
      }
    }
  }

  /**
   * The SARIF document for {@code findings} and, as results with {@code suppressions} (status
   * {@code accepted}), the reviewed findings {@code suppressed}; results sorted by file, line and
   * column. A trailing newline.
   *
   * @param findings what to report
   * @param suppressed reviewed findings, reported as suppressed
   * @param toolVersion floe's version
   * @param root the folder that relative artifact paths start from
   */
  public static String write(
      List<Finding> findings, List<Suppressed> suppressed, String toolVersion, Path root) {
    Path base = root.toAbsolutePath().normalize();
    List<Entry> all = new java.util.ArrayList<>();
    findings.forEach(f -> all.add(new Entry(f, null)));
    suppressed.forEach(s -> all.add(new Entry(s.finding(), s)));
    if (!suppressed.isEmpty()) {
      all.sort(
          java.util.Comparator.comparing((Entry e) -> e.finding().file())
              .thenComparingInt(e -> e.finding().line())
              .thenComparingInt(e -> e.finding().column())
              .thenComparing(e -> e.finding().rule().id()));
    }
    return JsonOutput.write(
        json -> {
          json.writeStartObject();
          json.writeStringField("$schema", SCHEMA);
          json.writeStringField("version", VERSION);
          json.writeArrayFieldStart("runs");
          json.writeStartObject();
          writeTool(json, toolVersion);
          json.writeStringField("columnKind", "utf16CodeUnits");
          json.writeArrayFieldStart("results");
          for (Entry entry : all) {
            writeResult(json, entry.finding(), base, entry.suppression());
          }
          json.writeEndArray();
          json.writeEndObject();
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  /** One result: a finding, suppressed or not. */
  private record Entry(Finding finding, @Nullable Suppressed suppression) {}

  private static void writeTool(JsonGenerator json, String toolVersion) throws IOException {
    json.writeObjectFieldStart("tool");
    json.writeObjectFieldStart("driver");
    json.writeStringField("name", "floe");
    json.writeStringField("version", toolVersion);
    if (toolVersion.matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?")) {
      json.writeStringField("semanticVersion", toolVersion);
    }
    json.writeArrayFieldStart("rules");
    for (CredentialRule rule : RULES) {
      json.writeStartObject();
      json.writeStringField("id", rule.id());
      json.writeStringField("name", pascal(rule.id()));
      json.writeObjectFieldStart("shortDescription");
      json.writeStringField("text", "Hard-coded " + rule.title());
      json.writeEndObject();
      json.writeObjectFieldStart("fullDescription");
      json.writeStringField("text", rule.description());
      json.writeEndObject();
      json.writeObjectFieldStart("help");
      String help =
          "Remove the credential from the repository, rotate it, and provide it at run time"
              + " (an environment variable, a mounted secret file or, in platform.yaml,"
              + " {secret_ref: NAME}). A reviewed false positive takes '# "
              + CredentialDetector.ALLOW_MARKER
              + "' on its line or an entry in a baseline (floe scan --write-baseline FILE).";
      json.writeStringField("text", help);
      json.writeEndObject();
      json.writeObjectFieldStart("defaultConfiguration");
      json.writeStringField("level", "error");
      json.writeEndObject();
      json.writeObjectFieldStart("properties");
      json.writeArrayFieldStart("tags");
      json.writeString("security");
      json.writeString("secrets");
      json.writeString("external/cwe/cwe-798");
      json.writeEndArray();
      json.writeStringField("precision", rule.precision().label());
      json.writeStringField("security-severity", "8.0");
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeResult(
      JsonGenerator json, Finding finding, Path base, @Nullable Suppressed suppression)
      throws IOException {
    CredentialRule rule = finding.rule();
    json.writeStartObject();
    json.writeStringField("ruleId", rule.id());
    json.writeNumberField("ruleIndex", RULES.indexOf(rule));
    json.writeStringField("level", "error");
    json.writeObjectFieldStart("message");
    json.writeStringField("text", finding.message() + ".");
    json.writeEndObject();
    json.writeArrayFieldStart("locations");
    json.writeStartObject();
    json.writeObjectFieldStart("physicalLocation");
    json.writeObjectFieldStart("artifactLocation");
    Path absolute = finding.path().toAbsolutePath().normalize();
    if (absolute.startsWith(base)) {
      json.writeStringField("uri", relativeUri(base.relativize(absolute)));
      json.writeStringField("uriBaseId", "%SRCROOT%");
    } else {
      json.writeStringField("uri", absolute.toUri().toASCIIString());
    }
    json.writeEndObject();
    json.writeObjectFieldStart("region");
    json.writeNumberField("startLine", finding.line());
    json.writeNumberField("startColumn", finding.column());
    json.writeNumberField("endLine", finding.line());
    json.writeNumberField("endColumn", finding.column() + finding.length());
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndArray();
    json.writeObjectFieldStart("partialFingerprints");
    json.writeStringField(FINGERPRINT_KEY, Baseline.fingerprint(finding, base));
    json.writeEndObject();
    if (suppression != null) {
      json.writeArrayFieldStart("suppressions");
      json.writeStartObject();
      json.writeStringField("kind", suppression.kind().wire());
      json.writeStringField("status", "accepted");
      json.writeStringField("justification", suppression.justification());
      json.writeEndObject();
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  /** A relative path as a URI reference: '/'-separated, percent-encoded where needed. */
  private static String relativeUri(Path relative) {
    String path = relative.toString().replace('\\', '/');
    try {
      return new URI(null, null, path, null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a path: " + path, e);
    }
  }

  /** {@code github-token} → {@code GithubToken}: SARIF rule names are identifiers. */
  private static String pascal(String id) {
    StringBuilder out = new StringBuilder();
    for (String part : id.split("-", -1)) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.toString();
  }
}
