/**
 * Secrets for tests: {@link dev.floe.testing.secret.TestSecretProvider}, a real {@code
 * SecretProvider} holding the values a test gives it.
 */
package dev.floe.testing.secret;
