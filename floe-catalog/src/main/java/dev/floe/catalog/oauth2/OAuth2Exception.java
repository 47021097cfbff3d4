package dev.floe.catalog.oauth2;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * A token could not be obtained. The failure is data: a {@link #kind()}, the {@link #endpoint()},
 * the {@link #clientId()}, a {@link #detail()} and the number of {@link #attempts()}; the message
 * is {@code <what> for client '<id>' at <endpoint>: <detail>}, for example {@code authentication
 * failed for client 'etl' at https://idp/token: invalid_client (bad secret)}.
 *
 * <p>Neither the message nor the cause ever contains the client secret or a token: text that came
 * from the server or from an I/O error has the secret masked, and causes are copies whose messages
 * were masked the same way (kept for {@code --debug}). Immutable and thread-safe.
 */
public final class OAuth2Exception extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** The endpoint rejected the client (HTTP 400, 401 or 403): a configuration problem. */
    AUTHENTICATION("authentication failed"),
    /** The endpoint could not be reached (connection refused, DNS, TLS, reset). */
    UNREACHABLE("token endpoint unreachable"),
    /** The endpoint did not answer in time. */
    TIMEOUT("token request timed out"),
    /** The endpoint kept answering HTTP 408, 429 or 5xx. */
    UNAVAILABLE("token endpoint unavailable"),
    /** The endpoint answered something that is not a usable token response. */
    PROTOCOL("invalid token response"),
    /** The waiting thread was interrupted. */
    INTERRUPTED("token request interrupted");

    private final String phrase;

    Kind(String phrase) {
      this.phrase = phrase;
    }

    /** The first words of a message of this kind, for example {@code authentication failed}. */
    public String phrase() {
      return phrase;
    }
  }

  private final Kind kind;
  private final URI endpoint;
  private final String clientId;
  private final String detail;
  private final int attempts;

  OAuth2Exception(
      Kind kind, URI endpoint, String clientId, String detail, int attempts, Throwable cause) {
    super(message(kind, endpoint, clientId, detail), cause);
    this.kind = requireNonNull(kind, "kind");
    this.endpoint = requireNonNull(endpoint, "endpoint");
    this.clientId = requireNonNull(clientId, "clientId");
    this.detail = requireNonNull(detail, "detail");
    this.attempts = attempts;
  }

  /** What went wrong; never null. */
  public Kind kind() {
    return kind;
  }

  /** The token endpoint that was asked; never null. */
  public URI endpoint() {
    return endpoint;
  }

  /** The client id that asked; never null. */
  public String clientId() {
    return clientId;
  }

  /**
   * The part of the message after the endpoint, for example {@code invalid_client (bad secret)} or
   * {@code HTTP 503 (5 attempts in 12.4 s)}; never null.
   */
  public String detail() {
    return detail;
  }

  /** How many requests were sent for this failure; 0 when none was. */
  public int attempts() {
    return attempts;
  }

  /** The same failure, thrown again on another thread with this one as its cause. */
  OAuth2Exception rethrown() {
    return new OAuth2Exception(kind, endpoint, clientId, detail, attempts, this);
  }

  /** The endpoint as shown in messages: without query, which could carry parameters. */
  static String display(URI endpoint) {
    String text = endpoint.toString();
    int cut = text.indexOf('?');
    return cut < 0 ? text : text.substring(0, cut);
  }

  private static String message(Kind kind, URI endpoint, String clientId, String detail) {
    return kind.phrase() + " for client '" + clientId + "' at " + display(endpoint) + ": " + detail;
  }
}
