package dev.floe.catalog.failure;

import static java.util.Objects.requireNonNull;

import java.io.FileNotFoundException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * What went wrong when floe reached for a credential or an endpoint: the classification a caller
 * branches on (retry a timeout, report a refused connection, stop on an authentication failure).
 */
public enum FailureKind {
  /** Nothing listens at the endpoint, or the route to it is closed. */
  REFUSED,
  /** The endpoint did not answer in time. */
  TIMEOUT,
  /** The TLS handshake failed: certificate, trust store or protocol version. */
  TLS,
  /** The endpoint answered and refused the credential (wrong, expired, not allowed). */
  AUTHENTICATION,
  /** The endpoint, host, file or resource does not exist. */
  NOT_FOUND,
  /** The endpoint answered with something that is not what its protocol promises. */
  PROTOCOL;

  /**
   * The kind of a low-level failure, found by walking {@code failure}'s cause chain: TLS errors,
   * refused connections, timeouts and missing hosts or files are recognised; the first recognised
   * cause wins.
   *
   * @param failure the exception thrown by an HTTP client, socket or file read; not null
   * @return the kind, or empty when nothing in the chain is recognised
   */
  public static Optional<FailureKind> of(Throwable failure) {
    requireNonNull(failure, "failure");
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      Optional<FailureKind> kind = ofOne(t);
      if (kind.isPresent()) {
        return kind;
      }
    }
    return Optional.empty();
  }

  private static Optional<FailureKind> ofOne(Throwable t) {
    if (t instanceof SSLException) {
      return Optional.of(TLS);
    }
    if (t instanceof HttpConnectTimeoutException || t instanceof HttpTimeoutException) {
      return Optional.of(TIMEOUT);
    }
    if (t instanceof ConnectException
        || t instanceof NoRouteToHostException
        || t instanceof PortUnreachableException) {
      return Optional.of(REFUSED);
    }
    if (t instanceof UnknownHostException
        || t instanceof NoSuchFileException
        || t instanceof FileNotFoundException) {
      return Optional.of(NOT_FOUND);
    }
    if (t instanceof AccessDeniedException) {
      return Optional.of(AUTHENTICATION);
    }
    // SocketTimeoutException and the SDKs' own timeouts are InterruptedIOExceptions; a plain
    // InterruptedIOException is an interrupted read, which is a timeout for the caller as well.
    if (t instanceof InterruptedIOException) {
      return Optional.of(TIMEOUT);
    }
    return Optional.empty();
  }
}
