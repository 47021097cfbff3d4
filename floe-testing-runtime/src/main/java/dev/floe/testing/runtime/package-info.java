/**
 * JUnit 5 support for testing {@code @FloeAsset} code the way floe tests its own: {@link
 * dev.floe.testing.runtime.FloeTest} gives a test class a {@link
 * dev.floe.testing.runtime.FloeTestProject} (a compiled project on the embedded local platform in a
 * temporary folder), which runs assets with spans and lineage recorded in memory, reads tables back
 * through Iceberg, and asserts on them ({@link dev.floe.testing.runtime.TableAssert}) and on runs
 * ({@link dev.floe.testing.runtime.RunAssert}) with AssertJ.
 *
 * <p>Conventions, unless a type says otherwise: arguments must not be null, nothing returns null,
 * absent values are {@link java.util.Optional}, collections are unmodifiable.
 */
@Api(status = Api.Status.EXPERIMENTAL)
@NullMarked
package dev.floe.testing.runtime;

import dev.floe.core.api.Api;
import org.jspecify.annotations.NullMarked;
