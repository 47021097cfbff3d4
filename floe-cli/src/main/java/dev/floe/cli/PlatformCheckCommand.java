package dev.floe.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.floe.core.diag.Problem;
import dev.floe.core.json.JsonOutput;
import dev.floe.core.platform.LocatedPlatform;
import dev.floe.core.project.FloeProject;
import dev.floe.core.secret.SecretLocation;
import dev.floe.core.secret.SecretLookup;
import dev.floe.core.secret.SecretRequirement;
import dev.floe.core.secret.SecretRequirements;
import dev.floe.core.secret.SecretResolver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code floe platform check}: the preflight of one environment on the machine that will run it.
 * Resolves every secret the platform references exactly as the runtime would (environment, then
 * {@code FLOE_SECRETS_DIR} or {@code /var/run/secrets}, then providers) and reports one line per
 * secret with where it was found or every place tried — never a value. Exits 3 when any secret is
 * missing. Then, unless {@code --offline}, every endpoint: for each catalog profile an OAuth2 token
 * (with its lifetime), the catalog answering ({@code /v1/config} or the JDBC database) and its
 * storage reachable, and the OTLP and lineage endpoints answering HTTP — one line per check with
 * its duration, in parallel, each within a timeout. Exits 3 when any check fails.
 */
final class PlatformCheckCommand extends FloeSubcommand {
  final PlatformChoice choice = new PlatformChoice();

  boolean offline;

  PlatformCheckCommand() {
    super(
        "check",
        "Preflight an environment: every referenced secret resolves (values are never shown),"
            + " then the token endpoint, catalog, storage, OTLP and lineage endpoints answer.");
    choice.addTo(args);
    args.add(
        Arg.option(boolean.class, v -> offline = v, "--offline")
            .description(
                "Check the secrets only; contact no endpoint (catalog, storage, OTLP, lineage)."));
  }

  /**
   * One check and its outcome.
   *
   * @param lookup the lookup of the secret (of the first field naming it)
   * @param fields every field that names this secret in this shape
   * @param nanos how long the lookup took
   */
  record Check(SecretLookup lookup, List<String> fields, long nanos) {
    boolean ok() {
      return lookup.isFound();
    }

    String name() {
      return lookup.requirement().name();
    }
  }

  @Override
  int run(Terminal terminal, Reporter reporter) throws IOException {
    FloeProject project = terminal.project();
    LocatedPlatform located = project.platform(choice.request(terminal));
    SecretResolver resolver = SecretResolver.fromEnvironment(terminal.env(), terminal.workDir());
    List<Check> checks = check(resolver, SecretRequirements.of(located.platform()));
    List<Problem> problems = new ArrayList<>();
    checks.forEach(c -> c.lookup().problem().ifPresent(problems::add));
    List<Connectivity.Result> endpoints =
        offline
            ? List.of()
            : Connectivity.run(
                located.platform().value(), resolver, terminal.workDir(), terminal.env());
    // A missing secret is already a secret line and its problem; the endpoint check it blocked
    // adds nothing new.
    endpoints.stream()
        .flatMap(r -> r.problem().stream())
        .filter(p -> !p.code().startsWith("FLOE-C03"))
        .forEach(problems::add);
    if (reporter.json()) {
      reporter.document(
          problems,
          json -> {
            json(json, located, resolver, checks, endpoints);
          });
    } else {
      text(reporter, located, resolver, checks);
      endpoints(reporter, endpoints);
      if (!problems.isEmpty()) {
        reporter.problems(problems, project.sources());
      }
    }
    return problems.isEmpty() ? ExitCodes.OK : ExitCodes.ENVIRONMENT;
  }

  /** Looks each secret up once per shape, timing it; fields naming the same secret share a line. */
  static List<Check> check(SecretResolver resolver, List<SecretRequirement> requirements) {
    Map<String, List<SecretRequirement>> groups = new LinkedHashMap<>();
    for (SecretRequirement r : requirements) {
      String key = r.name() + "\u0000" + r.keys().map(Object::toString).orElse("");
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    }
    List<Check> checks = new ArrayList<>();
    for (List<SecretRequirement> group : groups.values()) {
      long start = System.nanoTime();
      SecretLookup lookup = resolver.lookup(group.get(0));
      long nanos = System.nanoTime() - start;
      checks.add(new Check(lookup, group.stream().map(SecretRequirement::field).toList(), nanos));
    }
    return checks;
  }

  private static void text(
      Reporter reporter, LocatedPlatform located, SecretResolver resolver, List<Check> checks) {
    reporter.line("environment  " + located.environment() + "  (" + located.source() + ")");
    reporter.line(
        "secrets root "
            + resolver.secretsRoot()
            + "; providers: "
            + (resolver.providerNames().isEmpty()
                ? "none"
                : String.join(", ", resolver.providerNames())));
    if (checks.isEmpty()) {
      reporter.line(
          reporter.ok() + " no secrets referenced by environment " + located.environment());
      return;
    }
    int nameWidth = checks.stream().mapToInt(c -> c.name().length()).max().orElse(0);
    int fieldWidth = checks.stream().mapToInt(c -> fields(c).length()).max().orElse(0);
    for (Check c : checks) {
      reporter.line(
          (c.ok() ? reporter.ok() : reporter.failed())
              + " "
              + pad(c.name(), nameWidth)
              + "  "
              + pad(fields(c), fieldWidth)
              + "  "
              + detail(c.lookup())
              + "  "
              + millis(c.nanos()));
    }
    long missing = checks.stream().filter(c -> !c.ok()).count();
    reporter.line(
        Counts.of(checks.size(), "secret")
            + " checked: "
            + (checks.size() - missing)
            + " found, "
            + missing
            + " missing (values are never shown)");
  }

  /** Where the value came from, or what is missing and every place tried. */
  static String detail(SecretLookup lookup) {
    if (lookup.isFound()) {
      return lookup.requirement().isMultiKey()
          ? lookup.found().stream()
              .map(l -> l.key().orElse("") + ": " + l.display())
              .collect(Collectors.joining(", "))
          : lookup.found().get(0).display();
    }
    String tried = places(lookup.misses());
    if (lookup.missingKeys().isEmpty()) {
      return "not found; tried: " + tried;
    }
    List<String> missing = lookup.missingKeys();
    List<SecretLocation> missed =
        lookup.misses().stream().filter(l -> missing.contains(l.key().orElse(""))).toList();
    return (missing.size() == 1 ? "key " : "keys ")
        + String.join(", ", missing)
        + " missing (found "
        + lookup.found().stream()
            .map(l -> l.key().orElse("") + ": " + l.display())
            .collect(Collectors.joining(", "))
        + "); tried: "
        + places(missed);
  }

  private static String places(List<SecretLocation> places) {
    return places.stream().map(SecretLocation::display).collect(Collectors.joining(", "));
  }

  private static String fields(Check c) {
    return "(" + String.join(", ", c.fields()) + ")";
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1_000_000.0);
  }

  private static void endpoints(Reporter reporter, List<Connectivity.Result> endpoints) {
    if (endpoints.isEmpty()) {
      return;
    }
    int width = endpoints.stream().mapToInt(r -> r.name().length()).max().orElse(0);
    for (Connectivity.Result r : endpoints) {
      reporter.line(
          (r.ok() ? reporter.ok() : reporter.failed())
              + " "
              + pad(r.name(), width)
              + "  "
              + r.detail()
              + "  "
              + millis(r.duration().toNanos()));
    }
    long failed = endpoints.stream().filter(r -> !r.ok()).count();
    reporter.line(
        Counts.of(endpoints.size(), "endpoint check")
            + ": "
            + (endpoints.size() - failed)
            + " passed, "
            + failed
            + " failed");
  }

  private static void json(
      JsonGenerator json,
      LocatedPlatform located,
      SecretResolver resolver,
      List<Check> checks,
      List<Connectivity.Result> endpoints)
      throws IOException {
    json.writeStringField("environment", located.environment());
    json.writeStringField("source", located.source());
    json.writeStringField("secrets_root", resolver.secretsRoot().toString());
    json.writeArrayFieldStart("providers");
    for (String name : resolver.providerNames()) {
      json.writeString(name);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("checks");
    for (Check c : checks) {
      writeCheck(json, c);
    }
    for (Connectivity.Result r : endpoints) {
      json.writeStartObject();
      json.writeStringField("kind", "endpoint");
      json.writeStringField("name", r.name());
      json.writeBooleanField("ok", r.ok());
      json.writeNumberField("duration_ms", r.duration().toMillis());
      json.writeStringField("detail", r.detail());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeNumberField("found", checks.stream().filter(Check::ok).count());
    json.writeNumberField("missing", checks.stream().filter(c -> !c.ok()).count());
  }

  private static void writeCheck(JsonGenerator json, Check c) throws IOException {
    SecretLookup lookup = c.lookup();
    SecretRequirement r = lookup.requirement();
    json.writeStartObject();
    json.writeStringField("kind", "secret");
    json.writeStringField("name", r.name());
    json.writeBooleanField("ok", c.ok());
    json.writeNumberField("duration_ms", c.nanos() / 1_000_000);
    json.writeStringField("detail", detail(lookup));
    json.writeArrayFieldStart("fields");
    for (String field : c.fields()) {
      json.writeString(field);
    }
    json.writeEndArray();
    json.writeStringField("shape", r.shape());
    if (r.keys().isPresent()) {
      json.writeStringField("profile", r.keys().get().profile());
      json.writeStringField("keys", r.keys().get().describe());
    } else {
      json.writeNullField("profile");
      json.writeNullField("keys");
    }
    json.writeArrayFieldStart("found");
    for (SecretLocation l : lookup.found()) {
      writeLocation(json, l);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("missing_keys");
    for (String key : lookup.missingKeys()) {
      json.writeString(key);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("tried");
    for (SecretLocation l : lookup.tried()) {
      writeLocation(json, l);
    }
    json.writeEndArray();
    json.writeNumberField("millis", Math.round(c.nanos() / 1_000.0) / 1_000.0);
    json.writeEndObject();
  }

  private static void writeLocation(JsonGenerator json, SecretLocation l) throws IOException {
    json.writeStartObject();
    json.writeStringField("kind", l.kind().label());
    json.writeStringField("where", l.where());
    JsonOutput.writeOptional(json, "key", l.key());
    JsonOutput.writeOptional(json, "note", l.note());
    json.writeEndObject();
  }
}
