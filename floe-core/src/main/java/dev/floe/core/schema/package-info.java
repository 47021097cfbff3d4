/**
 * {@link dev.floe.core.schema.JsonSchemaExporter}: the published JSON Schemas of platform.yaml,
 * floe.yaml and CompiledArtifacts. API; the top layer, above every document schema.
 *
 * <p>Conventions of floe's API packages, unless a type says otherwise: arguments must not be null
 * ({@link NullPointerException}), nothing returns null, absent values are {@link
 * java.util.Optional}, collections are unmodifiable, and values are immutable and thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
@NullMarked
package dev.floe.core.schema;

import dev.floe.core.api.Api;
import org.jspecify.annotations.NullMarked;
