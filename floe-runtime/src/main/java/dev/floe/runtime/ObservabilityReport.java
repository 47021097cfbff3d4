package dev.floe.runtime;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import java.util.Optional;

/**
 * How tracing and lineage fared in a run: what was delivered, what was dropped, and which endpoint
 * failed. A failing endpoint never fails a run; it shows up here.
 *
 * @param traces spans
 * @param lineage OpenLineage events
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record ObservabilityReport(Signal traces, Signal lineage) {
  /** Both signals off. */
  public static final ObservabilityReport OFF = new ObservabilityReport(Signal.OFF, Signal.OFF);

  public ObservabilityReport {
    requireNonNull(traces, "traces");
    requireNonNull(lineage, "lineage");
  }

  /**
   * One signal's counts.
   *
   * @param enabled whether the signal was on for the run
   * @param delivered spans exported or events emitted (acknowledged by the endpoint; with no
   *     endpoint, recorded locally)
   * @param dropped spans or events given up (queue full, endpoint refused, timed out, errored)
   * @param failedEndpoint the endpoint that failed, as configured ({@code secret_ref:NAME} when the
   *     endpoint is a secret)
   */
  public record Signal(
      boolean enabled, long delivered, long dropped, Optional<String> failedEndpoint) {
    /** A signal that was off. */
    public static final Signal OFF = new Signal(false, 0, 0, Optional.empty());

    public Signal {
      requireNonNull(failedEndpoint, "failedEndpoint");
    }
  }
}
