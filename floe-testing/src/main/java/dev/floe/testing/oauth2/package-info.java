/**
 * A real OAuth2/OIDC authorization server on loopback for tests: {@link
 * dev.floe.testing.oauth2.OAuth2Server} wraps {@code no.nav.security:mock-oauth2-server}, binds it
 * to 127.0.0.1 on an ephemeral port, and counts and records the token requests it serves.
 */
package dev.floe.testing.oauth2;
