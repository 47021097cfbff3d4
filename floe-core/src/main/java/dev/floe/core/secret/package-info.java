/**
 * Secrets at run time: the {@link dev.floe.core.secret.Secret} type, which never shows its value,
 * the {@link dev.floe.core.secret.SecretResolver} chain (environment, mounted files, {@link
 * dev.floe.core.secret.SecretProvider}s) and the {@link dev.floe.core.secret.SecretRequirements} of
 * a platform or an artifact. API; above {@code compile}, which never uses it.
 *
 * <p>Conventions of floe's API packages, unless a type says otherwise: arguments must not be null
 * ({@link NullPointerException}), nothing returns null, absent values are {@link
 * java.util.Optional}, collections are unmodifiable, and values are immutable and thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
@NullMarked
package dev.floe.core.secret;

import dev.floe.core.api.Api;
import org.jspecify.annotations.NullMarked;
