package dev.floe.core.compile;

import dev.floe.core.FloeVersion;
import dev.floe.core.api.Api;
import dev.floe.core.diag.Code;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemList;
import dev.floe.core.internal.spelling.Suggestions;
import dev.floe.core.load.Loaded;
import dev.floe.core.model.FloeSpec;
import dev.floe.core.model.PlatformObservability;
import dev.floe.core.model.PlatformSpec;
import dev.floe.core.model.Signals;
import dev.floe.core.platform.LocatedPlatform;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Merges one floe.yaml with one platform into {@link CompiledArtifacts}: resolves the profile
 * names, merges observability, and records where everything came from. Never resolves a secret.
 * Thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class Compiler {
  /**
   * 9999-12-31T23:59:59Z, in seconds: a literal, since parsing it initialised java.time's whole
   * formatter machinery at the start of every command (CompilerTest checks the value).
   */
  static final long LAST_SECOND = 253_402_300_799L;

  private final Clock clock;
  private final Map<String, String> env;

  /**
   * A compiler.
   *
   * @param clock the time recorded as {@code compiled_at} unless {@code SOURCE_DATE_EPOCH} is set
   * @param env the process environment (for {@code SOURCE_DATE_EPOCH})
   */
  public Compiler(Clock clock, Map<String, String> env) {
    this.clock = clock;
    this.env = Map.copyOf(env);
  }

  /** A compiler on the system clock and the process environment. */
  public static Compiler fromProcess() {
    return new Compiler(Clock.systemUTC(), System.getenv());
  }

  /**
   * Compiles.
   *
   * @param pipeline the validated floe.yaml; its file name is recorded relative to the project
   * @param platform the platform found for the environment
   * @throws dev.floe.core.diag.ProblemException with every unresolved reference at once
   */
  public CompiledArtifacts compile(Loaded<FloeSpec> pipeline, LocatedPlatform platform) {
    FloeSpec spec = pipeline.value();
    PlatformSpec p = platform.platform().value();
    ProblemList problems = new ProblemList();
    var catalog =
        resolve("catalog", "Catalog", spec.catalog(), p.catalogs(), pipeline, platform, problems);
    var storage =
        resolve("storage", "Storage", spec.storage(), p.storage(), pipeline, platform, problems);
    var compute =
        resolve("compute", "Compute", spec.compute(), p.compute(), pipeline, platform, problems);
    Instant compiledAt = compiledAt(problems);
    problems.throwIfErrors();
    return new CompiledArtifacts(
        CompiledArtifacts.VERSION,
        new CompiledArtifacts.Metadata(
            spec.name(),
            spec.version(),
            compiledAt,
            FloeVersion.current(),
            fileName(pipeline.file()),
            pipeline,
            platform.platform()),
        platform.environment(),
        p.version(),
        platform.platformSource(),
        new CompiledArtifacts.Resolved<>(spec.catalog(), catalog.orElseThrow()),
        new CompiledArtifacts.Resolved<>(spec.storage(), storage.orElseThrow()),
        new CompiledArtifacts.Resolved<>(spec.compute(), compute.orElseThrow()),
        observability(spec, p.observability()),
        spec.assetPackages(),
        spec.transforms(),
        spec.governance());
  }

  /**
   * Merges observability: a signal is on only if both tiers leave it on (lineage also needs {@code
   * governance.emit_lineage}); the pipeline's attributes win, {@code service.name} defaults to the
   * pipeline name, and so does the lineage namespace.
   */
  static PlatformObservability observability(FloeSpec spec, PlatformObservability platform) {
    Map<String, String> attributes = new LinkedHashMap<>(platform.attributes());
    attributes.putAll(spec.observability().attributes());
    attributes.putIfAbsent("service.name", spec.name());
    Signals signals =
        platform
            .signals()
            .and(spec.observability().signals())
            .and(new Signals(true, true, spec.governance().emitLineage()));
    return new PlatformObservability(
        signals,
        platform.otlpEndpoint(),
        platform.otlpProtocol(),
        platform.lineageEndpoint(),
        Optional.of(platform.lineageNamespace().orElse(spec.name())),
        platform.sampling(),
        attributes);
  }

  private static <T> Optional<T> resolve(
      String field,
      String kind,
      String name,
      Map<String, T> profiles,
      Loaded<FloeSpec> pipeline,
      LocatedPlatform platform,
      ProblemList problems) {
    T profile = profiles.get(name);
    if (profile != null) {
      return Optional.of(profile);
    }
    String available =
        profiles.isEmpty()
            ? "The platform defines no " + kind.toLowerCase(java.util.Locale.ROOT) + " profiles"
            : "Available "
                + kind.toLowerCase(java.util.Locale.ROOT)
                + " profiles: "
                + String.join(", ", profiles.keySet());
    Optional<String> suggestion = Suggestions.closest(name, profiles.keySet());
    boolean written = pipeline.sourceMap().origin(field).isEmpty();
    Problem.Builder problem =
        Problem.error(
                Code.R020,
                kind
                    + " profile '"
                    + name
                    + "' not found in "
                    + platform.platform().file()
                    + ". "
                    + available)
            .at(written ? pipeline.sourceMap().position(field).orElse(null) : null)
            .file(pipeline.file())
            .path(field)
            .choicesInMessage(java.util.List.copyOf(profiles.keySet()))
            .hint(
                written
                    ? suggestion
                        .map(
                            s ->
                                "did you mean '"
                                    + s
                                    + "'? Or define '"
                                    + name
                                    + "' under "
                                    + section(field)
                                    + " in "
                                    + platform.platform().file())
                        .orElse(
                            "define '"
                                + name
                                + "' under "
                                + section(field)
                                + " in "
                                + platform.platform().file())
                    : "floe.yaml does not name a "
                        + field
                        + " profile, so 'default' is used: add '"
                        + field
                        + ": <name>' to floe.yaml or define 'default' under "
                        + section(field)
                        + " in "
                        + platform.platform().file());
    // The hint of a reference written in floe.yaml starts with "did you mean".
    if (written) {
      problem.suggestionInHint(suggestion.orElse(null));
    } else {
      problem.suggestion(suggestion.orElse(null));
    }
    problems.add(problem.build());
    return Optional.empty();
  }

  private static String section(String field) {
    return field.equals("catalog") ? "catalogs" : field;
  }

  private Instant compiledAt(ProblemList problems) {
    String epoch = env.get("SOURCE_DATE_EPOCH");
    if (epoch == null || epoch.isEmpty()) {
      return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
    try {
      long seconds = Long.parseLong(epoch.trim());
      // Years 1970 to 9999: what an ISO-8601 instant in the artifact can carry.
      if (seconds < 0 || seconds > LAST_SECOND) {
        throw new NumberFormatException("out of range");
      }
      return Instant.ofEpochSecond(seconds);
    } catch (NumberFormatException e) {
      problems.add(
          Problem.error(
                  Code.E054,
                  "SOURCE_DATE_EPOCH '"
                      + epoch
                      + "' is invalid: expected whole seconds since 1970-01-01 UTC, before the year 10000")
              .hint(
                  "set SOURCE_DATE_EPOCH to a whole number such as $(git log -1 --format=%ct), or unset it")
              .build());
      return Instant.EPOCH;
    }
  }

  private static String fileName(String displayed) {
    int slash = displayed.lastIndexOf('/');
    return slash < 0 ? displayed : displayed.substring(slash + 1);
  }
}
