package dev.floe.catalog.oauth2;

/**
 * How the client authenticates itself to the token endpoint (RFC 6749, section 2.3.1).
 *
 * <p>{@link #CLIENT_SECRET_POST} is the default because it is what the Iceberg REST specification
 * describes for {@code /v1/oauth/tokens} ({@code client_id} and {@code client_secret} are form
 * fields of the token request) and what Iceberg's own client sends, so every Iceberg REST catalog
 * (Polaris, Gravitino, Lakekeeper, the reference server) accepts it. Identity providers that insist
 * on HTTP Basic authentication (RFC 6749 says servers must support it) are served by {@link
 * #CLIENT_SECRET_BASIC}.
 */
public enum ClientAuthentication {
  /** {@code client_id} and {@code client_secret} as form fields of the request body. */
  CLIENT_SECRET_POST,
  /**
   * An {@code Authorization: Basic} header holding the form-encoded client id and secret, as RFC
   * 6749 section 2.3.1 prescribes; the body carries neither.
   */
  CLIENT_SECRET_BASIC
}
