package dev.floe.testing.telemetry;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP side shared by the receivers: a JDK {@code HttpServer} on 127.0.0.1, the request
 * counter, the failure modes and waiting for records.
 *
 * <p>All state is guarded by {@link #lock}; subclasses record under it and call {@link #recorded()}
 * so that waiting threads look again.
 */
abstract class LoopbackReceiver implements AutoCloseable {

  /** The largest request body read; larger ones are answered with 413. */
  static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

  private static final int STOP_DELAY_SECONDS = 0;

  /** What the receiver does with the next request. */
  enum Mode {
    /** Decode, record and answer as the real service would. */
    ACCEPT,
    /** Answer with {@link #failureStatus} without recording. */
    RESPOND_WITH,
    /** Read the request and answer only when released (503, connection closed). */
    HANG
  }

  /** An HTTP answer. */
  static final class Answer {
    private final int status;
    private final String contentType;
    private final byte[] body;

    Answer(int status, String contentType, byte[] body) {
      this.status = status;
      this.contentType = contentType;
      this.body = body.clone();
    }

    static Answer text(int status, String text) {
      return new Answer(
          status, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    int status() {
      return status;
    }

    String contentType() {
      return contentType;
    }

    byte[] body() {
      return body.clone();
    }
  }

  /** A request as a subclass sees it: the body is already decompressed. */
  static final class Request {
    private final String method;
    private final String path;
    private final @Nullable String contentType;
    private final byte[] body;

    Request(String method, String path, @Nullable String contentType, byte[] body) {
      this.method = method;
      this.path = path;
      this.contentType = contentType;
      this.body = body.clone();
    }

    String method() {
      return method;
    }

    String path() {
      return path;
    }

    byte[] body() {
      return body.clone();
    }

    /** The media type without parameters, in lower case; empty without a content type. */
    String mediaType() {
      String type = contentType;
      if (type == null) {
        return "";
      }
      int semicolon = type.indexOf(';');
      return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
  }

  /** Guards every field below and every record of the subclasses. */
  protected final Object lock = new Object();

  private final String kind;
  private final AtomicInteger threadNumber = new AtomicInteger();
  private @Nullable ExecutorService executor;
  private @Nullable HttpServer server;
  private int port;
  private boolean started;
  private boolean closed;
  private boolean refusing;
  private Mode mode = Mode.ACCEPT;
  private int failureStatus;
  private long generation;
  private int requests;
  private int hungRequests;

  LoopbackReceiver(String kind) {
    this.kind = kind;
  }

  /**
   * Answers one request in {@link Mode#ACCEPT}: decode, record (under {@link #lock}, then {@link
   * #recorded()}) and return the answer.
   */
  abstract Answer accept(Request request);

  /** Forgets what the subclass recorded; called under {@link #lock}. */
  abstract void clearRecords();

  final void startServer() {
    synchronized (lock) {
      if (started) {
        throw new IllegalStateException("the " + kind + " can be started once");
      }
      started = true;
      executor =
          Executors.newCachedThreadPool(
              daemonThreads(
                  "floe-" + kind.replace(' ', '-') + "-" + System.identityHashCode(this)));
      bind(0);
    }
  }

  private ThreadFactory daemonThreads(String prefix) {
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + threadNumber.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private void bind(int wantedPort) {
    try {
      HttpServer created =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wantedPort), 0);
      created.createContext("/", this::handle);
      created.setExecutor(executor);
      created.start();
      server = created;
      port = created.getAddress().getPort();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the " + kind + " could not listen on 127.0.0.1:" + wantedPort, e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      long seen;
      Mode current;
      int status;
      synchronized (lock) {
        requests++;
        seen = generation;
        current = mode;
        status = failureStatus;
        lock.notifyAll();
      }
      byte[] raw = readAll(exchange.getRequestBody());
      if (raw.length > MAX_BODY_BYTES) {
        send(exchange, Answer.text(413, "the request body is larger than " + MAX_BODY_BYTES));
        return;
      }
      switch (current) {
        case HANG -> {
          hang(seen);
          dropAfterHang(exchange);
        }
        case RESPOND_WITH ->
            send(
                exchange, Answer.text(status, "floe-testing: this " + kind + " answers " + status));
        default -> send(exchange, accept(exchange, raw));
      }
    } finally {
      exchange.close();
    }
  }

  private Answer accept(HttpExchange exchange, byte[] raw) {
    Headers headers = exchange.getRequestHeaders();
    String encoding = headers.getFirst("Content-Encoding");
    byte[] body = raw;
    if (encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding.trim())) {
      if (!"gzip".equalsIgnoreCase(encoding.trim())) {
        return Answer.text(415, "unsupported Content-Encoding: " + encoding);
      }
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
        body = readAll(in);
      } catch (IOException e) {
        return Answer.text(400, "the gzip body cannot be read: " + e.getMessage());
      }
      if (body.length > MAX_BODY_BYTES) {
        return Answer.text(413, "the request body is larger than " + MAX_BODY_BYTES);
      }
    }
    return accept(
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            headers.getFirst("Content-Type"),
            body));
  }

  private void hang(long seen) {
    synchronized (lock) {
      hungRequests++;
      lock.notifyAll();
      try {
        while (generation == seen && !closed) {
          lock.wait();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        if (generation == seen && !closed) {
          hungRequests--; // interrupted; a release has already set the count to 0
        }
      }
    }
    // Closing the exchange without an answer drops the connection.
  }

  /**
   * Ends a held exchange: a 503 with {@code Connection: close}, so that the server closes the
   * connection and a client that still waits (or pooled it) does not reuse it.
   */
  private void dropAfterHang(HttpExchange exchange) {
    try {
      exchange.getResponseHeaders().set("Connection", "close");
      send(exchange, Answer.text(503, "floe-testing: this " + kind + " dropped a held request"));
    } catch (IOException clientGone) {
      // the client gave up first: nothing to tell it
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    int read;
    while ((read = in.read(buffer)) >= 0) {
      total += read;
      if (total <= MAX_BODY_BYTES + 1L) {
        out.write(buffer, 0, read);
      }
    }
    return out.toByteArray();
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    byte[] body = answer.body();
    exchange.getResponseHeaders().set("Content-Type", answer.contentType());
    exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /**
   * Returns the base URI of the receiver.
   *
   * @return {@code http://127.0.0.1:<port>}; the same after {@link #refuse()}
   * @throws IllegalStateException if the receiver has not been started
   */
  public final URI endpoint() {
    synchronized (lock) {
      if (!started) {
        throw new IllegalStateException("the " + kind + " has not been started");
      }
      return URI.create("http://127.0.0.1:" + port);
    }
  }

  /**
   * Returns the port the receiver listens on.
   *
   * @return the port; the same after {@link #refuse()} and {@link #resume()}
   * @throws IllegalStateException if the receiver has not been started
   */
  public final int port() {
    synchronized (lock) {
      if (!started) {
        throw new IllegalStateException("the " + kind + " has not been started");
      }
      return port;
    }
  }

  /**
   * Counts the HTTP requests received since start or the last {@link #reset()}, on every path and
   * in every failure mode (a refused connection is no request).
   *
   * @return the number of requests
   */
  public final int requests() {
    synchronized (lock) {
      return requests;
    }
  }

  /**
   * Counts the requests that are being held by {@link #hang()} right now.
   *
   * @return the number of unanswered requests
   */
  public final int hungRequests() {
    synchronized (lock) {
      return hungRequests;
    }
  }

  /**
   * Waits until at least {@code count} requests are held by {@link #hang()}: the clients that sent
   * them are now waiting for an answer.
   *
   * @param count the number of held requests to wait for
   * @param timeout how long to wait at most
   * @throws AssertionError if fewer were held in time
   */
  public final void awaitHungRequests(int count, Duration timeout) {
    await(
        () -> hungRequests >= count,
        timeout,
        () ->
            "expected at least "
                + count
                + " held requests within "
                + timeout
                + " but "
                + hungRequests
                + " are held");
  }

  /**
   * Answers every request with {@code status} from now on, without recording what it carries.
   *
   * @param status an HTTP status from 200 to 599, for example 500 or 503
   * @throws IllegalArgumentException if the status is out of range
   */
  public final void respondWith(int status) {
    if (status < 200 || status > 599) {
      throw new IllegalArgumentException("an HTTP status from 200 to 599, not " + status);
    }
    synchronized (lock) {
      checkRunning();
      releaseHung();
      mode = Mode.RESPOND_WITH;
      failureStatus = status;
    }
  }

  /**
   * Accepts requests from now on and never answers them, until {@link #respondNormally()}, {@link
   * #reset()} or {@link #close()} ends them (with a 503 and {@code Connection: close}, for a client
   * that still waits): clients run into their timeouts.
   */
  public final void hang() {
    synchronized (lock) {
      checkRunning();
      mode = Mode.HANG;
    }
  }

  /**
   * Leaves {@link #respondWith(int)} or {@link #hang()} (requests held by {@code hang()} are
   * dropped) and records and answers requests again; the records are kept.
   */
  public final void respondNormally() {
    synchronized (lock) {
      checkRunning();
      releaseHung();
      mode = Mode.ACCEPT;
      failureStatus = 0;
    }
  }

  /**
   * Stops listening: new connections are refused (the port is released, and held requests are
   * dropped) until {@link #resume()}.
   */
  public final void refuse() {
    HttpServer stopping;
    synchronized (lock) {
      checkRunning();
      if (refusing) {
        return;
      }
      refusing = true;
      releaseHung();
      stopping = server;
      server = null;
    }
    if (stopping != null) {
      stopping.stop(STOP_DELAY_SECONDS);
    }
  }

  /**
   * Listens again on the same port after {@link #refuse()}; does nothing if not refusing.
   *
   * @throws UncheckedIOException if another process took the port in the meantime
   */
  public final void resume() {
    synchronized (lock) {
      checkRunning();
      if (!refusing) {
        return;
      }
      bind(port);
      refusing = false;
    }
  }

  /**
   * Tells whether the receiver refuses connections ({@link #refuse()}).
   *
   * @return {@code true} between {@link #refuse()} and {@link #resume()}
   */
  public final boolean isRefusing() {
    synchronized (lock) {
      return refusing;
    }
  }

  /**
   * Forgets every record and the request count, and ends every failure mode: held requests are
   * dropped, and a refusing receiver listens again on its port.
   */
  public final void reset() {
    synchronized (lock) {
      checkRunning();
      releaseHung();
      mode = Mode.ACCEPT;
      failureStatus = 0;
      requests = 0;
      clearRecords();
      if (refusing) {
        bind(port);
        refusing = false;
      }
    }
  }

  /**
   * Stops the receiver: held requests are dropped and the port is released. Closing twice, or
   * closing a receiver that never started, does nothing; a closed receiver cannot be started.
   */
  @Override
  public final void close() {
    HttpServer stopping;
    ExecutorService threads;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      started = true;
      releaseHung();
      stopping = server;
      server = null;
      threads = executor;
      executor = null;
    }
    if (stopping != null) {
      stopping.stop(STOP_DELAY_SECONDS);
    }
    if (threads != null) {
      threads.shutdownNow();
    }
  }

  /**
   * Tells whether the receiver is started and not closed (it may be refusing connections).
   *
   * @return {@code true} between start and {@link #close()}
   */
  public final boolean isRunning() {
    synchronized (lock) {
      return started && !closed;
    }
  }

  /** Wakes the threads waiting for records; call under {@link #lock} after recording. */
  final void recorded() {
    lock.notifyAll();
  }

  /**
   * Waits under {@link #lock} until {@code done} is true.
   *
   * @throws AssertionError with {@code failure}'s message when the timeout passes first
   */
  final void await(BooleanSupplier done, Duration timeout, Supplier<String> failure) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (!done.getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(failure.get());
        }
        try {
          lock.wait(Math.max(1, left / 1_000_000), 0);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for the " + kind, e);
        }
      }
    }
  }

  private void releaseHung() {
    generation++;
    hungRequests = 0;
    lock.notifyAll();
  }

  private void checkRunning() {
    if (!started) {
      throw new IllegalStateException("the " + kind + " has not been started");
    }
    if (closed) {
      throw new IllegalStateException("the " + kind + " is closed");
    }
  }

  final String describe() {
    synchronized (lock) {
      String state = !started ? "new" : closed ? "closed" : refusing ? "refusing" : mode.name();
      return kind
          + "["
          + (started ? "http://127.0.0.1:" + port : "not started")
          + ", "
          + state
          + "]";
    }
  }
}
