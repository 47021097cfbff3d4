/**
 * OAuth2 client-credentials tokens for catalogs: {@link dev.floe.catalog.oauth2.OAuth2TokenManager}
 * obtains, caches and refreshes bearer tokens ahead of expiry, retrying transient failures within a
 * bounded budget; {@link dev.floe.catalog.oauth2.OAuth2AuthManager} hands them to Iceberg's REST
 * client through its {@code AuthManager} SPI, so that Iceberg never sees the client secret.
 *
 * <p>The configuration is {@link dev.floe.catalog.oauth2.OAuth2Settings}; failures are {@link
 * dev.floe.catalog.oauth2.OAuth2Exception}s whose {@link
 * dev.floe.catalog.oauth2.OAuth2Exception.Kind kind} says what went wrong. No type here shows a
 * secret or a token in its {@code toString}, message or cause.
 */
package dev.floe.catalog.oauth2;
