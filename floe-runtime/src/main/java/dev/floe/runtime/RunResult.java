package dev.floe.runtime;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The outcome of a run: one {@link AssetResult} per selected asset, in the order they were
 * scheduled, and how tracing and lineage fared.
 *
 * @param pipeline the pipeline name
 * @param environment the environment of the compiled artifact
 * @param runId the run's id (a UUID)
 * @param status {@link Status#SUCCESS} when every selected asset succeeded
 * @param startedAt when the run started
 * @param duration how long it took, observability shutdown included
 * @param assets every selected asset
 * @param observability delivered and dropped spans and lineage events
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record RunResult(
    String pipeline,
    String environment,
    String runId,
    Status status,
    Instant startedAt,
    Duration duration,
    List<AssetResult> assets,
    ObservabilityReport observability) {

  public RunResult {
    requireNonNull(pipeline, "pipeline");
    requireNonNull(environment, "environment");
    requireNonNull(runId, "runId");
    requireNonNull(status, "status");
    requireNonNull(startedAt, "startedAt");
    requireNonNull(duration, "duration");
    assets = List.copyOf(assets);
    requireNonNull(observability, "observability");
  }

  /** Whether every selected asset succeeded. */
  public boolean succeeded() {
    return status == Status.SUCCESS;
  }

  /** The result of the asset {@code name}, if it was selected. */
  public Optional<AssetResult> asset(String name) {
    return assets.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** The outcome of a run. */
  public enum Status {
    /** Every selected asset succeeded. */
    SUCCESS,
    /** At least one asset failed (its downstream assets were skipped). */
    FAILED;

    /** As written in the run document: {@code success}, {@code failed}. */
    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The outcome of one asset. */
  public enum AssetStatus {
    /** It ran and returned normally. */
    SUCCESS,
    /** It threw. */
    FAILED,
    /** It did not run because an upstream asset failed. */
    SKIPPED;

    /** As written in the run document: {@code success}, {@code failed}, {@code skipped}. */
    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One asset of a run.
   *
   * @param name the asset name
   * @param group its group, if any
   * @param status what happened
   * @param duration how long it ran (zero when skipped)
   * @param rows rows written, when known: its {@link MaterializeResult} or what the table helpers
   *     wrote
   * @param outputs the tables it writes
   * @param metadata what it reported
   * @param error why it failed or was skipped, one line
   * @param failure the exception it threw, unchanged (never in the run document)
   */
  public record AssetResult(
      String name,
      Optional<String> group,
      AssetStatus status,
      Duration duration,
      OptionalLong rows,
      List<String> outputs,
      Map<String, String> metadata,
      Optional<String> error,
      Optional<Throwable> failure) {
    public AssetResult {
      requireNonNull(name, "name");
      requireNonNull(group, "group");
      requireNonNull(status, "status");
      requireNonNull(duration, "duration");
      requireNonNull(rows, "rows");
      outputs = List.copyOf(outputs);
      metadata = Map.copyOf(metadata);
      requireNonNull(error, "error");
      requireNonNull(failure, "failure");
    }
  }
}
