/**
 * Tracing and lineage of runs: the {@link dev.floe.runtime.observe.ObservabilityOrchestrator} is
 * the one place that knows OpenTelemetry and OpenLineage. The runtime reports a run and its assets
 * through {@link dev.floe.runtime.observe.RunObserver} and {@link
 * dev.floe.runtime.observe.AssetObserver}; emission is asynchronous and bounded, so an endpoint
 * that refuses, hangs or fails never fails or slows an asset.
 */
@Api(status = Api.Status.INTERNAL)
@NullMarked
package dev.floe.runtime.observe;

import dev.floe.core.api.Api;
import org.jspecify.annotations.NullMarked;
