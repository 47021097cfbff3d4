/**
 * The one JSON layout floe writes everywhere (artifacts, schemas, diagnostics, command output), for
 * modules and tools that write JSON beside floe's. API (experimental); bottom layer, depends on
 * Jackson only.
 *
 * <p>Conventions of floe's API packages, unless a type says otherwise: arguments must not be null
 * ({@link NullPointerException}), nothing returns null, absent values are {@link
 * java.util.Optional}, collections are unmodifiable, and values are immutable and thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
@NullMarked
package dev.floe.core.json;

import dev.floe.core.api.Api;
import org.jspecify.annotations.NullMarked;
