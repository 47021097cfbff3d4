/**
 * {@link dev.floe.core.load.Loaded}: a validated document with its file name, the position of every
 * value and its hash. API; depends on {@code diag}.
 *
 * <p>Conventions of floe's API packages, unless a type says otherwise: arguments must not be null
 * ({@link NullPointerException}), nothing returns null, absent values are {@link
 * java.util.Optional}, collections are unmodifiable, and values are immutable and thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
@NullMarked
package dev.floe.core.load;

import dev.floe.core.api.Api;
import org.jspecify.annotations.NullMarked;
