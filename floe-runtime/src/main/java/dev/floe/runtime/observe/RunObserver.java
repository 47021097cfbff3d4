package dev.floe.runtime.observe;

import dev.floe.core.api.Api;
import org.jspecify.annotations.Nullable;

/**
 * One run as tracing and lineage see it: the run span (parent of every asset span) and the
 * pipeline-level lineage run. Thread-safe: assets start on several threads at once. No method ever
 * throws because an endpoint failed.
 */
@Api(status = Api.Status.INTERNAL)
public interface RunObserver {
  /** Starts an asset: its span (child of the run span) and its lineage START event. */
  AssetObserver asset(AssetDescriptor asset);

  /**
   * Ends the run span; {@code failure} is the first asset failure, if any, recorded on the run span
   * with status ERROR when the run failed.
   */
  void end(boolean success, @Nullable Throwable failure);
}
