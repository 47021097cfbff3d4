/**
 * The stability mark {@link dev.floe.core.api.Api} that every public type of floe's API carries:
 * {@code STABLE}, {@code EXPERIMENTAL} or {@code INTERNAL}. API; depends on nothing.
 */
@Api(status = Api.Status.STABLE)
@NullMarked
package dev.floe.core.api;

import org.jspecify.annotations.NullMarked;
