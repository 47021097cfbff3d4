package dev.floe.runtime.engine;

import dev.floe.core.api.Api;

/**
 * What every asset of a run shares.
 *
 * @param pipeline the pipeline name
 * @param environment the environment
 * @param runId the run id
 * @param defaultNamespace the namespace of table names without one
 */
@Api(status = Api.Status.INTERNAL)
public record RunInfo(String pipeline, String environment, String runId, String defaultNamespace) {}
