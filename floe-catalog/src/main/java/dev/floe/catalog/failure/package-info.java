/**
 * Connection and credential failures as data: a {@link dev.floe.catalog.failure.FailureKind}, the
 * endpoint that failed and a message that never contains a secret.
 */
package dev.floe.catalog.failure;
