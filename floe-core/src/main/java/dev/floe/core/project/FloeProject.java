package dev.floe.core.project;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.compile.Compiler;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.ProblemList;
import dev.floe.core.diag.SourcePaths;
import dev.floe.core.diag.SourceTexts;
import dev.floe.core.internal.load.ConfigLoader;
import dev.floe.core.internal.load.PlatformLocator;
import dev.floe.core.load.Loaded;
import dev.floe.core.model.FloeSpec;
import dev.floe.core.platform.LocatedPlatform;
import dev.floe.core.platform.PlatformRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The main entry point of floe-core: loads a pipeline's floe.yaml, finds and validates the platform
 * of its environment, and compiles the two into {@link CompiledArtifacts}, reporting every problem
 * of both files at once. {@code floe validate}, {@code floe compile}, the {@code floe platform}
 * commands and the runtime all go through it; a user's own code or test can too:
 *
 * <pre>{@code
 * FloeProject.Compiled compiled =
 *     FloeProject.fromProcess()
 *         .load(Path.of("floe.yaml"), PlatformRequest.builder().environment("dev").build());
 * }</pre>
 *
 * <p>The clock (for {@code compiled_at}) and the environment variables (platform discovery, {@code
 * ${VAR}} interpolation in platform.yaml, {@code SOURCE_DATE_EPOCH}) are injected through {@link
 * #builder()}; nothing else of the process is read. Nothing here resolves a secret.
 *
 * <p>Thread-safe: each call is independent. {@link #sources()} collects the text of every file any
 * call read, for rendering problems found later.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class FloeProject {
  private final Clock clock;
  private final Map<String, String> variables;
  private final SourceTexts sources = new SourceTexts();

  private FloeProject(Builder builder) {
    this.clock = builder.clock;
    this.variables = Map.copyOf(builder.variables);
  }

  /** A project on the system clock (UTC) and this process's environment variables. */
  public static FloeProject fromProcess() {
    return builder().build();
  }

  /**
   * A builder whose defaults are those of {@link #fromProcess()}: set the clock and the environment
   * variables for a test, or for a runtime that has its own.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A pipeline compiled against its platform, with what it was compiled from. Immutable.
   *
   * @param pipeline the validated floe.yaml
   * @param platform the platform found for the environment
   * @param artifacts the compiled artifacts; every secret still a reference
   */
  @Api(status = Api.Status.EXPERIMENTAL)
  public record Compiled(
      Loaded<FloeSpec> pipeline, LocatedPlatform platform, CompiledArtifacts artifacts) {
    public Compiled {
      requireNonNull(pipeline, "pipeline");
      requireNonNull(platform, "platform");
      requireNonNull(artifacts, "artifacts");
    }
  }

  /**
   * Loads floe.yaml, finds its platform and compiles. floe.yaml's folder is the project folder,
   * whose {@code platform/<env>/platform.yaml} is searched first; a registry pin in floe.yaml takes
   * part in the search. Problems of floe.yaml and of the platform are reported together; the
   * compiler runs only when both are valid.
   *
   * @param floeYaml the pipeline file, relative to the request's working folder or absolute; not
   *     null
   * @param request which platform to find, from where; not null
   * @return the loaded files and the artifacts; never null
   * @throws ProblemException with every problem of both files sorted by file, line and column, or
   *     with the compiler's (unresolved profiles); its {@link ProblemException#sources()} hold both
   *     files, so it renders on its own
   */
  public Compiled load(Path floeYaml, PlatformRequest request) {
    requireNonNull(floeYaml, "floeYaml");
    requireNonNull(request, "request");
    Path file = request.workDir().resolve(floeYaml).normalize();
    Path projectDir = file.getParent() == null ? request.workDir() : file.getParent();
    ConfigLoader loader = new ConfigLoader(sources, variables);
    List<Problem> problems = new ArrayList<>();
    Loaded<FloeSpec> pipeline = null;
    try {
      pipeline = loader.pipeline(file, SourcePaths.display(file, request.workDir()));
    } catch (ProblemException e) {
      problems.addAll(e.problems());
    }
    PlatformLocator.Search search = PlatformLocator.Search.of(request, projectDir, variables);
    if (pipeline != null && pipeline.value().platform().isPresent()) {
      search =
          search.withPin(
              new PlatformLocator.Pin(
                  pipeline.value().platform().get(),
                  pipeline.sourceMap().position("platform.ref")));
    }
    LocatedPlatform platform = null;
    try {
      platform = new PlatformLocator(loader).locate(search);
    } catch (ProblemException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      throw new ProblemException(problems.stream().sorted(ProblemList.ORDER).toList(), sources);
    }
    // Without problems, both loaded.
    Loaded<FloeSpec> loadedPipeline = requireNonNull(pipeline, "pipeline loaded without problems");
    LocatedPlatform locatedPlatform = requireNonNull(platform, "platform located without problems");
    try {
      CompiledArtifacts artifacts =
          new Compiler(clock, variables).compile(loadedPipeline, locatedPlatform);
      return new Compiled(loadedPipeline, locatedPlatform, artifacts);
    } catch (ProblemException e) {
      throw e.withSources(sources);
    }
  }

  /**
   * Finds and validates a platform without a pipeline, as the {@code floe platform} commands do:
   * {@code --platform PATH}, else the environment's {@code platform/<env>/platform.yaml} below the
   * working folder, and the other places of the search.
   *
   * @param request which platform to find, from where; not null
   * @return the platform; never null
   * @throws ProblemException when nothing is found, a named path does not exist, the environment
   *     name is invalid, or the platform is invalid; it renders on its own
   */
  public LocatedPlatform platform(PlatformRequest request) {
    requireNonNull(request, "request");
    ConfigLoader loader = new ConfigLoader(sources, variables);
    try {
      return new PlatformLocator(loader)
          .locate(PlatformLocator.Search.of(request, request.workDir(), variables));
    } catch (ProblemException e) {
      throw e.withSources(sources);
    }
  }

  /**
   * The environments that have a {@code platform/<env>/platform.yaml} below the working folder,
   * sorted by name.
   *
   * @param request where to look (its working folder); not null
   * @return the environment names; never null, empty when there are none
   */
  public List<String> environments(PlatformRequest request) {
    requireNonNull(request, "request");
    return PlatformLocator.availableEnvironments(
        PlatformLocator.Search.of(request, request.workDir(), variables));
  }

  /**
   * The text of every file this project has read, by the name problems give it: what a renderer
   * needs to show the line of a problem found after loading (a missing secret at its {@code
   * secret_ref}). Never null; it grows with every call.
   */
  public SourceTexts sources() {
    return sources;
  }

  /** The clock that dates compiled artifacts. */
  public Clock clock() {
    return clock;
  }

  /** The environment variables this project reads; unmodifiable. */
  public Map<String, String> variables() {
    return variables;
  }

  /** Builds a {@link FloeProject}. Not thread-safe. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Map<String, String> variables = System.getenv();

    private Builder() {}

    /**
     * The clock that dates compiled artifacts, unless {@code SOURCE_DATE_EPOCH} is set.
     *
     * @param clock not null
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The environment variables: platform discovery ({@code FLOE_PLATFORM_ENV}, {@code
     * FLOE_PLATFORM_FILE}, {@code FLOE_*}), {@code ${VAR}} interpolation and {@code
     * SOURCE_DATE_EPOCH}.
     *
     * @param variables names to values; not null, copied
     */
    public Builder variables(Map<String, String> variables) {
      this.variables = Map.copyOf(requireNonNull(variables, "variables"));
      return this;
    }

    /** The project. */
    public FloeProject build() {
      return new FloeProject(this);
    }
  }
}
