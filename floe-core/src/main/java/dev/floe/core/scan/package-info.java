/**
 * Hard-coded credentials: the {@link dev.floe.core.scan.CredentialDetector} and its documented
 * {@link dev.floe.core.scan.CredentialRule}s, the {@link dev.floe.core.scan.RepositoryScanner}
 * behind {@code floe scan}, its {@link dev.floe.core.scan.Baseline} and {@link
 * dev.floe.core.scan.SarifWriter}. API; below the loader, which runs the detector on every
 * floe.yaml value.
 *
 * <p>Conventions of floe's API packages, unless a type says otherwise: arguments must not be null
 * ({@link NullPointerException}), nothing returns null, absent values are {@link
 * java.util.Optional}, collections are unmodifiable, and values are immutable and thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
@NullMarked
package dev.floe.core.scan;

import dev.floe.core.api.Api;
import org.jspecify.annotations.NullMarked;
