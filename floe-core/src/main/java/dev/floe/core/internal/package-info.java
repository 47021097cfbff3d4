/**
 * floe-core's internal packages: the YAML loader, the schema machinery, the document schemas, the
 * loader and platform discovery, and low-level vocabularies (spelling, hashes, credential masking).
 *
 * <p><b>Internal:</b> public only because other floe packages or modules need it. There is no
 * compatibility promise: anything here may change or go away in any release, and code outside floe
 * must not use it.
 */
@Api(status = Api.Status.INTERNAL)
package dev.floe.core.internal;

import dev.floe.core.api.Api;
