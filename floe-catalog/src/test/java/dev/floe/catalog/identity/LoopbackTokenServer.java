package dev.floe.catalog.identity;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An OAuth token endpoint on 127.0.0.1 that records every form it receives and answers from a queue
 * of scripted answers, else with a fresh {@code access_token} of {@link #lifetimeSeconds} seconds:
 * the shape of Google's STS and Microsoft Entra ID token answers.
 */
public final class LoopbackTokenServer implements AutoCloseable {
  /** One request as received. */
  public record Request(String path, String contentType, Map<String, String> form) {}

  /** An answer: HTTP status, content type and body. */
  public record Answer(int status, String contentType, String body) {
    /** A JSON answer. */
    public static Answer json(int status, String body) {
      return new Answer(status, "application/json", body);
    }
  }

  /** The prefix of every access token this server issues. */
  public static final String TOKEN_PREFIX = "canary-access-token-c41b";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Request> requests = new ArrayList<>();
  private final Deque<Answer> scripted = new ArrayDeque<>();
  private volatile String lifetimeSeconds = "3600";
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private int issued;

  /** Starts the server on an ephemeral port of 127.0.0.1. */
  public LoopbackTokenServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The URL of {@code path} on this server. */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** Later tokens get {@code expires_in} set to {@code seconds} as JSON (a number or a string). */
  public void lifetime(String seconds) {
    this.lifetimeSeconds = seconds;
  }

  /** Answers the next request with {@code answer}. */
  public synchronized void answerNext(Answer answer) {
    scripted.add(answer);
  }

  /** Holds every answer until {@link #release()}. */
  public void hold() {
    gate = new CountDownLatch(1);
  }

  /** Lets held answers go. */
  public void release() {
    gate.countDown();
  }

  /** The requests received so far. */
  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The {@code n}-th access token issued (1-based). */
  public static String accessToken(int n) {
    return TOKEN_PREFIX + "-" + n;
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Answer answer;
      synchronized (this) {
        requests.add(
            new Request(
                exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                parseForm(body)));
        answer =
            scripted.isEmpty()
                ? Answer.json(
                    200,
                    "{\"access_token\":\""
                        + accessToken(++issued)
                        + "\",\"issued_token_type\":"
                        + "\"urn:ietf:params:oauth:token-type:access_token\","
                        + "\"token_type\":\"Bearer\",\"expires_in\":"
                        + lifetimeSeconds
                        + "}")
                : scripted.poll();
      }
      try {
        gate.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", answer.contentType());
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  private static Map<String, String> parseForm(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return form;
    }
    for (String pair : body.split("&", -1)) {
      int eq = pair.indexOf('=');
      form.put(
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return form;
  }
}
