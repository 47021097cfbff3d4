package dev.floe.catalog.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.floe.catalog.failure.ConnectionFailureException;
import dev.floe.catalog.failure.FailureKind;
import dev.floe.core.secret.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Posts a form to an OAuth token endpoint and reads the token response ({@code access_token},
 * {@code token_type}, {@code expires_in}). Errors become {@link ConnectionFailureException}s whose
 * text has every given secret masked.
 */
final class TokenEndpoint {
  /** The lifetime assumed when a token response has no {@code expires_in}: short, to be safe. */
  static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final int MAX_RESPONSE_BYTES = 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final Clock clock;

  TokenEndpoint(HttpClient http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  /**
   * Posts {@code form} to {@code endpoint} and returns the token it answers.
   *
   * @param what what is being done, for messages ("exchange … for a GCP access token")
   * @param secrets values to mask in any text taken from the answer
   */
  AccessToken post(URI endpoint, Map<String, String> form, String what, List<Secret> secrets) {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    Instant sent = clock.instant();
    HttpResponse<InputStream> response;
    String text;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      text = readBounded(response.body(), endpoint, what);
    } catch (IOException e) {
      FailureKind kind = FailureKind.of(e).orElse(FailureKind.PROTOCOL);
      String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new ConnectionFailureException(
          kind,
          endpoint.toString(),
          "cannot "
              + what
              + " at "
              + endpoint
              + ": "
              + describe(kind)
              + " ("
              + mask(detail, secrets)
              + ")",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectionFailureException(
          FailureKind.TIMEOUT,
          endpoint.toString(),
          "cannot " + what + " at " + endpoint + ": interrupted while waiting for the answer",
          e);
    }
    int status = response.statusCode();
    if (status >= 400) {
      throw errorAnswer(endpoint, what, status, text, secrets);
    }
    if (status != 200) {
      throw protocol(endpoint, what, "answered HTTP " + status + " instead of 200");
    }
    return parse(endpoint, what, text, sent);
  }

  private AccessToken parse(URI endpoint, String what, String text, Instant sent) {
    JsonNode json;
    try {
      json = JSON.readTree(text);
    } catch (IOException e) {
      throw protocol(endpoint, what, "the answer is not JSON");
    }
    if (json == null || !json.isObject()) {
      throw protocol(endpoint, what, "the answer is not a JSON object");
    }
    JsonNode accessToken = json.get("access_token");
    if (accessToken == null || !accessToken.isTextual() || accessToken.asText().isEmpty()) {
      throw protocol(endpoint, what, "the answer has no access_token");
    }
    JsonNode tokenType = json.get("token_type");
    String type =
        tokenType != null && tokenType.isTextual() && !tokenType.asText().isBlank()
            ? tokenType.asText()
            : "Bearer";
    Duration lifetime = lifetime(json.get("expires_in")).orElse(DEFAULT_LIFETIME);
    return new AccessToken(Secret.of(accessToken.asText()), type, Optional.of(sent.plus(lifetime)));
  }

  /** {@code expires_in} in seconds, as a number or (as some Azure endpoints send it) a string. */
  private static Optional<Duration> lifetime(JsonNode expiresIn) {
    if (expiresIn == null) {
      return Optional.empty();
    }
    long seconds;
    if (expiresIn.isNumber()) {
      seconds = expiresIn.asLong();
    } else if (expiresIn.isTextual() && expiresIn.asText().matches("\\d{1,12}")) {
      seconds = Long.parseLong(expiresIn.asText());
    } else {
      return Optional.empty();
    }
    return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
  }

  private static ConnectionFailureException errorAnswer(
      URI endpoint, String what, int status, String text, List<Secret> secrets) {
    String code = "no error code";
    String description = "";
    try {
      JsonNode json = JSON.readTree(text);
      if (json != null && json.isObject()) {
        JsonNode error = json.get("error");
        if (error != null && error.isTextual()) {
          code = error.asText();
        }
        JsonNode errorDescription = json.get("error_description");
        if (errorDescription != null && errorDescription.isTextual()) {
          description = errorDescription.asText();
        }
      }
    } catch (IOException e) {
      // Not JSON (a proxy's HTML page): the status says enough.
      code = "no error code";
    }
    FailureKind kind;
    if (status == 400 || status == 401 || status == 403) {
      kind = FailureKind.AUTHENTICATION;
    } else if (status == 404) {
      kind = FailureKind.NOT_FOUND;
    } else {
      kind = FailureKind.PROTOCOL;
    }
    String message =
        "cannot "
            + what
            + " at "
            + endpoint
            + ": "
            + code
            + " (HTTP "
            + status
            + ")"
            + (description.isBlank() ? "" : ": " + mask(description, secrets));
    return new ConnectionFailureException(kind, endpoint.toString(), message, null);
  }

  private static ConnectionFailureException protocol(URI endpoint, String what, String problem) {
    return new ConnectionFailureException(
        FailureKind.PROTOCOL,
        endpoint.toString(),
        "cannot " + what + " at " + endpoint + ": " + problem,
        null);
  }

  private static String readBounded(InputStream body, URI endpoint, String what)
      throws IOException {
    try (InputStream in = body) {
      byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
      if (bytes.length > MAX_RESPONSE_BYTES) {
        throw protocol(endpoint, what, "the answer is larger than 1 MiB");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static String describe(FailureKind kind) {
    return switch (kind) {
      case REFUSED -> "connection refused";
      case TIMEOUT -> "no answer in time";
      case TLS -> "TLS handshake failed";
      case NOT_FOUND -> "host not found";
      case AUTHENTICATION -> "not allowed";
      case PROTOCOL -> "unexpected answer";
    };
  }

  private static String mask(String text, List<Secret> secrets) {
    return Secret.redact(text, secrets);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
