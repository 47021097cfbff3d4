package dev.floe.testing.catalog;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One HTTP request the REST catalog server received, as its token filter recorded it.
 *
 * <p>No token or other credential is kept: only the token's subject, so a record may be printed.
 *
 * @param method the HTTP method, for example {@code GET}
 * @param path the request path without the query, for example {@code /v1/namespaces/db/tables}
 * @param query the raw query string, if the request had one
 * @param tokenCheck what the filter concluded about the bearer token
 * @param subject the {@code sub} claim of a valid token; empty otherwise
 * @param reason why the token was rejected, in words; empty for admitted requests
 * @param status the HTTP status of the answer
 * @param receivedAt when the request arrived, by the server's clock
 */
public record CatalogRequest(
    String method,
    String path,
    Optional<String> query,
    TokenCheck tokenCheck,
    Optional<String> subject,
    Optional<String> reason,
    int status,
    Instant receivedAt) {

  /**
   * Checks that every component is present.
   *
   * @param method the HTTP method
   * @param path the request path
   * @param query the raw query string, if any
   * @param tokenCheck the filter's conclusion
   * @param subject the valid token's subject, if any
   * @param reason why the request was rejected, if it was
   * @param status the HTTP status of the answer
   * @param receivedAt the arrival time
   */
  public CatalogRequest {
    requireNonNull(method, "method");
    requireNonNull(path, "path");
    requireNonNull(query, "query");
    requireNonNull(tokenCheck, "tokenCheck");
    requireNonNull(subject, "subject");
    requireNonNull(reason, "reason");
    requireNonNull(receivedAt, "receivedAt");
  }

  /**
   * Tells whether the filter rejected this request with 401.
   *
   * @return {@code true} unless the token was valid or not checked
   */
  public boolean rejected() {
    return !tokenCheck.admitted();
  }
}
