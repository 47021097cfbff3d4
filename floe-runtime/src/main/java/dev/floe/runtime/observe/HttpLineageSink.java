package dev.floe.runtime.observe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Posts each event to an OpenLineage HTTP endpoint with the JDK's client, on the emitter's thread:
 * connect and request timeouts bound every call, a 5xx answer or an I/O failure is an {@link
 * IOException}, a 4xx answer a {@link LineageSink.RejectedEventException}. The URL may carry a
 * secret (a {@code secret_ref} endpoint): it is held only in the request and never in a message.
 */
final class HttpLineageSink implements LineageSink {
  /** The path of the OpenLineage API, appended to an endpoint given without a path. */
  static final String API_PATH = "/api/v1/lineage";

  private final HttpClient client;
  private final URI uri;
  private final Duration requestTimeout;

  HttpLineageSink(String endpoint, Duration connectTimeout, Duration requestTimeout) {
    this.uri = lineageUri(endpoint);
    this.requestTimeout = requestTimeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** {@code endpoint} with {@value #API_PATH} when it has no path of its own. */
  static URI lineageUri(String endpoint) {
    URI base = URI.create(endpoint.strip());
    String path = base.getRawPath();
    if (path == null || path.isEmpty() || "/".equals(path)) {
      String query = base.getRawQuery() == null ? "" : "?" + base.getRawQuery();
      return URI.create(base.getScheme() + "://" + base.getRawAuthority() + API_PATH + query);
    }
    return base;
  }

  @Override
  public void send(String eventJson) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(eventJson, StandardCharsets.UTF_8))
            .build();
    HttpResponse<Void> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      // The JDK's messages name no URL, but a cause might: keep only the kind of failure.
      throw new IOException("lineage endpoint unreachable: " + e.getClass().getSimpleName());
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    if (status >= 400 && status < 500) {
      throw new RejectedEventException(status);
    }
    throw new IOException("lineage endpoint answered HTTP status " + status);
  }

  /**
   * Asks the endpoint once, before the first event, whether it answers at all: any answer below 500
   * counts (a {@code GET} of the lineage API is often 405), a 5xx or no answer is a failure.
   */
  void probe() throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build();
    HttpResponse<Void> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new IOException("lineage endpoint unreachable: " + e.getClass().getSimpleName());
    }
    if (response.statusCode() >= 500) {
      throw new IOException("lineage endpoint answered HTTP status " + response.statusCode());
    }
  }

  @Override
  public String toString() {
    return "HttpLineageSink";
  }
}
