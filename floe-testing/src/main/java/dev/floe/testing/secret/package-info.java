/**
 * Secrets for tests: {@link dev.floe.testing.secret.TestSecretProvider}, a real {@code
 * SecretProvider} holding the values a test gives it.
 */
@NullMarked
package dev.floe.testing.secret;

import org.jspecify.annotations.NullMarked;
