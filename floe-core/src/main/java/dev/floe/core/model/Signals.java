package dev.floe.core.model;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;

/**
 * Which telemetry signals are on: the one set of flags that platform.yaml, floe.yaml and
 * CompiledArtifacts share. A platform allows signals, a pipeline can only switch them off, and the
 * compiled artifact holds what both leave on. Immutable and thread-safe.
 *
 * @param traces whether OpenTelemetry traces are exported
 * @param metrics whether OpenTelemetry metrics are exported
 * @param lineage whether OpenLineage events are emitted
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record Signals(boolean traces, boolean metrics, boolean lineage) {
  /** Every signal on: the default of both files. */
  public static final Signals ALL = new Signals(true, true, true);

  /**
   * The signals both this and {@code other} leave on.
   *
   * @param other the other flags; not null
   */
  public Signals and(Signals other) {
    requireNonNull(other, "other");
    return new Signals(traces && other.traces, metrics && other.metrics, lineage && other.lineage);
  }
}
