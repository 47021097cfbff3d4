/**
 * The asset runtime: {@link dev.floe.runtime.FloeAsset} methods, the {@link
 * dev.floe.runtime.AssetContext} they may take, {@link dev.floe.runtime.FloeDefinitions} (the asset
 * graph built from CompiledArtifacts and the class path) and the {@link dev.floe.runtime.RunResult}
 * of a run. Resources (Iceberg catalog, FileIO, compute connections) are injected by parameter
 * type; tracing and lineage happen around every asset without a line of code in it.
 *
 * <p>Conventions, unless a type says otherwise: arguments must not be null, nothing returns null,
 * absent values are {@link java.util.Optional}, collections are unmodifiable.
 */
@Api(status = Api.Status.EXPERIMENTAL)
@NullMarked
package dev.floe.runtime;

import dev.floe.core.api.Api;
import org.jspecify.annotations.NullMarked;
