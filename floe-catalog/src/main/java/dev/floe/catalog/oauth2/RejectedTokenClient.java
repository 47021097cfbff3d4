package dev.floe.catalog.oauth2;

import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.iceberg.rest.ErrorHandler;
import org.apache.iceberg.rest.ParserContext;
import org.apache.iceberg.rest.RESTClient;
import org.apache.iceberg.rest.RESTRequest;
import org.apache.iceberg.rest.RESTResponse;
import org.apache.iceberg.rest.auth.AuthSession;
import org.apache.iceberg.rest.responses.ErrorResponse;

/**
 * A {@link RESTClient} decorator that reports 401 answers to the {@link OAuth2AuthSession} that
 * authenticated the request, so that the rejected token is invalidated and the next request gets a
 * new one. Iceberg's {@link AuthSession} only sees requests, never answers; this decorator is the
 * one place where a 401 is visible before Iceberg turns it into a {@code NotAuthorizedException}.
 * The request itself is not retried: the exception still reaches the caller.
 *
 * <p>Thread-safe when the delegate is.
 */
final class RejectedTokenClient implements RESTClient {
  private static final int UNAUTHORIZED = 401;

  private final RESTClient delegate;
  private final OAuth2AuthSession session;

  RejectedTokenClient(RESTClient delegate) {
    this(delegate, null);
  }

  private RejectedTokenClient(RESTClient delegate, OAuth2AuthSession session) {
    this.delegate = delegate;
    this.session = session;
  }

  @Override
  public RESTClient withAuthSession(AuthSession authSession) {
    if (authSession instanceof OAuth2AuthSession ours) {
      OAuth2AuthSession tracking = ours.tracking();
      return new RejectedTokenClient(delegate.withAuthSession(tracking), tracking);
    }
    return new RejectedTokenClient(delegate.withAuthSession(authSession), null);
  }

  @Override
  public void head(String path, Map<String, String> headers, Consumer<ErrorResponse> errorHandler) {
    try {
      delegate.head(path, headers, watch(errorHandler));
    } finally {
      finished();
    }
  }

  @Override
  public void head(
      String path, Supplier<Map<String, String>> headers, Consumer<ErrorResponse> errorHandler) {
    try {
      delegate.head(path, headers, watch(errorHandler));
    } finally {
      finished();
    }
  }

  @Override
  public <T extends RESTResponse> T delete(
      String path,
      Class<T> responseType,
      Map<String, String> headers,
      Consumer<ErrorResponse> errorHandler) {
    try {
      return delegate.delete(path, responseType, headers, watch(errorHandler));
    } finally {
      finished();
    }
  }

  @Override
  public <T extends RESTResponse> T delete(
      String path,
      Map<String, String> queryParams,
      Class<T> responseType,
      Map<String, String> headers,
      Consumer<ErrorResponse> errorHandler) {
    try {
      return delegate.delete(path, queryParams, responseType, headers, watch(errorHandler));
    } finally {
      finished();
    }
  }

  @Override
  public <T extends RESTResponse> T get(
      String path,
      Map<String, String> queryParams,
      Class<T> responseType,
      Map<String, String> headers,
      Consumer<ErrorResponse> errorHandler) {
    try {
      return delegate.get(path, queryParams, responseType, headers, watch(errorHandler));
    } finally {
      finished();
    }
  }

  @Override
  public <T extends RESTResponse> T get(
      String path,
      Map<String, String> queryParams,
      Class<T> responseType,
      Map<String, String> headers,
      Consumer<ErrorResponse> errorHandler,
      ParserContext parserContext) {
    try {
      return delegate.get(
          path, queryParams, responseType, headers, watch(errorHandler), parserContext);
    } finally {
      finished();
    }
  }

  @Override
  public <T extends RESTResponse> T get(
      String path,
      Map<String, String> queryParams,
      Class<T> responseType,
      Map<String, String> headers,
      Consumer<ErrorResponse> errorHandler,
      Consumer<Map<String, String>> responseHeaders) {
    try {
      return delegate.get(
          path, queryParams, responseType, headers, watch(errorHandler), responseHeaders);
    } finally {
      finished();
    }
  }

  @Override
  public <T extends RESTResponse> T post(
      String path,
      RESTRequest body,
      Class<T> responseType,
      Map<String, String> headers,
      Consumer<ErrorResponse> errorHandler) {
    try {
      return delegate.post(path, body, responseType, headers, watch(errorHandler));
    } finally {
      finished();
    }
  }

  @Override
  public <T extends RESTResponse> T post(
      String path,
      RESTRequest body,
      Class<T> responseType,
      Map<String, String> headers,
      Consumer<ErrorResponse> errorHandler,
      Consumer<Map<String, String>> responseHeaders) {
    try {
      return delegate.post(path, body, responseType, headers, watch(errorHandler), responseHeaders);
    } finally {
      finished();
    }
  }

  @Override
  public <T extends RESTResponse> T post(
      String path,
      RESTRequest body,
      Class<T> responseType,
      Map<String, String> headers,
      Consumer<ErrorResponse> errorHandler,
      Consumer<Map<String, String>> responseHeaders,
      ParserContext parserContext) {
    try {
      return delegate.post(
          path, body, responseType, headers, watch(errorHandler), responseHeaders, parserContext);
    } finally {
      finished();
    }
  }

  @Override
  public <T extends RESTResponse> T postForm(
      String path,
      Map<String, String> formData,
      Class<T> responseType,
      Map<String, String> headers,
      Consumer<ErrorResponse> errorHandler) {
    try {
      return delegate.postForm(path, formData, responseType, headers, watch(errorHandler));
    } finally {
      finished();
    }
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }

  private Consumer<ErrorResponse> watch(Consumer<ErrorResponse> errorHandler) {
    return session == null ? errorHandler : new Watching(errorHandler, session);
  }

  private void finished() {
    if (session != null) {
      session.finished();
    }
  }

  /**
   * Wraps Iceberg's error handler: Iceberg's HTTP client parses error bodies only for {@link
   * ErrorHandler} instances, so the wrapper is one and delegates the parsing.
   */
  private static final class Watching extends ErrorHandler {
    private final Consumer<ErrorResponse> delegate;
    private final OAuth2AuthSession session;

    Watching(Consumer<ErrorResponse> delegate, OAuth2AuthSession session) {
      this.delegate = delegate;
      this.session = session;
    }

    @Override
    public ErrorResponse parseResponse(int code, String json) {
      if (delegate instanceof ErrorHandler handler) {
        return handler.parseResponse(code, json);
      }
      return ErrorResponse.builder().responseCode(code).withMessage(json).build();
    }

    @Override
    public void accept(ErrorResponse error) {
      if (error.code() == UNAUTHORIZED) {
        session.rejected();
      }
      delegate.accept(error);
    }
  }
}
