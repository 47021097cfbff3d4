package dev.floe.catalog.failure;

import static java.util.Objects.requireNonNull;

/**
 * A connection or credential failure, as data: its {@link FailureKind}, the endpoint that failed (a
 * URL, or a file path for token files) and a message. The message and the endpoint never contain a
 * secret value; the cause is kept for diagnosis and comes from code that does not see secret values
 * either (HTTP clients, sockets, file reads).
 *
 * <p>Immutable and thread-safe.
 */
public final class ConnectionFailureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The kind of failure. */
  private final FailureKind kind;

  /** The endpoint or file that failed, as text. */
  private final String endpoint;

  /**
   * A failure of {@code kind} at {@code endpoint}.
   *
   * @param kind what went wrong; not null
   * @param endpoint the URL or file that failed; not null
   * @param message a sentence naming what was attempted, without any secret value; not null
   * @param cause the underlying exception, or null
   */
  public ConnectionFailureException(
      FailureKind kind, String endpoint, String message, Throwable cause) {
    super(requireNonNull(message, "message"), cause);
    this.kind = requireNonNull(kind, "kind");
    this.endpoint = requireNonNull(endpoint, "endpoint");
  }

  /** What went wrong. */
  public FailureKind kind() {
    return kind;
  }

  /** The URL or file that failed. */
  public String endpoint() {
    return endpoint;
  }
}
