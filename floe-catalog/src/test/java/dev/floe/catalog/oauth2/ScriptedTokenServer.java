package dev.floe.catalog.oauth2;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A token endpoint on 127.0.0.1 (the JDK's HTTP server) for fault injection: it answers the
 * scripted replies in order and then issues tokens. Issued tokens are remembered with their expiry
 * according to the server's clock (a virtual clock in simulations), and every request is recorded
 * with the clock time of its arrival.
 */
final class ScriptedTokenServer implements AutoCloseable {

  /** One scripted answer. */
  record Reply(int status, Map<String, String> headers, String body, CountDownLatch hold) {
    static Reply json(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "application/json"), body, null);
    }

    static Reply status(int status) {
      return new Reply(status, Map.of(), "", null);
    }

    static Reply text(int status, String contentType, String body) {
      return new Reply(status, Map.of("Content-Type", contentType), body, null);
    }

    Reply header(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Reply(status, more, body, hold);
    }

    /** Waits for {@code latch} (at most 30 s) before answering. */
    Reply heldBy(CountDownLatch latch) {
      return new Reply(status, headers, body, latch);
    }
  }

  /** A received request. */
  record Received(Instant at, Headers headers, String body) {
    Map<String, String> form() {
      Map<String, String> form = new LinkedHashMap<>();
      for (String pair : body.split("&", -1)) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          form.put(
              URLDecoder.decode(pair.substring(0, eq), UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), UTF_8));
        }
      }
      return form;
    }

    Optional<String> header(String name) {
      return Optional.ofNullable(headers.getFirst(name));
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Clock clock;
  private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Instant> issued = new ConcurrentHashMap<>();
  private final AtomicInteger serial = new AtomicInteger();
  private volatile Optional<Duration> lifetime = Optional.of(Duration.ofHours(1));

  ScriptedTokenServer(Clock clock) {
    this.clock = clock;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/token", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
  }

  ScriptedTokenServer then(Reply... replies) {
    script.addAll(List.of(replies));
    return this;
  }

  /** The {@code expires_in} of issued tokens; empty to leave it out. */
  ScriptedTokenServer lifetime(Optional<Duration> lifetime) {
    this.lifetime = lifetime;
    return this;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  int requests() {
    return received.size();
  }

  /** Whether the server issued {@code token} and it has not expired at {@code at}. */
  boolean valid(String token, Instant at) {
    Instant expiry = issued.get(token);
    return expiry != null && at.isBefore(expiry);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
      Instant at = clock.instant();
      received.add(new Received(at, exchange.getRequestHeaders(), body));
      Reply reply = script.poll();
      if (reply == null) {
        reply = issue(at);
      }
      if (reply.hold() != null) {
        try {
          reply.hold().await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      byte[] bytes = reply.body().getBytes(UTF_8);
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  private Reply issue(Instant at) {
    String token = "token-" + serial.incrementAndGet();
    Optional<Duration> life = lifetime;
    issued.put(token, life.map(at::plus).orElse(Instant.MAX));
    List<String> fields = new ArrayList<>();
    fields.add("\"access_token\":\"" + token + "\"");
    fields.add("\"token_type\":\"Bearer\"");
    life.ifPresent(d -> fields.add("\"expires_in\":" + d.toSeconds()));
    return Reply.json(200, "{" + String.join(",", fields) + "}");
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
