package dev.floe.testing.oauth2;

import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import kotlin.jvm.functions.Function1;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.OAuth2HttpServer;
import no.nav.security.mock.oauth2.http.Ssl;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * The HTTP layer of the OAuth2 server: mock-oauth2-server's Netty server, with every token request
 * recorded on the way through and, while a test asks for it, answered with an error instead of a
 * token.
 */
final class RecordingHttpServer implements OAuth2HttpServer {

  private static final String TOKEN_PATH_SUFFIX = "/token";

  private final MockWebServerWrapper delegate = new MockWebServerWrapper();
  private final Clock clock;
  private final List<TokenEndpointRequest> tokenRequests = new CopyOnWriteArrayList<>();
  private final AtomicInteger refusalStatus = new AtomicInteger();

  RecordingHttpServer(Clock clock) {
    this.clock = clock;
  }

  List<TokenEndpointRequest> tokenRequests() {
    return List.copyOf(tokenRequests);
  }

  void clearTokenRequests() {
    tokenRequests.clear();
  }

  /** Answers token requests with {@code status} from now on; 0 serves tokens again. */
  void refuseTokenRequests(int status) {
    refusalStatus.set(status);
  }

  @Override
  public OAuth2HttpServer start(
      Function1<? super OAuth2HttpRequest, OAuth2HttpResponse> requestHandler) {
    throw new UnsupportedOperationException("the OAuth2 server binds to 127.0.0.1 only");
  }

  @Override
  public OAuth2HttpServer start(
      int port, Function1<? super OAuth2HttpRequest, OAuth2HttpResponse> requestHandler) {
    throw new UnsupportedOperationException("the OAuth2 server binds to 127.0.0.1 only");
  }

  @Override
  public OAuth2HttpServer start(
      InetAddress address,
      int port,
      Function1<? super OAuth2HttpRequest, OAuth2HttpResponse> requestHandler) {
    if (!address.isLoopbackAddress()) {
      throw new IllegalArgumentException("the OAuth2 server binds to loopback only: " + address);
    }
    delegate.start(address, port, request -> handle(request, requestHandler));
    return this;
  }

  private OAuth2HttpResponse handle(
      OAuth2HttpRequest request,
      Function1<? super OAuth2HttpRequest, OAuth2HttpResponse> requestHandler) {
    if (!isTokenRequest(request)) {
      return requestHandler.invoke(request);
    }
    int refusal = refusalStatus.get();
    OAuth2HttpResponse response = refusal == 0 ? requestHandler.invoke(request) : refusal(refusal);
    tokenRequests.add(
        new TokenEndpointRequest(
            formParameter(request.getBody(), "grant_type").orElse(""),
            clientId(request),
            response.getStatus(),
            clock.instant()));
    return response;
  }

  private static boolean isTokenRequest(OAuth2HttpRequest request) {
    return "POST".equalsIgnoreCase(request.getMethod())
        && request.getUrl().encodedPath().endsWith(TOKEN_PATH_SUFFIX);
  }

  private static OAuth2HttpResponse refusal(int status) {
    String body =
        "{\"error\":\"temporarily_unavailable\","
            + "\"error_description\":\"the token endpoint is refusing requests for this test\"}";
    return new OAuth2HttpResponse(
        Headers.of("Content-Type", "application/json;charset=UTF-8"), status, body, null);
  }

  private static Optional<String> clientId(OAuth2HttpRequest request) {
    Optional<String> fromForm = formParameter(request.getBody(), "client_id");
    if (fromForm.isPresent()) {
      return fromForm;
    }
    String authorization = request.getHeaders().get("Authorization");
    if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("basic ")) {
      return Optional.empty();
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      // Only the part before the colon is kept: the rest is the client secret.
      return colon <= 0
          ? Optional.empty()
          : Optional.of(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  private static Optional<String> formParameter(String body, String name) {
    if (body == null || body.isEmpty()) {
      return Optional.empty();
    }
    try {
      for (String pair : body.split("&", -1)) {
        int equals = pair.indexOf('=');
        String key = equals < 0 ? pair : pair.substring(0, equals);
        if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
          return Optional.of(
              equals < 0
                  ? ""
                  : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
      }
      return Optional.empty();
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  @Override
  public OAuth2HttpServer stop() {
    delegate.stop();
    return this;
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public int port() {
    return delegate.port();
  }

  @Override
  public HttpUrl url(String path) {
    return delegate.url(path);
  }

  @Override
  public Ssl sslConfig() {
    return delegate.sslConfig();
  }
}
