/**
 * Finding the platform of an environment: the {@link dev.floe.core.platform.PlatformRequest} a
 * caller makes and the {@link dev.floe.core.platform.LocatedPlatform} it gets. The search itself is
 * internal; {@code dev.floe.core.project.FloeProject} runs it. API; depends on {@code load}, {@code
 * model} and {@code diag}.
 *
 * <p>Conventions of floe's API packages, unless a type says otherwise: arguments must not be null
 * ({@link NullPointerException}), nothing returns null, absent values are {@link
 * java.util.Optional}, collections are unmodifiable, and values are immutable and thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
@NullMarked
package dev.floe.core.platform;

import dev.floe.core.api.Api;
import org.jspecify.annotations.NullMarked;
