package dev.floe.runtime.observe;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP endpoint on 127.0.0.1 that answers every request with a fixed status and records the
 * paths and bodies, one that accepts connections and never answers, or a port nothing listens on.
 */
abstract class LoopbackEndpoint implements AutoCloseable {
  static {
    // Without it the JDK's server waits for delayed ACKs: milliseconds per exchange on loopback.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  abstract String url();

  @Override
  public abstract void close();

  /** Answers {@code status} to every request, recording it. */
  static Answering answering(int status) {
    return new Answering(status);
  }

  /** Accepts connections and never answers. */
  static Silent silent() {
    return new Silent();
  }

  /** A closed port: connections are refused. */
  static LoopbackEndpoint refusing() {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String url = "http://127.0.0.1:" + port;
    return new LoopbackEndpoint() {
      @Override
      String url() {
        return url;
      }

      @Override
      public void close() {}
    };
  }

  static final class Answering extends LoopbackEndpoint {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();

    Answering(int status) {
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext(
          "/",
          exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
              byte[] body = in.readAllBytes();
              if ("POST".equals(exchange.getRequestMethod())) {
                bodies.add(body);
              }
              paths.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
          });
      server.setExecutor(executor);
      server.start();
    }

    @Override
    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code METHOD /path} of every request. */
    List<String> paths() {
      return List.copyOf(paths);
    }

    /** The paths of the POST requests. */
    List<String> posts() {
      return paths.stream().filter(p -> p.startsWith("POST ")).map(p -> p.substring(5)).toList();
    }

    List<String> texts() {
      return bodies.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    List<byte[]> bodies() {
      return List.copyOf(bodies);
    }

    @Override
    public void close() {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  static final class Silent extends LoopbackEndpoint {
    private final ServerSocket socket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    Silent() {
      try {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      acceptor =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  try {
                    accepted.add(socket.accept());
                  } catch (IOException e) {
                    return;
                  }
                }
              },
              "silent-endpoint");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    @Override
    String url() {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }

    @Override
    public void close() {
      try {
        socket.close();
        for (Socket s : accepted) {
          s.close();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
