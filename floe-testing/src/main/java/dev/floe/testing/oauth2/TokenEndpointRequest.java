package dev.floe.testing.oauth2;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One request that reached the token endpoint of an {@link OAuth2Server}, as the server recorded
 * it.
 *
 * <p>Only the grant type and the client id are kept: the client secret, the subject token and every
 * other credential in the request are never recorded, so a record may be printed freely.
 *
 * @param grantType the {@code grant_type} form parameter, for example {@code client_credentials} or
 *     {@code urn:ietf:params:oauth:grant-type:token-exchange}; empty text when the request had none
 * @param clientId the client id from the {@code client_id} form parameter or from HTTP Basic
 *     authentication; empty when the request named no client
 * @param status the HTTP status the server answered with
 * @param receivedAt when the request arrived, by the server's clock
 */
public record TokenEndpointRequest(
    String grantType, Optional<String> clientId, int status, Instant receivedAt) {

  /**
   * Checks that every component is present and that the status is an HTTP status.
   *
   * @param grantType the grant type, or empty text
   * @param clientId the client id, if the request named one
   * @param status the HTTP status of the answer, 100 to 599
   * @param receivedAt the arrival time
   */
  public TokenEndpointRequest {
    requireNonNull(grantType, "grantType");
    requireNonNull(clientId, "clientId");
    requireNonNull(receivedAt, "receivedAt");
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be an HTTP status, got " + status);
    }
  }

  /**
   * Tells whether the server issued a token for this request.
   *
   * @return {@code true} when the server answered 200
   */
  public boolean issued() {
    return status == 200;
  }
}
