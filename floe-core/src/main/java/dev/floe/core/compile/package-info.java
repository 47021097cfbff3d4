/**
 * The compiler and its contract: {@link dev.floe.core.compile.Compiler} merges a loaded floe.yaml
 * with a located platform into {@link dev.floe.core.compile.CompiledArtifacts}, which {@link
 * dev.floe.core.compile.ArtifactJson} writes and reads. Never resolves a secret. API; above the
 * loader and the document schemas.
 *
 * <p>Conventions of floe's API packages, unless a type says otherwise: arguments must not be null
 * ({@link NullPointerException}), nothing returns null, absent values are {@link
 * java.util.Optional}, collections are unmodifiable, and values are immutable and thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
@NullMarked
package dev.floe.core.compile;

import dev.floe.core.api.Api;
import org.jspecify.annotations.NullMarked;
