/**
 * How a run works inside: asset specifications read from annotated methods ({@link
 * dev.floe.runtime.engine.AssetSpecs}), the checked graph ({@link
 * dev.floe.runtime.engine.AssetGraph}), selections, the resources of a run ({@link
 * dev.floe.runtime.engine.RunResources}) and the scheduler ({@link
 * dev.floe.runtime.engine.RunExecutor}). Internal: use {@link dev.floe.runtime.FloeDefinitions}.
 */
@Api(status = Api.Status.INTERNAL)
@NullMarked
package dev.floe.runtime.engine;

import dev.floe.core.api.Api;
import org.jspecify.annotations.NullMarked;
