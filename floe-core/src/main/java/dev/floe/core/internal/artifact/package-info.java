/**
 * The CompiledArtifacts document: its schema, built from the platform and pipeline profile
 * definitions. Depends on {@code internal.platform}, {@code internal.pipeline} and {@code
 * internal.schema}.
 *
 * <p><b>Internal:</b> public only because other floe packages or modules need it. There is no
 * compatibility promise: anything here may change or go away in any release, and code outside floe
 * must not use it.
 */
@Api(status = Api.Status.INTERNAL)
package dev.floe.core.internal.artifact;

import dev.floe.core.api.Api;
