package dev.floe.testing.catalog;

/**
 * What the catalog's token filter concluded about the bearer token of one request.
 *
 * <p>Only {@link #VALID} and {@link #NOT_CHECKED} requests reach the catalog; every other value is
 * a request the filter answered with 401.
 */
public enum TokenCheck {
  /** A JWT signed by the OAuth2 server's keys, from its issuer, not expired. */
  VALID,
  /** The catalog runs without authentication: the filter let the request through unchecked. */
  NOT_CHECKED,
  /** No {@code Authorization: Bearer} header. */
  MISSING,
  /** A bearer value that is not a signed JWT. */
  MALFORMED,
  /** A JWT whose signature does not verify with the issuer's published keys. */
  BAD_SIGNATURE,
  /** A correctly signed JWT from another issuer. */
  WRONG_ISSUER,
  /** A JWT past its {@code exp} time (no clock skew is allowed). */
  EXPIRED,
  /** A JWT that fails another check: missing {@code exp}, not yet valid, unusable keys. */
  INVALID;

  /**
   * Tells whether the request was let through to the catalog.
   *
   * @return {@code true} for {@link #VALID} and {@link #NOT_CHECKED}
   */
  public boolean admitted() {
    return this == VALID || this == NOT_CHECKED;
  }
}
