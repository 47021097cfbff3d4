/**
 * Safe YAML 1.2 loading into immutable nodes with positions, within limits that stop hostile
 * documents, every failure a problem. Depends on {@code diag}.
 *
 * <p><b>Internal:</b> public only because other floe packages or modules need it. There is no
 * compatibility promise: anything here may change or go away in any release, and code outside floe
 * must not use it.
 */
@Api(status = Api.Status.INTERNAL)
package dev.floe.core.internal.yaml;

import dev.floe.core.api.Api;
