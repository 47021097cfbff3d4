/**
 * The configuration model: {@link dev.floe.core.model.FloeSpec} (floe.yaml), {@link
 * dev.floe.core.model.PlatformSpec} (platform.yaml) with its profiles and credential blocks, and
 * the enumerations spelt as in the files ({@link dev.floe.core.model.WireEnum}). The model holds
 * secret references, never secret values. API; depends on nothing else of floe.
 *
 * <p>Conventions of floe's API packages, unless a type says otherwise: arguments must not be null
 * ({@link NullPointerException}), nothing returns null, absent values are {@link
 * java.util.Optional}, collections are unmodifiable, and values are immutable and thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
@NullMarked
package dev.floe.core.model;

import dev.floe.core.api.Api;
import org.jspecify.annotations.NullMarked;
