/**
 * {@link dev.floe.core.project.FloeProject}, the main entry point: floe.yaml, its platform and the
 * compiled artifacts in one call. API; the top layer, with {@code secret} and {@code schema} beside
 * it.
 *
 * <p>Conventions of floe's API packages, unless a type says otherwise: arguments must not be null
 * ({@link NullPointerException}), nothing returns null, absent values are {@link
 * java.util.Optional}, collections are unmodifiable, and values are immutable and thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
@NullMarked
package dev.floe.core.project;

import dev.floe.core.api.Api;
import org.jspecify.annotations.NullMarked;
