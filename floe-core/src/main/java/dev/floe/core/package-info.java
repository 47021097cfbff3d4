/**
 * The root of floe-core: {@link dev.floe.core.FloeVersion}, the version of this build.
 *
 * <p>floe-core holds floe's configuration model, loading with positions, diagnostics, the compiler,
 * secret resolution, credential scanning and JSON Schema export; it opens no network connection.
 * Its packages form layers that depend one way (see {@code docs/architecture.md}); packages under
 * {@code dev.floe.core.internal} are not API.
 *
 * <p>Conventions of floe's API packages, unless a type says otherwise: arguments must not be null
 * ({@link NullPointerException}), nothing returns null, absent values are {@link
 * java.util.Optional}, collections are unmodifiable, and values are immutable and thread-safe.
 */
@Api(status = Api.Status.STABLE)
@NullMarked
package dev.floe.core;

import dev.floe.core.api.Api;
import org.jspecify.annotations.NullMarked;
