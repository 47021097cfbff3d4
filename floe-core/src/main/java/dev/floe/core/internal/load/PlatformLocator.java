package dev.floe.core.internal.load;

import static java.util.Objects.requireNonNull;

import dev.floe.core.diag.Code;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.SourcePaths;
import dev.floe.core.diag.SourcePosition;
import dev.floe.core.load.Loaded;
import dev.floe.core.model.Environments;
import dev.floe.core.model.FloeSpec;
import dev.floe.core.model.PlatformSource;
import dev.floe.core.model.PlatformSpec;
import dev.floe.core.platform.LocatedPlatform;
import dev.floe.core.platform.PlatformRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the platform for a command, in the order of the specification: {@code --platform}, {@code
 * FLOE_PLATFORM_FILE}, the environment's folder under the search bases, floe.yaml's registry pin,
 * the {@code FLOE_*} environment fallback, and the built-in local default. A failure lists every
 * place searched. Thread-safe.
 */
public final class PlatformLocator {
  /** The {@code platform_source} of the built-in local default. */
  public static final String BUILTIN_LOCAL = PlatformSource.BUILTIN_LOCAL_WIRE;

  /** The {@code platform_source} of a platform built from {@code FLOE_*} variables. */
  public static final String ENV_SOURCE = PlatformSource.ENV_WIRE;

  /** The variables of the environment fallback, in the order they are documented. */
  public static final List<String> FALLBACK_VARIABLES =
      List.of(
          "FLOE_CATALOG_URI",
          "FLOE_CATALOG_WAREHOUSE",
          "FLOE_CATALOG_TYPE",
          "FLOE_STORAGE_ENDPOINT",
          "FLOE_STORAGE_BUCKET",
          "FLOE_STORAGE_REGION",
          "FLOE_COMPUTE_TYPE",
          "FLOE_OTLP_ENDPOINT",
          "FLOE_LINEAGE_ENDPOINT");

  // The profiles of builtin-local.yaml, for the kinds the variables leave out in environment local.
  private static final String BUILTIN_STORAGE =
      """
          type: local  # built-in local default
          path: .floe/warehouse
      """;
  private static final String BUILTIN_CATALOG =
      """
          type: jdbc  # built-in local default
          uri: "jdbc:sqlite:.floe/catalog.db"
          warehouse: .floe/warehouse
          namespace: default
      """;
  private static final String BUILTIN_COMPUTE =
      """
          type: duckdb  # built-in local default
          properties:
            database: .floe/floe.duckdb
      """;

  private final ConfigLoader loader;

  /**
   * One search: the caller's request, the project folder whose {@code platform/} is searched first,
   * the process's environment variables and floe.yaml's registry pin.
   *
   * @param request what the caller asked for
   * @param projectDir the folder holding floe.yaml (the working folder when there is none)
   * @param env the environment variables ({@code FLOE_PLATFORM_ENV}, {@code FLOE_PLATFORM_FILE},
   *     {@code FLOE_*})
   * @param pin floe.yaml's {@code platform:} pin, and where it is written
   */
  public record Search(
      PlatformRequest request, Path projectDir, Map<String, String> env, Optional<Pin> pin) {
    public Search {
      requireNonNull(request, "request");
      requireNonNull(projectDir, "projectDir");
      env = Map.copyOf(env);
      requireNonNull(pin, "pin");
    }

    /** A search without a registry pin. */
    public static Search of(PlatformRequest request, Path projectDir, Map<String, String> env) {
      return new Search(request, projectDir, env, Optional.empty());
    }

    /** The same search with a registry pin. */
    public Search withPin(Pin newPin) {
      return new Search(request, projectDir, env, Optional.of(newPin));
    }

    Path workDir() {
      return request.workDir();
    }

    Path homeDir() {
      return request.homeDir();
    }
  }

  /** A registry pin and its position in floe.yaml. */
  public record Pin(FloeSpec.PlatformPin pin, Optional<SourcePosition> position) {
    public Pin {
      requireNonNull(pin, "pin");
      requireNonNull(position, "position");
    }
  }

  /** A locator that validates what it finds with {@code loader}. */
  public PlatformLocator(ConfigLoader loader) {
    this.loader = requireNonNull(loader, "loader");
  }

  /**
   * Finds and validates the platform.
   *
   * @throws ProblemException when nothing is found, a named path does not exist, the environment
   *     name is invalid, or the platform is invalid
   */
  public LocatedPlatform locate(Search request) {
    Map<String, String> env = request.env();
    Optional<String> option = request.request().environment();
    Optional<String> explicitEnv = option.or(() -> nonEmpty(env.get("FLOE_PLATFORM_ENV")));
    if (explicitEnv.isPresent() && !Environments.isValid(explicitEnv.get())) {
      throw invalidEnvironment(explicitEnv.get(), option.isPresent());
    }
    Optional<String> explicitOrigin =
        option.isPresent() ? Optional.of("--env") : explicitEnv.map(e -> "FLOE_PLATFORM_ENV");
    if (request.request().platform().isPresent()) {
      return fromPath(
              request.request().platform().get(),
              "--platform",
              request,
              explicitEnv,
              explicitOrigin)
          .withWarnings(unusedPin(request, "--platform"));
    }
    Optional<String> platformFile = nonEmpty(env.get("FLOE_PLATFORM_FILE"));
    if (platformFile.isPresent()) {
      return fromPath(
              Path.of(platformFile.get()),
              "FLOE_PLATFORM_FILE",
              request,
              explicitEnv,
              explicitOrigin)
          .withWarnings(unusedPin(request, "FLOE_PLATFORM_FILE"));
    }
    String environment = explicitEnv.orElse(Environments.DEFAULT);
    List<Path> candidates = candidates(request, environment);
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate)) {
        return new LocatedPlatform(
                loader.platform(candidate, display(candidate, request)),
                environment,
                source(candidate, request))
            .withWarnings(unusedPin(request, display(candidate, request)));
      }
    }
    if (request.pin().isPresent()) {
      Pin pin = request.pin().get();
      throw new ProblemException(
          Problem.error(
                  Code.R021,
                  "Cannot pull platform "
                      + pin.pin().ref()
                      + pin.pin().version().map(v -> "@" + v).orElse("")
                      + ": this build of floe cannot pull from a platform registry, and no"
                      + " platform file was found for environment '"
                      + environment
                      + "'")
              .at(pin.position().orElse(null))
              .file("floe.yaml")
              .path("platform.ref")
              .hint(
                  "put the platform at platform/"
                      + environment
                      + "/platform.yaml or pass --platform PATH")
              .build());
    }
    boolean fallback = FALLBACK_VARIABLES.stream().anyMatch(v -> nonEmpty(env.get(v)).isPresent());
    if (fallback) {
      return new LocatedPlatform(fromVariables(env, environment), environment, PlatformSource.ENV);
    }
    if (environment.equals(Environments.DEFAULT)) {
      return new LocatedPlatform(builtinLocal(), environment, PlatformSource.BUILTIN_LOCAL);
    }
    List<String> searched = new ArrayList<>();
    searched.add("--platform (not given)");
    searched.add("FLOE_PLATFORM_FILE (not set)");
    candidates.forEach(c -> searched.add(display(c, request)));
    searched.add("floe.yaml platform: (no registry pin)");
    searched.add(String.join(", ", FALLBACK_VARIABLES) + " (none set)");
    throw new ProblemException(
        Problem.error(
                Code.E050,
                "Cannot find a platform for environment '"
                    + environment
                    + "'. Searched: "
                    + String.join("; ", searched))
            .hint(
                "create platform/"
                    + environment
                    + "/platform.yaml next to floe.yaml, pass --platform PATH, or set"
                    + " FLOE_PLATFORM_FILE")
            .choices(availableEnvironments(request))
            .build());
  }

  /** The environments that have a {@code platform/<env>/platform.yaml} next to floe.yaml. */
  public static List<String> availableEnvironments(Search request) {
    Set<String> names = new java.util.TreeSet<>();
    for (Path base :
        new LinkedHashSet<>(
            List.of(
                request.projectDir().resolve("platform"), request.workDir().resolve("platform")))) {
      if (!Files.isDirectory(base)) {
        continue;
      }
      try (var children = Files.list(base)) {
        children
            .filter(p -> Files.isRegularFile(p.resolve("platform.yaml")))
            .map(p -> p.getFileName().toString())
            .filter(Environments::isValid)
            .forEach(names::add);
      } catch (IOException e) {
        // An unreadable folder simply contributes no environments.
      }
    }
    return List.copyOf(names);
  }

  /**
   * A warning when floe.yaml pins a registry platform but a platform file came first: the search
   * order is right to prefer the file, but silently ignoring the pin would surprise.
   */
  private static List<Problem> unusedPin(Search request, String used) {
    if (request.pin().isEmpty()) {
      return List.of();
    }
    Pin pin = request.pin().get();
    return List.of(
        Problem.warning(
                Code.R022,
                "floe.yaml pins platform "
                    + pin.pin().ref()
                    + pin.pin().version().map(v -> "@" + v).orElse("")
                    + ", but "
                    + used
                    + " comes first and is used instead")
            .at(pin.position().orElse(null))
            .file("floe.yaml")
            .path("platform.ref")
            .hint(
                "a registry pin applies only when no platform file is found; remove the pin, or"
                    + " the platform file, to make the choice explicit")
            .build());
  }

  /** Why {@code file} (from the path the user gave) cannot be read as a platform.yaml. */
  private static String whyNotAFile(Path given, Path file) {
    if (Files.isDirectory(given)) {
      return "the folder has no platform.yaml";
    }
    if (Files.exists(file)) {
      return "it is not a regular file (a pipe or a device, such as <(…)); write the platform to"
          + " a file and give its path";
    }
    return "it does not exist";
  }

  private LocatedPlatform fromPath(
      Path given,
      String origin,
      Search request,
      Optional<String> explicitEnv,
      Optional<String> explicitOrigin) {
    Path path = request.workDir().resolve(given);
    Path file = Files.isDirectory(path) ? path.resolve("platform.yaml") : path;
    if (!Files.isRegularFile(file)) {
      throw new ProblemException(
          Problem.error(
                  Code.E052,
                  (origin.equals("FLOE_PLATFORM_FILE")
                          ? "Cannot use FLOE_PLATFORM_FILE: "
                          : "Cannot use the platform at ")
                      + display(file, request)
                      + ": "
                      + whyNotAFile(path, file))
              .file(display(file, request))
              .hint(
                  "give a platform.yaml file or an environment folder that contains one"
                      + (origin.equals("FLOE_PLATFORM_FILE")
                          ? ", or unset FLOE_PLATFORM_FILE"
                          : ""))
              .build());
    }
    Path parent = file.toAbsolutePath().getParent();
    String folder =
        parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
    Path grandparent = parent == null ? null : parent.getParent();
    boolean environmentFolder =
        Environments.isValid(folder)
            && grandparent != null
            && grandparent.getFileName() != null
            && (grandparent.getFileName().toString().equals("platform")
                || grandparent.getFileName().toString().equals(".floe"));
    if (explicitEnv.isPresent() && environmentFolder && !explicitEnv.get().equals(folder)) {
      // platform/prod/platform.yaml is prod: recording it as another environment would label
      // production artifacts (and their lineage and traces) with the wrong name.
      throw new ProblemException(
          Problem.error(
                  Code.E055,
                  "Environment '"
                      + explicitEnv.get()
                      + "' ("
                      + explicitOrigin.orElse("--env")
                      + ") contradicts the platform "
                      + display(file, request)
                      + " ("
                      + origin
                      + "), which is environment '"
                      + folder
                      + "'")
              .file(display(file, request))
              .hint(
                  "drop "
                      + explicitOrigin.orElse("--env")
                      + ", or give the platform of environment '"
                      + explicitEnv.get()
                      + "'")
              .build());
    }
    String environment = explicitEnv.orElse(Environments.isValid(folder) ? folder : "custom");
    return new LocatedPlatform(
        loader.platform(file, display(file, request)), environment, source(file, request));
  }

  /** The files searched for {@code environment}, in order, without duplicates. */
  public static List<Path> candidates(Search request, String environment) {
    Set<Path> bases = new LinkedHashSet<>();
    bases.add(request.projectDir().resolve("platform"));
    bases.add(request.workDir().resolve("platform"));
    bases.add(request.projectDir().resolve(".floe"));
    bases.add(request.workDir().resolve(".floe"));
    bases.add(request.homeDir().resolve(".floe"));
    List<Path> files = new ArrayList<>();
    for (Path base : bases) {
      Path file = base.resolve(environment).resolve("platform.yaml").toAbsolutePath().normalize();
      if (!files.contains(file)) {
        files.add(file);
      }
    }
    return files;
  }

  /** The built-in local default platform. */
  public Loaded<PlatformSpec> builtinLocal() {
    try (InputStream in = PlatformLocator.class.getResourceAsStream("builtin-local.yaml")) {
      if (in == null) {
        throw new IllegalStateException("builtin-local.yaml is missing from the floe build");
      }
      return loader.platformText(
          BUILTIN_LOCAL, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A platform built from the {@code FLOE_*} variables, validated like a file, with one profile of
   * each kind named {@code default}. A kind none of whose variables is set takes the built-in local
   * default's profile in environment {@code local} (so that a stray {@code FLOE_OTLP_ENDPOINT} only
   * adds an endpoint) and its documented defaults elsewhere (compute: in-process DuckDB); a catalog
   * or storage profile cannot be made up outside {@code local}, so that is an error naming the
   * variables to set.
   */
  private Loaded<PlatformSpec> fromVariables(Map<String, String> env, String environment) {
    boolean local = environment.equals(Environments.DEFAULT);
    boolean catalog = any(env, "FLOE_CATALOG_URI", "FLOE_CATALOG_WAREHOUSE", "FLOE_CATALOG_TYPE");
    boolean storage =
        any(env, "FLOE_STORAGE_ENDPOINT", "FLOE_STORAGE_BUCKET", "FLOE_STORAGE_REGION");
    if (!local && (!catalog || !storage)) {
      List<String> missing = new ArrayList<>();
      if (!catalog) {
        missing.add("catalogs.default needs FLOE_CATALOG_URI and FLOE_CATALOG_WAREHOUSE");
      }
      if (!storage) {
        missing.add("storage.default needs FLOE_STORAGE_BUCKET");
      }
      List<String> set =
          FALLBACK_VARIABLES.stream().filter(v -> nonEmpty(env.get(v)).isPresent()).toList();
      throw new ProblemException(
          Problem.error(
                  Code.E050,
                  "Cannot build a platform for environment '"
                      + environment
                      + "' from FLOE_* variables: "
                      + String.join("; ", missing)
                      + " (set: "
                      + String.join(", ", set)
                      + ")")
              .hint(
                  "set the missing variables, or create platform/"
                      + environment
                      + "/platform.yaml next to floe.yaml, or pass --platform PATH")
              .build());
    }
    StringBuilder yaml = new StringBuilder("# built from FLOE_* environment variables\n");
    yaml.append("version: \"1.0.0\"\n");
    yaml.append("catalogs:\n  default:\n");
    if (catalog) {
      line(yaml, env, "type", "FLOE_CATALOG_TYPE");
      line(yaml, env, "uri", "FLOE_CATALOG_URI");
      line(yaml, env, "warehouse", "FLOE_CATALOG_WAREHOUSE");
    } else {
      yaml.append(BUILTIN_CATALOG);
    }
    yaml.append("storage:\n  default:\n");
    if (storage) {
      yaml.append("    type: s3\n");
      line(yaml, env, "endpoint", "FLOE_STORAGE_ENDPOINT");
      line(yaml, env, "bucket", "FLOE_STORAGE_BUCKET");
      line(yaml, env, "region", "FLOE_STORAGE_REGION");
    } else {
      yaml.append(BUILTIN_STORAGE);
    }
    yaml.append("compute:\n  default:\n");
    if (any(env, "FLOE_COMPUTE_TYPE")) {
      line(yaml, env, "type", "FLOE_COMPUTE_TYPE");
    } else if (local) {
      yaml.append(BUILTIN_COMPUTE);
    } else {
      yaml.append("    type: duckdb  # the documented default\n");
    }
    if (any(env, "FLOE_OTLP_ENDPOINT", "FLOE_LINEAGE_ENDPOINT")) {
      yaml.append("observability:\n");
      if (nonEmpty(env.get("FLOE_OTLP_ENDPOINT")).isPresent()) {
        yaml.append("  otlp_endpoint: ")
            .append(quote(env.get("FLOE_OTLP_ENDPOINT")))
            .append("  # FLOE_OTLP_ENDPOINT\n");
      }
      if (nonEmpty(env.get("FLOE_LINEAGE_ENDPOINT")).isPresent()) {
        yaml.append("  lineage_endpoint: ")
            .append(quote(env.get("FLOE_LINEAGE_ENDPOINT")))
            .append("  # FLOE_LINEAGE_ENDPOINT\n");
      }
    }
    return loader.platformText("env:FLOE_*", yaml.toString());
  }

  private static boolean any(Map<String, String> env, String... names) {
    for (String name : names) {
      if (nonEmpty(env.get(name)).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private static void line(StringBuilder yaml, Map<String, String> env, String key, String name) {
    Optional<String> value = nonEmpty(env.get(name));
    value.ifPresent(
        v ->
            yaml.append("    ")
                .append(key)
                .append(": ")
                .append(quote(v))
                .append("  # ")
                .append(name)
                .append('\n'));
  }

  /**
   * A YAML double-quoted scalar; JSON escaping is valid YAML. <code>${</code> is escaped as <code>
   * $${</code> so that variable values are taken literally, never interpolated a second time.
   */
  private static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.replace("${", "$${").toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static ProblemException invalidEnvironment(String name, boolean fromOption) {
    return new ProblemException(
        Problem.error(
                Code.E051,
                "Environment name '"
                    + name
                    + "' ("
                    + (fromOption ? "--env" : "FLOE_PLATFORM_ENV")
                    + ") is invalid: expected lower-case letters, digits and '-', starting and"
                    + " ending with a letter or digit, at most 63 characters")
            .hint("use a name like 'dev', 'staging' or 'sandbox-team-a'")
            .build());
  }

  /** Relative to the project folder when below it, so that artifacts are reproducible. */
  private static PlatformSource source(Path file, Search request) {
    return new PlatformSource.File(SourcePaths.display(file, request.projectDir()));
  }

  private static String display(Path file, Search request) {
    return SourcePaths.display(file, request.workDir());
  }

  private static Optional<String> nonEmpty(String value) {
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }
}
