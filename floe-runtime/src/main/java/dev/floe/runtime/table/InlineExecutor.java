package dev.floe.runtime.table;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs each task on the caller's thread, at once. Given to Iceberg's commit ({@code
 * scanManifestsWith}): its parallel path waits for the worker pool's tasks by polling with {@code
 * Thread.sleep(10)}, which cost every commit of a small table 10–20 ms of sleep — most of the
 * commit — while the one or two manifests of a create-or-replace are written faster in place. A
 * commit's manifests are then written by the asset's own thread, one after the other.
 */
final class InlineExecutor extends AbstractExecutorService {
  /** The one instance; it holds no state and never shuts down. */
  static final ExecutorService INSTANCE = new InlineExecutor();

  private InlineExecutor() {}

  @Override
  public void execute(Runnable command) {
    command.run();
  }

  /** Ignored: shared by every commit of the process. */
  @Override
  public void shutdown() {}

  /** Nothing is ever queued, so nothing is returned; shared, so it does not shut down. */
  @Override
  public List<Runnable> shutdownNow() {
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return false;
  }

  @Override
  public boolean isTerminated() {
    return false;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return false;
  }
}
