package dev.floe.catalog.storage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few S3 object operations {@code S3FileIO} uses for whole objects (PUT, HEAD, ranged GET,
 * DELETE), path-style, on 127.0.0.1, with every request's headers recorded: enough to see which
 * endpoint, addressing and signature a client uses. It checks no signature; a real S3-compatible
 * server (S3Proxy) belongs to end-to-end tests.
 */
final class LoopbackS3 implements AutoCloseable {
  /** One request as received. */
  record Request(String method, String path, Map<String, List<String>> headers) {
    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

  private final HttpServer server;
  private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
  private final List<Request> requests = new ArrayList<>();

  LoopbackS3() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  byte[] object(String path) {
    return objects.get(path);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      synchronized (this) {
        requests.add(
            new Request(
                exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders())));
      }
      switch (exchange.getRequestMethod()) {
        case "PUT" -> put(exchange, path);
        case "HEAD" -> head(exchange, path);
        case "GET" -> get(exchange, path);
        case "DELETE" -> {
          objects.remove(path);
          exchange.sendResponseHeaders(204, -1);
        }
        default -> exchange.sendResponseHeaders(405, -1);
      }
    }
  }

  private void put(HttpExchange exchange, String path) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String sha = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    boolean chunked =
        (sha != null && sha.startsWith("STREAMING-"))
            || (encoding != null && encoding.contains("aws-chunked"));
    objects.put(path, chunked ? decodeAwsChunked(body) : body);
    exchange.getResponseHeaders().add("ETag", "\"loopback\"");
    exchange.sendResponseHeaders(200, -1);
  }

  private void head(HttpExchange exchange, String path) throws IOException {
    byte[] object = objects.get(path);
    if (object == null) {
      exchange.sendResponseHeaders(404, -1);
      return;
    }
    describe(exchange, object.length);
    exchange.getResponseHeaders().set("Content-Length", Integer.toString(object.length));
    exchange.sendResponseHeaders(200, -1);
  }

  private void get(HttpExchange exchange, String path) throws IOException {
    byte[] object = objects.get(path);
    if (object == null) {
      byte[] error =
          ("<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>"
                  + "</Error>")
              .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(404, error.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(error);
      }
      return;
    }
    int from = 0;
    int to = object.length - 1;
    String range = exchange.getRequestHeaders().getFirst("Range");
    int status = 200;
    if (range != null) {
      Matcher m = RANGE.matcher(range);
      if (m.matches()) {
        from = Integer.parseInt(m.group(1));
        if (!m.group(2).isEmpty()) {
          to = Math.min(to, Integer.parseInt(m.group(2)));
        }
        status = 206;
        exchange
            .getResponseHeaders()
            .add("Content-Range", "bytes " + from + "-" + to + "/" + object.length);
      }
    }
    int length = Math.max(0, to - from + 1);
    describe(exchange, object.length);
    exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
    if (length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(object, from, length);
      }
    }
  }

  private static void describe(HttpExchange exchange, int length) {
    exchange.getResponseHeaders().add("x-loopback-length", Integer.toString(length));
    exchange.getResponseHeaders().add("ETag", "\"loopback\"");
    exchange
        .getResponseHeaders()
        .add(
            "Last-Modified",
            DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
  }

  /** The payload of an {@code aws-chunked} body: {@code <hex>;chunk-signature=…\r\n<data>\r\n}. */
  private static byte[] decodeAwsChunked(byte[] body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = new java.io.ByteArrayInputStream(body);
    while (true) {
      String header = readLine(in);
      int semicolon = header.indexOf(';');
      int size = Integer.parseInt(semicolon < 0 ? header : header.substring(0, semicolon), 16);
      if (size == 0) {
        return out.toByteArray();
      }
      out.write(in.readNBytes(size));
      readLine(in);
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\r') {
        in.read();
        break;
      }
      line.append((char) c);
    }
    return line.toString();
  }
}
