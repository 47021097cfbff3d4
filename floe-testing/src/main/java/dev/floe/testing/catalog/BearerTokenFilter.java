package dev.floe.testing.catalog;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.iceberg.rest.responses.ErrorResponse;
import org.apache.iceberg.rest.responses.ErrorResponseParser;

/**
 * Stands in front of every route of the catalog: lets through requests with a valid bearer JWT (or
 * every request, when the catalog runs without authentication), answers the others with an Iceberg
 * {@code NotAuthorizedException} 401, and records each request.
 */
final class BearerTokenFilter implements Filter {

  private final Optional<TokenVerifier> verifier;
  private final Clock clock;
  private final List<CatalogRequest> requests = new CopyOnWriteArrayList<>();

  BearerTokenFilter(Optional<TokenVerifier> verifier, Clock clock) {
    this.verifier = verifier;
    this.clock = clock;
  }

  List<CatalogRequest> requests() {
    return List.copyOf(requests);
  }

  void clear() {
    requests.clear();
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest httpRequest = (HttpServletRequest) request;
    HttpServletResponse httpResponse = (HttpServletResponse) response;
    Instant receivedAt = clock.instant();
    TokenVerifier.Verdict verdict =
        verifier
            .map(v -> v.verify(httpRequest.getHeader("Authorization")))
            .orElseGet(
                () ->
                    new TokenVerifier.Verdict(
                        TokenCheck.NOT_CHECKED, Optional.empty(), Optional.empty()));
    if (!verdict.check().admitted()) {
      reject(httpResponse, verdict.reason().orElse("not authorized"));
      record(httpRequest, verdict, HttpServletResponse.SC_UNAUTHORIZED, receivedAt);
      return;
    }
    int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    try {
      chain.doFilter(request, new HeldOpenResponse(httpResponse));
      status = httpResponse.getStatus();
    } finally {
      record(httpRequest, verdict, status, receivedAt);
    }
  }

  /**
   * Keeps the servlet from completing the response by closing its writer (Iceberg's servlet writes
   * through Jackson, which closes it): the client then sees the answer only after the filter has
   * recorded the request, so a test that reads the records right after a call finds it.
   */
  private static final class HeldOpenResponse extends HttpServletResponseWrapper {
    private PrintWriter writer;

    HeldOpenResponse(HttpServletResponse response) {
      super(response);
    }

    @Override
    public synchronized PrintWriter getWriter() throws IOException {
      if (writer == null) {
        writer =
            new PrintWriter(super.getWriter()) {
              @Override
              public void close() {
                flush();
              }
            };
      }
      return writer;
    }
  }

  private void record(
      HttpServletRequest request, TokenVerifier.Verdict verdict, int status, Instant receivedAt) {
    requests.add(
        new CatalogRequest(
            request.getMethod(),
            request.getRequestURI(),
            Optional.ofNullable(request.getQueryString()),
            verdict.check(),
            verdict.subject(),
            verdict.reason(),
            status,
            receivedAt));
  }

  private static void reject(HttpServletResponse response, String reason) throws IOException {
    String body =
        ErrorResponseParser.toJson(
            ErrorResponse.builder()
                .responseCode(HttpServletResponse.SC_UNAUTHORIZED)
                .withType("NotAuthorizedException")
                .withMessage("Not authorized: " + reason)
                .build());
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(body);
  }
}
