package dev.floe.catalog.oauth2;

import dev.floe.core.secret.Secret;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.rest.HTTPHeaders;
import org.apache.iceberg.rest.HTTPHeaders.HTTPHeader;
import org.apache.iceberg.rest.HTTPRequest;
import org.apache.iceberg.rest.ImmutableHTTPRequest;
import org.apache.iceberg.rest.auth.AuthSession;

/**
 * An Iceberg auth session that puts a fresh bearer token from a {@link BearerTokenSource} on every
 * request, replacing any {@code Authorization} header already there. A tracking session (see {@link
 * #tracking()}) also remembers, per thread, the token of the request being sent, so that a 401
 * answer can invalidate exactly that token. Thread-safe; closing it does nothing, because the token
 * manager belongs to its registration.
 */
final class OAuth2AuthSession implements AuthSession {
  private static final String AUTHORIZATION = "Authorization";

  private final BearerTokenSource tokens;
  private final ThreadLocal<Secret> sent;

  OAuth2AuthSession(BearerTokenSource tokens) {
    this(tokens, null);
  }

  private OAuth2AuthSession(BearerTokenSource tokens, ThreadLocal<Secret> sent) {
    this.tokens = tokens;
    this.sent = sent;
  }

  /** A session on the same tokens that remembers the token of each thread's current request. */
  OAuth2AuthSession tracking() {
    return sent != null ? this : new OAuth2AuthSession(tokens, new ThreadLocal<>());
  }

  @Override
  public HTTPRequest authenticate(HTTPRequest request) {
    Secret token = tokens.token();
    if (sent != null) {
      sent.set(token);
    }
    List<HTTPHeader> headers = new ArrayList<>();
    for (HTTPHeader header : request.headers().entries()) {
      if (!header.name().equalsIgnoreCase(AUTHORIZATION)) {
        headers.add(header);
      }
    }
    headers.add(token.use(value -> HTTPHeader.of(AUTHORIZATION, "Bearer " + value)));
    return ImmutableHTTPRequest.builder()
        .from(request)
        .headers(HTTPHeaders.of(headers.toArray(new HTTPHeader[0])))
        .build();
  }

  /** The request this thread is sending was answered 401: its token is invalidated. */
  void rejected() {
    if (sent != null) {
      Secret token = sent.get();
      if (token != null) {
        tokens.invalidate(token);
      }
    }
  }

  /** This thread's request is over: the remembered token is dropped. */
  void finished() {
    if (sent != null) {
      sent.remove();
    }
  }

  @Override
  public void close() {
    // The token manager is owned by whoever registered it.
  }

  @Override
  public String toString() {
    return "OAuth2AuthSession[" + tokens + "]";
  }
}
