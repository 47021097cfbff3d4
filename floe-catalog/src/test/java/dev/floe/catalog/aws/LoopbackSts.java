package dev.floe.catalog.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An STS endpoint on 127.0.0.1 that speaks the Query API as AWS documents it: form-encoded {@code
 * Action=AssumeRole} / {@code AssumeRoleWithWebIdentity} requests, XML {@code AssumeRoleResponse} /
 * {@code AssumeRoleWithWebIdentityResponse} answers with {@code Credentials}, and XML {@code
 * ErrorResponse}s. It records every request and answers from a queue of scripted answers, else with
 * fresh credentials expiring at {@link #expiration}.
 */
public final class LoopbackSts implements AutoCloseable {
  /** One request as received. */
  public record Request(Map<String, String> parameters, Map<String, List<String>> headers) {
    /** The first value of header {@code name} (case-insensitive), or null. */
    public String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  /** An answer: HTTP status and XML body. */
  public record Answer(int status, String body) {}

  /** The prefix of every secret access key this server issues, unique enough to search for. */
  public static final String SECRET_PREFIX = "canary-sts-secret-5f1c";

  /** The prefix of every session token this server issues. */
  public static final String TOKEN_PREFIX = "canary-sts-session-9a7e";

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private final Deque<Answer> scripted = new ArrayDeque<>();
  private volatile Supplier<Instant> expiration;
  private int issued;

  /** Starts the server on an ephemeral port of 127.0.0.1. */
  public LoopbackSts(Supplier<Instant> expiration) throws IOException {
    this.expiration = expiration;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The endpoint to configure as the STS endpoint. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Makes later credentials expire at what {@code expiration} says. */
  public void expireAt(Supplier<Instant> expiration) {
    this.expiration = expiration;
  }

  /** Answers the next request with {@code answer} instead of credentials. */
  public synchronized void answerNext(Answer answer) {
    scripted.add(answer);
  }

  /** The requests received so far. */
  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The access key id of the {@code n}-th issued credentials (1-based). */
  public static String accessKeyId(int n) {
    return "ASIALOOPBACK" + String.format("%08d", n);
  }

  /** The secret access key of the {@code n}-th issued credentials (1-based). */
  public static String secretAccessKey(int n) {
    return SECRET_PREFIX + "-" + n;
  }

  /** The session token of the {@code n}-th issued credentials (1-based). */
  public static String sessionToken(int n) {
    return TOKEN_PREFIX + "-" + n;
  }

  /** An STS {@code ErrorResponse}. */
  public static Answer error(int status, String type, String code, String message) {
    return new Answer(
        status,
        "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n"
            + "  <Error>\n"
            + "    <Type>"
            + type
            + "</Type>\n"
            + "    <Code>"
            + code
            + "</Code>\n"
            + "    <Message>"
            + message
            + "</Message>\n"
            + "  </Error>\n"
            + "  <RequestId>4e6ae4a5-loopback</RequestId>\n"
            + "</ErrorResponse>\n");
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> parameters = parseForm(body);
      Answer answer;
      synchronized (this) {
        requests.add(new Request(parameters, Map.copyOf(exchange.getRequestHeaders())));
        answer = scripted.isEmpty() ? credentials(parameters.get("Action")) : scripted.poll();
      }
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/xml");
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private Answer credentials(String action) {
    int n = ++issued;
    String result = action + "Result";
    String extra =
        "AssumeRoleWithWebIdentity".equals(action)
            ? "    <SubjectFromWebIdentityToken>system:serviceaccount:floe:runner"
                + "</SubjectFromWebIdentityToken>\n"
                + "    <Audience>sts.amazonaws.com</Audience>\n"
                + "    <Provider>https://oidc.example.test/id/1</Provider>\n"
            : "";
    return new Answer(
        200,
        "<"
            + action
            + "Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n"
            + "  <"
            + result
            + ">\n"
            + extra
            + "    <AssumedRoleUser>\n"
            + "      <Arn>arn:aws:sts::123456789012:assumed-role/floe-writer/session</Arn>\n"
            + "      <AssumedRoleId>AROA3XFRBF535PLBIFPI4:session</AssumedRoleId>\n"
            + "    </AssumedRoleUser>\n"
            + "    <Credentials>\n"
            + "      <AccessKeyId>"
            + accessKeyId(n)
            + "</AccessKeyId>\n"
            + "      <SecretAccessKey>"
            + secretAccessKey(n)
            + "</SecretAccessKey>\n"
            + "      <SessionToken>"
            + sessionToken(n)
            + "</SessionToken>\n"
            + "      <Expiration>"
            + expiration.get()
            + "</Expiration>\n"
            + "    </Credentials>\n"
            + "    <PackedPolicySize>6</PackedPolicySize>\n"
            + "  </"
            + result
            + ">\n"
            + "  <ResponseMetadata>\n"
            + "    <RequestId>c6104cbe-af31-11e0-8154-loopback</RequestId>\n"
            + "  </ResponseMetadata>\n"
            + "</"
            + action
            + "Response>\n");
  }

  private static Map<String, String> parseForm(String body) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return parameters;
    }
    for (String pair : body.split("&", -1)) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      parameters.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return parameters;
  }
}
