package dev.floe.catalog.oauth2;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.floe.catalog.oauth2.OAuth2Exception.Kind;
import dev.floe.core.secret.Secret;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Sends client-credentials token requests, retrying transient failures, and turns the answer into a
 * {@link CachedToken} or an {@link OAuth2Exception}. One refresh at a time per instance (the token
 * manager guarantees it); the random generator is used under this object's lock so that an
 * injected, non-thread-safe generator is safe too.
 */
final class TokenEndpointClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY_BYTES = 1 << 20;
  private static final int MAX_TEXT = 300;

  private final OAuth2Settings settings;
  private final HttpClient http;
  private final Clock clock;
  private final OAuth2TokenManager.Sleeper sleeper;
  private final RandomGenerator random;
  private final Redactor redactor;

  TokenEndpointClient(
      OAuth2Settings settings,
      HttpClient http,
      Clock clock,
      OAuth2TokenManager.Sleeper sleeper,
      RandomGenerator random) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
    this.sleeper = sleeper;
    this.random = random;
    this.redactor = new Redactor(settings.clientId(), settings.clientSecret());
  }

  /** Obtains a token, retrying within the budget of {@link OAuth2Settings#retry()}. */
  CachedToken fetch() {
    RetryPolicy retry = settings.retry();
    Instant start = clock.instant();
    Instant deadline = start.plus(retry.maxElapsed());
    for (int attempt = 1; ; attempt++) {
      Instant sentAt = clock.instant();
      Outcome outcome = attemptOnce();
      if (outcome instanceof Success success) {
        return settings.refresh().schedule(success.token(), sentAt, success.lifetime());
      }
      Failure failure = (Failure) outcome;
      if (!failure.retryable()) {
        throw exception(failure, failure.detail(), attempt);
      }
      Duration elapsed = Duration.between(start, clock.instant());
      if (attempt >= retry.maxAttempts()) {
        throw exception(
            failure,
            failure.detail() + " (" + attempts(attempt) + " in " + text(elapsed) + ")",
            attempt);
      }
      Duration delay =
          failure.retryAfter().isPresent()
              ? failure.retryAfter().get()
              : jitter(retry.backoffCap(attempt));
      if (clock.instant().plus(delay).isAfter(deadline)) {
        String why =
            failure.retryAfter().isPresent()
                ? "the server asked to retry after " + text(delay) + ", beyond the retry budget"
                : "the retry budget of " + text(retry.maxElapsed()) + " is used up";
        throw exception(
            failure,
            failure.detail() + " (" + attempts(attempt) + " in " + text(elapsed) + "; " + why + ")",
            attempt);
      }
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new OAuth2Exception(
            Kind.INTERRUPTED,
            settings.tokenEndpoint(),
            settings.clientId(),
            "interrupted while waiting to retry (" + attempts(attempt) + ")",
            attempt,
            null);
      }
    }
  }

  private Outcome attemptOnce() {
    HttpResponse<byte[]> response;
    try {
      response = http.send(request(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpConnectTimeoutException e) {
      String within = http.connectTimeout().map(d -> " within " + text(d)).orElse(" in time");
      return Failure.retryable(Kind.TIMEOUT, "could not connect" + within, e);
    } catch (HttpTimeoutException e) {
      return Failure.retryable(
          Kind.TIMEOUT, "no answer within " + text(settings.requestTimeout()), e);
    } catch (ConnectException e) {
      return Failure.retryable(Kind.UNREACHABLE, "cannot connect" + reason(e), e);
    } catch (IOException e) {
      return Failure.retryable(
          Kind.UNREACHABLE, "I/O error (" + e.getClass().getSimpleName() + reason(e) + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Failure.fatal(Kind.INTERRUPTED, "interrupted while waiting for the answer", null);
    }
    return answer(response);
  }

  private Outcome answer(HttpResponse<byte[]> response) {
    int status = response.statusCode();
    byte[] body = response.body() == null ? new byte[0] : response.body();
    if (status >= 200 && status < 300) {
      return success(body, response.headers().firstValue("Content-Type"));
    }
    if (status == 400 || status == 401 || status == 403) {
      return Failure.fatal(Kind.AUTHENTICATION, errorOf(body, status), null);
    }
    if (status == 408 || status == 429 || status >= 500) {
      Optional<Duration> retryAfter =
          status == 408
              ? Optional.empty()
              : retryAfter(response.headers().firstValue("Retry-After"));
      String detail = "HTTP " + status + (status == 429 ? " (rate limited)" : "");
      return new Failure(
          status == 408 ? Kind.TIMEOUT : Kind.UNAVAILABLE, detail, true, retryAfter, null);
    }
    return Failure.fatal(Kind.PROTOCOL, "unexpected HTTP " + status, null);
  }

  private Outcome success(byte[] body, Optional<String> contentType) {
    if (body.length > MAX_BODY_BYTES) {
      return Failure.fatal(Kind.PROTOCOL, "the answer is larger than 1 MiB", null);
    }
    JsonNode json = parse(body);
    if (json == null || !json.isObject()) {
      // The parser's message is not kept: it quotes the body, which may hold a token.
      return Failure.fatal(
          Kind.PROTOCOL,
          "the answer is not a JSON object (content type " + contentType.orElse("none") + ")",
          null);
    }
    JsonNode accessToken = json.get("access_token");
    if (accessToken == null || !accessToken.isTextual() || accessToken.asText().isEmpty()) {
      return Failure.fatal(Kind.PROTOCOL, "the answer has no access_token", null);
    }
    JsonNode tokenType = json.get("token_type");
    if (tokenType != null && !tokenType.isNull()) {
      String type = tokenType.asText();
      if (!type.equalsIgnoreCase("bearer")) {
        return Failure.fatal(
            Kind.PROTOCOL,
            "token_type '" + shorten(redact(type)) + "' is not supported (only Bearer)",
            null);
      }
    }
    JsonNode expiresIn = json.get("expires_in");
    Optional<Duration> lifetime = Optional.empty();
    if (expiresIn != null && !expiresIn.isNull()) {
      Optional<Duration> parsed = seconds(expiresIn);
      if (parsed.isEmpty()) {
        return Failure.fatal(
            Kind.PROTOCOL, "expires_in must be a positive number of seconds", null);
      }
      lifetime = parsed;
    }
    return new Success(Secret.of(accessToken.asText()), lifetime);
  }

  private static Optional<Duration> seconds(JsonNode node) {
    double value;
    if (node.isNumber()) {
      value = node.asDouble();
    } else if (node.isTextual() && node.asText().trim().matches("\\d{1,12}")) {
      value = Double.parseDouble(node.asText().trim());
    } else {
      return Optional.empty();
    }
    if (!(value > 0) || value > 1e12) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis((long) (value * 1000)));
  }

  private String errorOf(byte[] body, int status) {
    JsonNode json = parse(body);
    if (json != null && json.isObject()) {
      JsonNode error = json.get("error");
      if (error != null && error.isTextual() && !error.asText().isBlank()) {
        JsonNode description = json.get("error_description");
        String text = shorten(redact(error.asText()));
        if (description != null && description.isTextual() && !description.asText().isBlank()) {
          text += " (" + shorten(redact(description.asText())) + ")";
        }
        return text;
      }
    }
    return "HTTP " + status;
  }

  private static JsonNode parse(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private Optional<Duration> retryAfter(Optional<String> header) {
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String value = header.get().trim();
    if (value.matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(clock.instant(), at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private HttpRequest request() {
    StringBuilder form = new StringBuilder("grant_type=client_credentials");
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(settings.tokenEndpoint())
            .timeout(settings.requestTimeout())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json");
    if (settings.clientAuthentication() == ClientAuthentication.CLIENT_SECRET_BASIC) {
      // RFC 6749 2.3.1: id and secret are form-encoded before they are joined and base64-encoded.
      builder.header("Authorization", "Basic " + redactor.basic().reveal());
    } else {
      form.append("&client_id=").append(encode(settings.clientId()));
      form.append("&client_secret=").append(redactor.encoded().reveal());
    }
    settings.scope().ifPresent(s -> form.append("&scope=").append(encode(s)));
    settings.audience().ifPresent(a -> form.append("&audience=").append(encode(a)));
    return builder.POST(HttpRequest.BodyPublishers.ofString(form.toString(), UTF_8)).build();
  }

  private Duration jitter(Duration cap) {
    long bound = Math.max(1, cap.toMillis() + 1);
    long millis;
    synchronized (this) {
      millis = random.nextLong(bound);
    }
    return Duration.ofMillis(millis);
  }

  private String reason(IOException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? "" : ": " + shorten(redact(message));
  }

  private String redact(String text) {
    return redactor.redact(text);
  }

  private static String shorten(String text) {
    String flat = text.replaceAll("[\\p{Cntrl}]+", " ").strip();
    return flat.length() <= MAX_TEXT ? flat : flat.substring(0, MAX_TEXT) + "…";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, UTF_8);
  }

  private static String attempts(int n) {
    return n == 1 ? "1 attempt" : n + " attempts";
  }

  /** A duration for messages: {@code 250 ms}, {@code 2 s}, {@code 12.4 s}. */
  static String text(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + " s";
    }
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private sealed interface Outcome permits Success, Failure {}

  private record Success(Secret token, Optional<Duration> lifetime) implements Outcome {}

  private record Failure(
      Kind kind, String detail, boolean retryable, Optional<Duration> retryAfter, Throwable cause)
      implements Outcome {

    static Failure retryable(Kind kind, String detail, Throwable cause) {
      return new Failure(kind, detail, true, Optional.empty(), cause);
    }

    static Failure fatal(Kind kind, String detail, Throwable cause) {
      return new Failure(kind, detail, false, Optional.empty(), cause);
    }
  }

  private OAuth2Exception exception(Failure failure, String detail, int attempts) {
    return new OAuth2Exception(
        failure.kind(),
        settings.tokenEndpoint(),
        settings.clientId(),
        detail,
        attempts,
        RedactedCause.of(failure.cause(), redactor));
  }
}
