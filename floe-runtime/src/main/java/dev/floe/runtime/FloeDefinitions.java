package dev.floe.runtime;

import static java.util.Objects.requireNonNull;

import dev.floe.catalog.CatalogContext;
import dev.floe.catalog.Catalogs;
import dev.floe.catalog.OpenedCatalog;
import dev.floe.core.api.Api;
import dev.floe.core.compile.ArtifactJson;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.secret.SecretRequirement;
import dev.floe.core.secret.SecretRequirements;
import dev.floe.core.secret.SecretResolver;
import dev.floe.runtime.compute.ComputeEngine;
import dev.floe.runtime.compute.ComputeEngines;
import dev.floe.runtime.engine.AssetDiscovery;
import dev.floe.runtime.engine.AssetGraph;
import dev.floe.runtime.engine.AssetSpec;
import dev.floe.runtime.engine.AssetSpecs;
import dev.floe.runtime.engine.Observability;
import dev.floe.runtime.engine.RunExecutor;
import dev.floe.runtime.engine.RunInfo;
import dev.floe.runtime.engine.RunResources;
import dev.floe.runtime.observe.ObservabilityOptions;
import dev.floe.runtime.observe.ObservabilityOrchestrator;
import dev.floe.runtime.observe.RunObserver;
import dev.floe.runtime.sql.SqlTransforms;
import dev.floe.runtime.table.IcebergRunTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A pipeline's assets, checked and wired: the entry point of the runtime.
 *
 * <pre>{@code
 * FloeDefinitions defs = FloeDefinitions.fromCompiledArtifacts(Path.of(".floe/compiled_artifacts.json"));
 * RunResult all = defs.materialize();
 * RunResult some = defs.materialize("+stg_orders");   // stg_orders and what it depends on
 * }</pre>
 *
 * <p>Building it reads the artifact, finds the {@link FloeAsset} classes (in the artifact's {@code
 * assets.packages}, or the classes given), builds the graph and checks it: every problem at once,
 * as a {@link ProblemException}. A run opens the catalog, storage and compute engine on first use,
 * runs the selected assets in dependency order, emits traces and lineage, closes everything, and
 * writes its run document to {@code .floe/runs/<run_id>.json} in the project folder.
 *
 * <p>Thread-safe: runs may happen one after another or at once; each has its own resources.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class FloeDefinitions {
  private static final int DEFAULT_PARALLELISM = 4;

  private final CompiledArtifacts artifacts;
  private final Path projectDir;
  private final AssetGraph graph;
  private final SecretResolver secrets;
  private final Map<Class<?>, RunResources.Registered<?>> registered;
  private final Observability.Factory observability;
  private final CatalogOpener catalogs;
  private final EngineOpener engines;
  private final RunResources.TablesFactory tables;
  private final int parallelism;
  private final Clock clock;
  private final Optional<Path> runsDir;

  private FloeDefinitions(
      Builder b, CompiledArtifacts artifacts, Path projectDir, AssetGraph graph) {
    this.artifacts = artifacts;
    this.projectDir = projectDir;
    this.graph = graph;
    this.secrets = b.secrets != null ? b.secrets : SecretResolver.fromProcess();
    this.registered = Map.copyOf(b.registered);
    this.observability =
        b.observability != null
            ? b.observability
            : Defaults.observability(b.observabilityOptions, projectDir);
    this.catalogs = b.catalogs;
    this.engines = b.engines;
    this.tables = b.tables;
    this.parallelism = b.parallelism;
    this.clock = b.clock;
    this.runsDir =
        b.writeRunDocuments
            ? Optional.of(
                b.runsDir != null ? b.runsDir : projectDir.resolve(".floe").resolve("runs"))
            : Optional.empty();
  }

  /**
   * Reads {@code artifactFile}, discovers the assets of its {@code assets.packages} on the context
   * class loader, and checks the graph. The project folder is the parent of the artifact's {@code
   * .floe} folder, or the artifact's own folder when it is not in one.
   *
   * @throws ProblemException with every problem of the artifact or the assets
   */
  public static FloeDefinitions fromCompiledArtifacts(Path artifactFile) {
    return builder().artifactsFile(artifactFile).build();
  }

  /** A builder, for explicit classes, resources and options. */
  public static Builder builder() {
    return new Builder();
  }

  /** The compiled artifact the definitions run. */
  public CompiledArtifacts artifacts() {
    return artifacts;
  }

  /** The folder holding floe.yaml: relative paths of the platform are resolved against it. */
  public Path projectDir() {
    return projectDir;
  }

  /** Every asset, in topological order. */
  public List<Asset> assets() {
    return graph.assets().stream().map(this::view).toList();
  }

  /**
   * The assets a selection names, in the order a run takes them: {@code name}, {@code +name} (and
   * everything upstream), {@code name+} (and everything downstream), {@code group:NAME}; every
   * asset when {@code selectors} is empty.
   *
   * @throws ProblemException {@code FLOE-U012} for each selector that names nothing
   */
  public List<Asset> select(List<String> selectors) {
    return graph.select(selectors).stream().map(this::view).toList();
  }

  private Asset view(AssetSpec a) {
    return new Asset(
        a.name(),
        a.group(),
        a.kind(),
        a.inputs(),
        a.outputs(),
        List.copyOf(graph.upstream(a.name())),
        a.origin());
  }

  /**
   * Runs the selected assets (all when none is given): see {@link AssetGraph#select} for the
   * selector syntax ({@code name}, {@code +name}, {@code name+}, {@code group:NAME}).
   *
   * @throws ProblemException when a selector names no asset, or a secret of the catalog, storage or
   *     compute profile cannot be found (before any asset runs)
   */
  public RunResult materialize(String... selectors) {
    return materialize(Arrays.asList(selectors), RunListener.NONE);
  }

  /**
   * Runs the selected assets, telling {@code listener} how it goes.
   *
   * @throws ProblemException when a selector names no asset, or a secret of the catalog, storage or
   *     compute profile cannot be found (before any asset runs)
   */
  public RunResult materialize(List<String> selectors, RunListener listener) {
    requireNonNull(listener, "listener");
    List<AssetSpec> selected = graph.select(selectors);
    preflightSecrets();
    String runId = runId();
    Instant startedAt = clock.instant();
    long start = System.nanoTime();
    Observability observe = observability.open(artifacts, secrets);
    RunObserver run = observe.startRun(runId);
    Path scratch = scratchFolder(runId);
    RunResources resources =
        new RunResources(
            () -> catalogs.open(artifacts, secrets, projectDir),
            () -> engines.open(artifacts, secrets, projectDir),
            tables,
            registered,
            scratch);
    RunInfo info =
        new RunInfo(
            artifacts.metadata().name(),
            artifacts.environment(),
            runId,
            artifacts.catalog().value().namespace());
    RunExecutor executor =
        new RunExecutor(graph, resources, info, run, listener, parallelism, clock);
    safely(() -> listener.runStarted(runId, selected.size()));
    List<RunResult.AssetResult> results;
    try {
      results = executor.run(selected);
    } finally {
      resources.close(
          e ->
              safely(
                  () ->
                      listener.log(
                          "floe",
                          RunListener.Level.WARN,
                          "closing a resource failed: " + RunExecutor.describe(e))));
    }
    RunResult.Status status = RunExecutor.status(results);
    run.end(status == RunResult.Status.SUCCESS, executor.firstFailure().orElse(null));
    ObservabilityReport report = observe.shutdown();
    RunResult result =
        new RunResult(
            info.pipeline(),
            info.environment(),
            runId,
            status,
            startedAt,
            Duration.ofNanos(System.nanoTime() - start),
            results,
            report);
    runsDir.ifPresent(dir -> writeDocument(dir, result, listener));
    return result;
  }

  private void preflightSecrets() {
    List<SecretRequirement> needed = new ArrayList<>();
    for (SecretRequirement r : SecretRequirements.of(artifacts)) {
      if (!r.field().startsWith("observability.")) {
        needed.add(r);
      }
    }
    secrets.requireAll(needed);
  }

  private static void writeDocument(Path dir, RunResult result, RunListener listener) {
    try {
      RunDocument.write(dir, result);
    } catch (UncheckedIOException e) {
      Problem problem =
          Problem.error(
                  RuntimeCode.U021,
                  "the run document could not be written to " + dir + ": " + e.getMessage())
              .build();
      safely(
          () ->
              listener.log(
                  "floe", RunListener.Level.WARN, problem.code() + ": " + problem.message()));
    }
  }

  private static Path scratchFolder(String runId) {
    try {
      return Files.createTempDirectory("floe-run-" + runId.substring(0, 8) + "-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a scratch folder for the run", e);
    }
  }

  private static void safely(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException ignored) {
      // a listener must never break a run
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A UUID version 7: time-ordered, as OpenLineage recommends for run ids. */
  static String runId() {
    long millis = System.currentTimeMillis();
    long randomA = RANDOM.nextLong();
    long randomB = RANDOM.nextLong();
    long msb = (millis << 16) | 0x7000L | (randomA & 0x0FFFL);
    long lsb = (randomB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  /**
   * An asset as the definitions hold it.
   *
   * @param name its name
   * @param group its group
   * @param kind its kind
   * @param inputs tables it reads
   * @param outputs tables it writes
   * @param upstream assets it depends on directly
   * @param origin where it is defined
   */
  public record Asset(
      String name,
      Optional<String> group,
      String kind,
      List<String> inputs,
      List<String> outputs,
      List<String> upstream,
      String origin) {}

  /** Opens the catalog profile of an artifact. */
  @FunctionalInterface
  public interface CatalogOpener {
    /** The opened catalog and storage; the run closes it. */
    OpenedCatalog open(CompiledArtifacts artifacts, SecretResolver secrets, Path projectDir);
  }

  /** Opens the compute profile of an artifact. */
  @FunctionalInterface
  public interface EngineOpener {
    /** The opened engine; the run closes it. */
    ComputeEngine open(CompiledArtifacts artifacts, SecretResolver secrets, Path projectDir);
  }

  /** Builds {@link FloeDefinitions}. Not thread-safe. */
  public static final class Builder {
    private @Nullable CompiledArtifacts artifacts;
    private @Nullable Path artifactsFile;
    private @Nullable Path projectDir;
    private @Nullable ClassLoader classLoader;
    private final List<Class<?>> classes = new ArrayList<>();
    private final Map<Class<?>, RunResources.Registered<?>> registered = new LinkedHashMap<>();
    private @Nullable SecretResolver secrets;
    private Observability.@Nullable Factory observability;
    private ObservabilityOptions observabilityOptions = ObservabilityOptions.DEFAULTS;
    private CatalogOpener catalogs = Defaults::catalog;
    private EngineOpener engines = Defaults.ENGINE;
    private RunResources.TablesFactory tables = Defaults.TABLES;
    private int parallelism = DEFAULT_PARALLELISM;
    private Clock clock = Clock.systemUTC();
    private boolean writeRunDocuments = true;
    private @Nullable Path runsDir;

    private Builder() {}

    /** The compiled artifact to run (instead of {@link #artifactsFile}). */
    public Builder artifacts(CompiledArtifacts artifacts) {
      this.artifacts = requireNonNull(artifacts, "artifacts");
      return this;
    }

    /** The compiled artifact file to read, usually {@code .floe/compiled_artifacts.json}. */
    public Builder artifactsFile(Path file) {
      this.artifactsFile = requireNonNull(file, "file");
      return this;
    }

    /** The folder holding floe.yaml, against which the platform's relative paths resolve. */
    public Builder projectDir(Path projectDir) {
      this.projectDir = requireNonNull(projectDir, "projectDir");
      return this;
    }

    /** The class loader to find asset classes with; the context class loader by default. */
    public Builder classLoader(ClassLoader loader) {
      this.classLoader = requireNonNull(loader, "loader");
      return this;
    }

    /** Asset classes to use instead of discovering those of {@code assets.packages}. */
    public Builder assetClasses(Class<?>... classes) {
      this.classes.addAll(Arrays.asList(classes));
      return this;
    }

    /**
     * An application resource, injected into asset parameters of {@code type} (or a supertype). The
     * application owns it: floe does not close it.
     */
    public <T> Builder resource(Class<T> type, T instance) {
      requireNonNull(instance, "instance");
      registered.put(type, new RunResources.Registered<>(type, () -> instance, false));
      return this;
    }

    /**
     * An application resource made by {@code factory} on first use in each run, and closed at the
     * end of the run when it is {@link AutoCloseable}.
     */
    public <T> Builder resourceFactory(Class<T> type, Supplier<? extends T> factory) {
      registered.put(type, new RunResources.Registered<>(type, factory, true));
      return this;
    }

    /** Where secrets come from; this process's environment and secret files by default. */
    public Builder secrets(SecretResolver secrets) {
      this.secrets = requireNonNull(secrets, "secrets");
      return this;
    }

    /**
     * Time limits, queue sizes and in-process exporters (an in-memory span exporter, a lineage
     * sink) of the run's tracing and lineage; endpoints always come from the artifact.
     */
    public Builder observabilityOptions(ObservabilityOptions options) {
      this.observabilityOptions = requireNonNull(options, "options");
      return this;
    }

    /** Makes each run's tracing and lineage; internal hook for tests and floe's testing module. */
    @Api(status = Api.Status.INTERNAL)
    public Builder observability(Observability.Factory factory) {
      this.observability = requireNonNull(factory, "factory");
      return this;
    }

    /** Opens the catalog; internal hook for tests. */
    @Api(status = Api.Status.INTERNAL)
    public Builder catalogOpener(CatalogOpener opener) {
      this.catalogs = requireNonNull(opener, "opener");
      return this;
    }

    /** Opens the compute engine; internal hook for tests. */
    @Api(status = Api.Status.INTERNAL)
    public Builder engineOpener(EngineOpener opener) {
      this.engines = requireNonNull(opener, "opener");
      return this;
    }

    /** Makes the table helpers; internal hook for tests. */
    @Api(status = Api.Status.INTERNAL)
    public Builder tables(RunResources.TablesFactory factory) {
      this.tables = requireNonNull(factory, "factory");
      return this;
    }

    /** How many assets may run at once; 4 by default. */
    public Builder parallelism(int parallelism) {
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
      }
      this.parallelism = parallelism;
      return this;
    }

    /** The clock of run start times and durations. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** Where run documents go; {@code .floe/runs} in the project folder by default. */
    public Builder runsDir(Path runsDir) {
      this.runsDir = requireNonNull(runsDir, "runsDir");
      return this;
    }

    /** Whether each run writes its run document; true by default. */
    public Builder writeRunDocuments(boolean write) {
      this.writeRunDocuments = write;
      return this;
    }

    /**
     * Reads the artifact, finds the assets and checks the graph.
     *
     * @throws ProblemException with every problem found
     */
    public FloeDefinitions build() {
      CompiledArtifacts compiled = artifacts;
      if (compiled == null) {
        if (artifactsFile == null) {
          throw new IllegalStateException("give the artifacts or the artifacts file");
        }
        compiled = ArtifactJson.read(artifactsFile);
      }
      Path project = projectDir != null ? projectDir : defaultProjectDir(artifactsFile);
      ClassLoader loader =
          classLoader != null
              ? classLoader
              : Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                  .orElse(FloeDefinitions.class.getClassLoader());
      List<Class<?>> found =
          classes.isEmpty() ? AssetDiscovery.find(compiled.assetPackages(), loader) : classes;
      List<Problem> problems = new ArrayList<>();
      String namespace = compiled.catalog().value().namespace();
      List<AssetSpec> specs = new ArrayList<>(AssetSpecs.read(found, namespace, problems));
      boolean sqlOnly =
          !compiled.transforms().isEmpty()
              && classes.isEmpty()
              && compiled.assetPackages().isEmpty();
      if (specs.isEmpty() && problems.isEmpty() && !sqlOnly) {
        throw new ProblemException(
            Problem.error(
                    RuntimeCode.U010,
                    classes.isEmpty()
                        ? "no @FloeAsset method found in the asset packages "
                            + compiled.assetPackages()
                            + " on the class path"
                        : "none of the given classes has a @FloeAsset method")
                .hint(
                    compiled.assetPackages().isEmpty()
                        ? "list your asset packages in floe.yaml: assets: {packages: [com.acme.pipeline]}"
                        : "put the compiled asset classes on the class path (floe run --classpath target/classes)")
                .build());
      }
      SqlTransforms.Result sql =
          SqlTransforms.read(
              compiled.transforms(),
              project,
              namespace,
              specs.stream().flatMap(s -> s.outputs().stream()).toList(),
              problems);
      specs.addAll(sql.assets());
      RunResources probe =
          new RunResources(
              () -> {
                throw new IllegalStateException("probe");
              },
              () -> {
                throw new IllegalStateException("probe");
              },
              tables,
              registered,
              project);
      AssetGraph graph;
      try {
        graph = AssetGraph.build(specs, probe.injectable(), problems);
      } catch (ProblemException e) {
        throw e.withSources(sql.sources());
      }
      return new FloeDefinitions(this, compiled, project.toAbsolutePath().normalize(), graph);
    }

    private static Path defaultProjectDir(@Nullable Path artifactsFile) {
      if (artifactsFile == null) {
        return Path.of("").toAbsolutePath();
      }
      Path folder = artifactsFile.toAbsolutePath().normalize().getParent();
      if (folder == null) {
        return Path.of("").toAbsolutePath();
      }
      Path name = folder.getFileName();
      if (name != null && name.toString().equals(".floe") && folder.getParent() != null) {
        return folder.getParent();
      }
      return folder;
    }
  }

  /** The default ways of opening what a run needs. */
  static final class Defaults {
    private Defaults() {}

    static OpenedCatalog catalog(CompiledArtifacts a, SecretResolver secrets, Path projectDir) {
      return Catalogs.open(CatalogContext.of(a.catalog(), a.storage(), secrets, projectDir));
    }

    static final EngineOpener ENGINE =
        (a, secrets, projectDir) -> ComputeEngines.open(a.compute(), secrets, projectDir);

    static final RunResources.TablesFactory TABLES = IcebergRunTables::create;

    /** Tracing and lineage by the orchestrator, configured from the artifact only. */
    static Observability.Factory observability(ObservabilityOptions options, Path projectDir) {
      return (artifacts, secrets) -> {
        ObservabilityOrchestrator orchestrator =
            ObservabilityOrchestrator.create(
                artifacts, secrets, options.withProjectDir(projectDir));
        return new Observability() {
          @Override
          public RunObserver startRun(String runId) {
            return orchestrator.startRun(runId);
          }

          @Override
          public ObservabilityReport shutdown() {
            return orchestrator.shutdown();
          }
        };
      };
    }
  }
}
