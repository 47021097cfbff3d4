/**
 * Content hashes ({@code sha256:<hex>}) recorded in artifacts and scan baselines. Bottom layer,
 * depends on nothing.
 *
 * <p><b>Internal:</b> public only because other floe packages or modules need it. There is no
 * compatibility promise: anything here may change or go away in any release, and code outside floe
 * must not use it.
 */
@Api(status = Api.Status.INTERNAL)
package dev.floe.core.internal.digest;

import dev.floe.core.api.Api;
