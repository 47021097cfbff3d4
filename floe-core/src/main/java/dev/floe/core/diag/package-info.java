/**
 * Diagnostics as data: {@link dev.floe.core.diag.Problem} with its stable {@link
 * dev.floe.core.diag.Code}, {@link dev.floe.core.diag.ProblemException} which carries the problems
 * that stopped an operation and the texts to render them with, positions and field paths, and the
 * text and JSON renderers. API; it depends only on {@code json} and the internal credential mask
 * (renderers mask snippets).
 *
 * <p>Conventions of floe's API packages, unless a type says otherwise: arguments must not be null
 * ({@link NullPointerException}), nothing returns null, absent values are {@link
 * java.util.Optional}, collections are unmodifiable, and values are immutable and thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
@NullMarked
package dev.floe.core.diag;

import dev.floe.core.api.Api;
import org.jspecify.annotations.NullMarked;
