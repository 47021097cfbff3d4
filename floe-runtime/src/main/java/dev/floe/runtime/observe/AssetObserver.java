package dev.floe.runtime.observe;

import dev.floe.core.api.Api;

/**
 * One asset's span and lineage run, from START to COMPLETE or FAIL. Exactly one of {@link
 * #succeeded} or {@link #failed} is called, once. No method ever throws because an endpoint failed.
 */
@Api(status = Api.Status.INTERNAL)
public interface AssetObserver {
  /** Makes the asset's span current on this thread until the scope is closed. */
  Scope makeCurrent();

  /** Sets a span attribute: {@code String}, {@code Long}, {@code Double} or {@code Boolean}. */
  void setAttribute(String key, Object value);

  /** Ends the span with status OK and emits COMPLETE with the outcome's facets. */
  void succeeded(AssetOutcome outcome);

  /**
   * Records {@code error} on the span, sets status ERROR, ends it and emits FAIL with the error
   * message facet. Called before the runtime rethrows or reports the original exception unchanged.
   */
  void failed(Throwable error);

  /** A scope that is closed without an exception. */
  interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
