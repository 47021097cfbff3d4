package dev.floe.runtime.engine;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.runtime.MaterializeResult;
import dev.floe.runtime.RunListener;
import dev.floe.runtime.RunResult;
import dev.floe.runtime.RunResult.AssetResult;
import dev.floe.runtime.RunResult.AssetStatus;
import dev.floe.runtime.observe.AssetObserver;
import dev.floe.runtime.observe.AssetOutcome;
import dev.floe.runtime.observe.RunObserver;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Runs selected assets in dependency order: an asset starts when every selected asset it depends on
 * succeeded; assets that are ready at the same time run in parallel on a bounded pool; when an
 * asset fails, everything downstream of it is skipped while independent branches finish.
 */
@Api(status = Api.Status.INTERNAL)
public final class RunExecutor {
  private final AssetGraph graph;
  private final RunResources resources;
  private final RunInfo run;
  private final RunObserver observer;
  private final RunListener listener;
  private final int parallelism;
  private final Clock clock;
  private final Instances instances = new Instances();
  private @Nullable Throwable firstFailure;

  /**
   * @param graph the checked graph
   * @param resources the run's resources
   * @param run what the assets share
   * @param observer tracing and lineage of the run
   * @param listener progress
   * @param parallelism how many assets may run at once, at least 1
   * @param clock for durations
   */
  public RunExecutor(
      AssetGraph graph,
      RunResources resources,
      RunInfo run,
      RunObserver observer,
      RunListener listener,
      int parallelism,
      Clock clock) {
    this.graph = requireNonNull(graph, "graph");
    this.resources = requireNonNull(resources, "resources");
    this.run = requireNonNull(run, "run");
    this.observer = requireNonNull(observer, "observer");
    this.listener = requireNonNull(listener, "listener");
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    this.parallelism = parallelism;
    this.clock = requireNonNull(clock, "clock");
  }

  /** The first failure of the last run, if any. */
  public Optional<Throwable> firstFailure() {
    return Optional.ofNullable(firstFailure);
  }

  /**
   * Runs {@code selected} (in topological order) and returns one result per asset, in that order.
   */
  public List<AssetResult> run(List<AssetSpec> selected) {
    Set<String> names = new HashSet<>();
    selected.forEach(a -> names.add(a.name()));
    Map<String, Integer> waiting = new HashMap<>();
    for (AssetSpec a : selected) {
      int n = 0;
      for (String up : graph.upstream(a.name())) {
        if (names.contains(up)) {
          n++;
        }
      }
      waiting.put(a.name(), n);
    }
    Map<String, AssetResult> results = new LinkedHashMap<>();
    Map<String, AssetSpec> byName = new LinkedHashMap<>();
    selected.forEach(a -> byName.put(a.name(), a));
    ExecutorService pool = Executors.newFixedThreadPool(parallelism, new Workers());
    try {
      ExecutorCompletionService<AssetResult> done = new ExecutorCompletionService<>(pool);
      int running = 0;
      for (AssetSpec a : selected) {
        if (waiting.getOrDefault(a.name(), 0) == 0) {
          done.submit(() -> runOne(a));
          running++;
        }
      }
      while (running > 0) {
        AssetResult result = take(done);
        running--;
        results.put(result.name(), result);
        notifyFinished(result);
        if (result.status() == AssetStatus.SUCCESS) {
          for (String down : graph.downstream(result.name())) {
            if (!names.contains(down) || results.containsKey(down)) {
              continue;
            }
            if (waiting.merge(down, -1, Integer::sum) == 0) {
              AssetSpec next = byName.get(down);
              done.submit(() -> runOne(requireNonNull(next)));
              running++;
            }
          }
        } else {
          for (String down : graph.allDownstream(result.name())) {
            if (names.contains(down) && !results.containsKey(down)) {
              AssetSpec skipped = requireNonNull(byName.get(down));
              AssetResult r = skipped(skipped, result.name());
              results.put(down, r);
              notifyFinished(r);
            }
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
    List<AssetResult> ordered = new ArrayList<>();
    for (AssetSpec a : selected) {
      AssetResult r = results.get(a.name());
      ordered.add(r == null ? skipped(a, "an upstream asset") : r);
    }
    return ordered;
  }

  private static AssetResult take(ExecutorCompletionService<AssetResult> done) {
    try {
      Future<AssetResult> next = done.take();
      return next.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the run was interrupted", e);
    } catch (ExecutionException e) {
      // runOne catches everything an asset throws; this is a bug in floe.
      throw new IllegalStateException("asset scheduling failed", e.getCause());
    }
  }

  private void notifyFinished(AssetResult result) {
    try {
      listener.assetFinished(result);
    } catch (RuntimeException ignored) {
      // a progress display must never break a run
    }
  }

  private AssetResult skipped(AssetSpec asset, String failedUpstream) {
    return new AssetResult(
        asset.name(),
        asset.group(),
        AssetStatus.SKIPPED,
        Duration.ZERO,
        OptionalLong.empty(),
        asset.outputs(),
        Map.of(),
        Optional.of("skipped: upstream asset " + failedUpstream + " failed"),
        Optional.empty());
  }

  @SuppressWarnings("try") // the scope keeps the asset's span current while it runs
  private AssetResult runOne(AssetSpec asset) {
    try {
      listener.assetStarted(asset.name());
    } catch (RuntimeException ignored) {
      // a progress display must never break a run
    }
    long start = clock.millis();
    AssetObserver span = observer.asset(asset.descriptor());
    RunResources.AssetScope scope = resources.scope();
    DefaultAssetContext context =
        new DefaultAssetContext(asset, run, span, listener, resources, scope);
    MaterializeResult result;
    try (AssetObserver.Scope current = span.makeCurrent()) {
      List<AssetBody.Parameter> parameters = asset.body().parameters();
      Object[] arguments = new Object[parameters.size()];
      for (int i = 0; i < arguments.length; i++) {
        arguments[i] = resources.value(parameters.get(i).type(), context, scope);
      }
      result = asset.body().run(arguments, instances);
      if (result == null) {
        result = MaterializeResult.EMPTY;
      }
    } catch (Throwable t) {
      scope.close();
      span.failed(t);
      recordFailure(t);
      return new AssetResult(
          asset.name(),
          asset.group(),
          AssetStatus.FAILED,
          Duration.ofMillis(clock.millis() - start),
          OptionalLong.empty(),
          asset.outputs(),
          Map.of(),
          Optional.of(describe(t)),
          Optional.of(t));
    }
    scope.close();
    OptionalLong rows = result.rows();
    if (rows.isEmpty()) {
      rows = context.rowsWritten().map(OptionalLong::of).orElse(OptionalLong.empty());
    }
    span.succeeded(
        new AssetOutcome(rows, result.metadata(), context.inputSchemas(), context.outputSchemas()));
    return new AssetResult(
        asset.name(),
        asset.group(),
        AssetStatus.SUCCESS,
        Duration.ofMillis(clock.millis() - start),
        rows,
        asset.outputs(),
        result.metadata(),
        Optional.empty(),
        Optional.empty());
  }

  private synchronized void recordFailure(Throwable t) {
    if (firstFailure == null) {
      firstFailure = t;
    }
  }

  /** One line saying why an asset failed: the problem, or the exception's type and message. */
  public static String describe(Throwable t) {
    if (t instanceof ProblemException problems && !problems.problems().isEmpty()) {
      Problem first = problems.problems().get(0);
      String more =
          problems.problems().size() > 1
              ? " (and " + (problems.problems().size() - 1) + " more)"
              : "";
      return first.code() + ": " + first.message() + more;
    }
    String message = t.getMessage();
    return t.getClass().getName() + (message == null || message.isBlank() ? "" : ": " + message);
  }

  /** Whether a result list holds a failure. */
  public static RunResult.Status status(List<AssetResult> results) {
    return results.stream().anyMatch(r -> r.status() != AssetStatus.SUCCESS)
        ? RunResult.Status.FAILED
        : RunResult.Status.SUCCESS;
  }

  /** The run's one instance of each asset class, made on first use. */
  private static final class Instances implements java.util.function.Function<Class<?>, Object> {
    private final Map<Class<?>, Object> made = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public Object apply(Class<?> type) {
      return made.computeIfAbsent(type, Instances::make);
    }

    private static Object make(Class<?> type) {
      try {
        return type.getConstructor().newInstance();
      } catch (java.lang.reflect.InvocationTargetException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        throw new IllegalStateException(
            "the constructor of asset class " + type.getName() + " threw: " + cause, cause);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot make asset class " + type.getName(), e);
      }
    }
  }

  private static final class Workers implements ThreadFactory {
    private final AtomicInteger next = new AtomicInteger(1);

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "floe-asset-" + next.getAndIncrement());
      t.setDaemon(true);
      return t;
    }
  }
}
