/**
 * The floe.yaml document: its schema and the conversion between validated trees and {@code
 * FloeSpec}. Depends on {@code internal.schema} and {@code model}.
 *
 * <p><b>Internal:</b> public only because other floe packages or modules need it. There is no
 * compatibility promise: anything here may change or go away in any release, and code outside floe
 * must not use it.
 */
@Api(status = Api.Status.INTERNAL)
package dev.floe.core.internal.pipeline;

import dev.floe.core.api.Api;
