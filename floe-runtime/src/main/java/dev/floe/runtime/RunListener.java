package dev.floe.runtime;

import dev.floe.core.api.Api;

/**
 * Follows a run as it happens, for progress displays. Called from the run's worker threads: an
 * implementation must be thread-safe and quick, and what it throws is ignored.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public interface RunListener {
  /** Ignores everything. */
  RunListener NONE = new RunListener() {};

  /** The run starts with {@code assets} selected assets. */
  default void runStarted(String runId, int assets) {}

  /** An asset starts running. */
  default void assetStarted(String asset) {}

  /** An asset finished, failed or was skipped. */
  default void assetFinished(RunResult.AssetResult result) {}

  /** An asset logged a line. */
  default void log(String asset, Level level, String message) {}

  /** Levels of {@link AssetLog}. */
  enum Level {
    /** Information. */
    INFO,
    /** Something to look at. */
    WARN,
    /** Something went wrong. */
    ERROR
  }
}
