package dev.floe.testing.runtime;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.floe.core.api.Api;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.secret.SecretResolver;
import dev.floe.runtime.FloeDefinitions;
import dev.floe.runtime.RunListener;
import dev.floe.runtime.RunResult;
import dev.floe.runtime.observe.ObservabilityOptions;
import dev.floe.testing.TemporaryFolders;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A compiled floe project in a temporary folder, for testing assets: runs them ({@link
 * #materialize}), records what the run emitted ({@link #spans()}, {@link #lineageEvents()}, {@link
 * #logs()}), reads tables back through Iceberg ({@link #rows}) and asserts on tables and runs
 * ({@link #assertThatTable}, {@link #assertThatRun}). {@link FloeTest} injects one per test class;
 * the extension deletes its folder after the class.
 *
 * <p><b>Signals are those of the last run.</b> Every {@link #materialize} call records its spans in
 * a new {@code InMemorySpanExporter} and its lineage events through a new sink, and replaces what
 * the previous call recorded: assertions always speak about the run under test, never about an
 * earlier run of the same class. They are complete when {@code materialize} returns (the run
 * flushes its signals before it ends).
 *
 * <p><b>Tables are shared by the class.</b> All tests of a class use one catalog and warehouse;
 * runs replace the tables they write. Registered resources apply to every later run.
 *
 * <p>Thread-safe: runs of one project happen one at a time (a second {@code materialize} waits for
 * the first), so tests of one class may run in parallel without mixing their tables mid-run; the
 * recorded signals are then those of whichever run ended last.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class FloeTestProject {
  private static final AttributeKey<String> ASSET_NAME = AttributeKey.stringKey("floe.asset.name");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;
  private final Path folder;
  private final CompiledArtifacts artifacts;
  private final TableReader tables;
  private final Map<Class<?>, Registration<?>> resources = new LinkedHashMap<>();
  private volatile Recorded recorded = Recorded.NOTHING;

  FloeTestProject(Path folder, Path root, CompiledArtifacts artifacts) {
    this.folder = requireNonNull(folder, "folder");
    this.root = requireNonNull(root, "root");
    this.artifacts = requireNonNull(artifacts, "artifacts");
    this.tables = new TableReader(artifacts, root, SecretResolver.fromProcess());
  }

  /** The project folder: floe.yaml, {@code platform/<env>/platform.yaml} and {@code .floe/}. */
  public Path root() {
    return root;
  }

  /** The compiled artifacts every run of this project uses. */
  public CompiledArtifacts artifacts() {
    return artifacts;
  }

  /** The pipeline's name (floe.yaml {@code name}). */
  public String pipeline() {
    return artifacts.metadata().name();
  }

  /**
   * Registers an application resource for every later run: injected into asset parameters of {@code
   * type} or a supertype. The test owns it: floe never closes it. A later registration of the same
   * type replaces this one.
   *
   * @return this project
   */
  public synchronized <T> FloeTestProject resource(Class<T> type, T instance) {
    requireNonNull(type, "type");
    requireNonNull(instance, "instance");
    resources.put(type, new Registration<>(type, () -> instance, false));
    return this;
  }

  /**
   * Registers an application resource made by {@code factory} on first use in each later run and
   * closed at the end of that run when it is {@link AutoCloseable}.
   *
   * @return this project
   */
  public synchronized <T> FloeTestProject resourceFactory(
      Class<T> type, Supplier<? extends T> factory) {
    requireNonNull(type, "type");
    requireNonNull(factory, "factory");
    resources.put(type, new Registration<>(type, factory, true));
    return this;
  }

  /**
   * Runs every asset of {@code assetClasses}, or, when none is given, every asset of the project's
   * {@code assets.packages} (for the default project: the test class's package).
   *
   * @return the run's result; a failing asset does not throw, it is in the result
   * @throws dev.floe.core.diag.ProblemException when the assets' definitions have problems (the
   *     graph is checked before anything runs)
   */
  public RunResult materialize(Class<?>... assetClasses) {
    return materialize(List.of(), assetClasses);
  }

  /**
   * Runs the assets {@code selection} names among {@code assetClasses} (or the project's asset
   * packages when none is given): {@code name}, {@code +name}, {@code name+}, {@code group:NAME};
   * every asset when {@code selection} is empty.
   *
   * @return the run's result; a failing asset does not throw, it is in the result
   * @throws dev.floe.core.diag.ProblemException when a selector names no asset or the assets'
   *     definitions have problems
   */
  public synchronized RunResult materialize(List<String> selection, Class<?>... assetClasses) {
    requireNonNull(selection, "selection");
    for (Class<?> c : assetClasses) {
      requireNonNull(c, "assetClasses");
    }
    // Cleared first: a run that cannot start (problems in the definitions, a bad selector, a
    // missing secret) leaves nothing of an earlier run to assert on by mistake.
    recorded = Recorded.NOTHING;
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    List<String> logs = Collections.synchronizedList(new ArrayList<>());
    FloeDefinitions.Builder builder =
        FloeDefinitions.builder()
            .artifacts(artifacts)
            .projectDir(root)
            .assetClasses(assetClasses)
            .observabilityOptions(
                ObservabilityOptions.DEFAULTS.withSpanExporter(spans).withLineageSink(events::add));
    for (Registration<?> r : resources.values()) {
      r.register(builder);
    }
    FloeDefinitions definitions = builder.build();
    RunResult result;
    try {
      result =
          definitions.materialize(
              List.copyOf(selection),
              new RunListener() {
                @Override
                public void log(String asset, Level level, String message) {
                  logs.add("[" + asset + "] " + message);
                }
              });
    } finally {
      recorded = new Recorded(spans.getFinishedSpanItems(), parse(events), copy(logs));
    }
    return result;
  }

  /** The spans of the last run: the run's span and one per asset that ran. */
  public List<SpanData> spans() {
    return recorded.spans();
  }

  /**
   * The span of the last run itself ({@code floe.run <pipeline>}), the parent of every asset span.
   *
   * @throws AssertionError when nothing was recorded (no run yet, or traces are off)
   */
  public SpanData runSpan() {
    return recorded.spans().stream()
        .filter(s -> !s.getParentSpanContext().isValid())
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "Expecting the span of the last run, but no run span was recorded (did the"
                        + " test call materialize? are traces on in floe.yaml and platform.yaml?)"));
  }

  /**
   * The span of asset {@code assetName} in the last run.
   *
   * @throws AssertionError when the last run has no span of that asset, naming those it has
   */
  public SpanData span(String assetName) {
    requireNonNull(assetName, "assetName");
    List<SpanData> spans = recorded.spans();
    return spans.stream()
        .filter(s -> assetName.equals(s.getAttributes().get(ASSET_NAME)))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "Expecting a span of asset '"
                        + assetName
                        + "' in the last run, but it has spans of "
                        + spans.stream()
                            .map(s -> s.getAttributes().get(ASSET_NAME))
                            .filter(n -> n != null)
                            .sorted()
                            .toList()
                        + (spans.isEmpty() ? " (did the test call materialize?)" : "")));
  }

  /**
   * The lineage events of the last run as OpenLineage JSON trees, in the order they were emitted:
   * START and COMPLETE or FAIL of the pipeline run and of each asset that ran.
   */
  public List<JsonNode> lineageEvents() {
    return recorded.lineage();
  }

  /**
   * The lineage events of asset {@code assetName} in the last run (job {@code <pipeline>.<asset>});
   * empty when it did not run.
   */
  public List<JsonNode> lineageEvents(String assetName) {
    String job = pipeline() + "." + requireNonNull(assetName, "assetName");
    return recorded.lineage().stream()
        .filter(e -> job.equals(e.path("job").path("name").asText()))
        .toList();
  }

  /**
   * The log lines of the last run, as {@code [asset] message} in the order written: the assets'
   * {@code context.log()} lines, and floe's own warnings as {@code [floe] message}.
   */
  public List<String> logs() {
    return recorded.logs();
  }

  /**
   * Every row of {@code table} now, read through the Iceberg API; see {@link TableContents} for the
   * order and the value types. A name without a namespace is in the catalog profile's namespace.
   *
   * @throws AssertionError when the table does not exist, naming the tables there are
   */
  public List<Map<String, @Nullable Object>> rows(String table) {
    TableContents contents = tables.read(requireNonNull(table, "table"));
    if (!contents.exists()) {
      throw new AssertionError(TableAssert.missingMessage(contents));
    }
    return contents.rows();
  }

  /** Assertions on {@code table} as it is now (read once, when this is called). */
  public TableAssert assertThatTable(String table) {
    return TableAssert.assertThat(tables.read(requireNonNull(table, "table")));
  }

  /** Assertions on a run's result. */
  public RunAssert assertThatRun(RunResult result) {
    return RunAssert.assertThat(result);
  }

  /** Deletes the project's folder; the extension calls it after the test class. */
  void close() {
    recorded = Recorded.NOTHING;
    TemporaryFolders.delete(folder);
  }

  private static List<String> copy(List<String> synchronizedList) {
    synchronized (synchronizedList) {
      return List.copyOf(synchronizedList);
    }
  }

  private static List<JsonNode> parse(List<String> events) {
    List<JsonNode> parsed = new ArrayList<>();
    for (String e : copy(events)) {
      try {
        parsed.add(JSON.readTree(e));
      } catch (IOException ex) {
        throw new UncheckedIOException("a lineage event is not JSON: " + e, ex);
      }
    }
    return List.copyOf(parsed);
  }

  /** What one run recorded. */
  private record Recorded(List<SpanData> spans, List<JsonNode> lineage, List<String> logs) {
    static final Recorded NOTHING = new Recorded(List.of(), List.of(), List.of());

    Recorded {
      spans = List.copyOf(spans);
      lineage = List.copyOf(lineage);
      logs = List.copyOf(logs);
    }
  }

  /** A resource registration, replayed onto each run's builder. */
  private record Registration<T>(Class<T> type, Supplier<? extends T> supplier, boolean perRun) {
    void register(FloeDefinitions.Builder builder) {
      if (perRun) {
        builder.resourceFactory(type, supplier);
      } else {
        builder.resource(type, supplier.get());
      }
    }
  }
}
