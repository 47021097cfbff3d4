package dev.floe.testing.oauth2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain client-credentials client for tests: one form POST with java.net.http. */
public final class TokenClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TokenClient() {}

  /** The answer of the token endpoint: its status and, on success, the parsed JSON body. */
  public record Answer(int status, JsonNode body) {
    /** The access token of a successful answer. */
    public String accessToken() {
      return body.path("access_token").asText();
    }
  }

  /** Posts a client-credentials grant to {@code tokenEndpoint}. */
  public static Answer clientCredentials(URI tokenEndpoint, String clientId, String clientSecret)
      throws IOException, InterruptedException {
    String form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8)
            + "&scope=catalog";
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(tokenEndpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), JSON.readTree(response.body()));
  }

  /** Gets a plain URL and returns the status and body text. */
  public static HttpResponse<String> get(URI uri, String bearerOrNull)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
    if (bearerOrNull != null) {
      request.header("Authorization", "Bearer " + bearerOrNull);
    }
    return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
