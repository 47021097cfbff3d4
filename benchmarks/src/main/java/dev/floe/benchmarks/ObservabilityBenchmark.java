package dev.floe.benchmarks;

import com.sun.net.httpserver.HttpServer;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.model.AccessDelegation;
import dev.floe.core.model.CatalogProfile;
import dev.floe.core.model.CatalogType;
import dev.floe.core.model.ClassificationSource;
import dev.floe.core.model.ComputeProfile;
import dev.floe.core.model.ComputeType;
import dev.floe.core.model.Credentials;
import dev.floe.core.model.FloeSpec;
import dev.floe.core.model.OtlpProtocol;
import dev.floe.core.model.PlatformObservability;
import dev.floe.core.model.PlatformSource;
import dev.floe.core.model.Signals;
import dev.floe.core.model.StorageProfile;
import dev.floe.core.model.StorageType;
import dev.floe.core.model.StringOrSecret;
import dev.floe.core.secret.SecretResolver;
import dev.floe.runtime.ObservabilityReport;
import dev.floe.runtime.observe.AssetDescriptor;
import dev.floe.runtime.observe.AssetObserver;
import dev.floe.runtime.observe.AssetOutcome;
import dev.floe.runtime.observe.ObservabilityOptions;
import dev.floe.runtime.observe.ObservabilityOrchestrator;
import dev.floe.runtime.observe.RunObserver;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What tracing and lineage cost a run (FR-058): a run of 50 trivial assets driven exactly as the
 * runtime drives the {@link ObservabilityOrchestrator} ({@code startRun}, 50 × {@code
 * asset/makeCurrent/succeeded}, {@code end}, {@code shutdown}, the flush included), with both
 * endpoints off, refusing connections (a closed loopback port), accepting and never answering, or
 * answering 500 — and answering 200 for comparison. {@link #assetOnHealthyEndpoint} is the cost of
 * one asset on its own thread with live endpoints.
 */
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
public class ObservabilityBenchmark {
  static final int ASSETS = 50;

  /** Endpoints of one mode, for the whole trial. */
  @State(Scope.Benchmark)
  public static class Endpoints {
    @Param({"off", "refused", "silent", "error500", "healthy"})
    public String mode;

    final List<Closeable> servers = new ArrayList<>();
    CompiledArtifacts artifacts;
    Path dir;

    @Setup(Level.Trial)
    public void start() throws IOException {
      dir = Files.createTempDirectory("floe-observability-bench");
      if ("off".equals(mode)) {
        artifacts = artifacts(Optional.empty(), Optional.empty());
        return;
      }
      artifacts = artifacts(Optional.of(endpoint(mode)), Optional.of(endpoint(mode)));
    }

    private String endpoint(String mode) throws IOException {
      return switch (mode) {
        case "refused" -> refusing();
        case "silent" -> silent(servers);
        case "error500" -> answering(500, servers);
        case "healthy" -> answering(200, servers);
        default -> throw new IllegalArgumentException(mode);
      };
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
      for (Closeable server : servers) {
        server.close();
      }
    }
  }

  /** A fresh orchestrator per run (created outside the measured time, as the runtime does). */
  @State(Scope.Thread)
  public static class Orchestrator {
    ObservabilityOrchestrator observe;

    @Setup(Level.Invocation)
    public void create(Endpoints endpoints) {
      observe =
          "off".equals(endpoints.mode)
              ? ObservabilityOrchestrator.off()
              : ObservabilityOrchestrator.create(
                  endpoints.artifacts,
                  new SecretResolver(Map.of(), endpoints.dir, List.of()),
                  ObservabilityOptions.DEFAULTS.withProjectDir(endpoints.dir));
    }
  }

  /** One run of 50 assets, shutdown and its flush included. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3, time = 3)
  @Measurement(iterations = 5, time = 3)
  public ObservabilityReport runOf50Assets(Orchestrator orchestrator) {
    return run(orchestrator.observe);
  }

  @SuppressWarnings("try") // the scope is used for its effect: the asset span is current
  static ObservabilityReport run(ObservabilityOrchestrator observe) {
    RunObserver run = observe.startRun(UUID.randomUUID().toString());
    for (int i = 0; i < ASSETS; i++) {
      AssetObserver asset = run.asset(ASSETS_BY_INDEX.get(i));
      try (AssetObserver.Scope scope = asset.makeCurrent()) {
        asset.setAttribute("i", i);
      }
      asset.succeeded(OUTCOME);
    }
    run.end(true, null);
    return observe.shutdown();
  }

  /** A long run on live (healthy) endpoints: the cost of one asset on its own thread. */
  @State(Scope.Benchmark)
  public static class LiveRun {
    @Param({"off", "healthy"})
    public String endpoints;

    final List<Closeable> servers = new ArrayList<>();
    ObservabilityOrchestrator observe;
    RunObserver run;

    @Setup(Level.Trial)
    public void start() throws IOException {
      Path dir = Files.createTempDirectory("floe-observability-bench");
      if ("off".equals(endpoints)) {
        observe = ObservabilityOrchestrator.off();
      } else {
        CompiledArtifacts artifacts =
            artifacts(Optional.of(answering(200, servers)), Optional.of(answering(200, servers)));
        observe =
            ObservabilityOrchestrator.create(
                artifacts,
                new SecretResolver(Map.of(), dir, List.of()),
                ObservabilityOptions.DEFAULTS.withProjectDir(dir));
      }
      run = observe.startRun(UUID.randomUUID().toString());
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
      run.end(true, null);
      ObservabilityReport report = observe.shutdown();
      System.out.println();
      System.out.println("report: " + report);
      for (Closeable server : servers) {
        server.close();
      }
    }
  }

  /** One asset: {@code asset}, {@code makeCurrent}, a span attribute, {@code succeeded}. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  @SuppressWarnings("try") // the scope is used for its effect
  public void assetOnHealthyEndpoint(LiveRun live) {
    AssetObserver asset = live.run.asset(ASSETS_BY_INDEX.get(7));
    try (AssetObserver.Scope scope = asset.makeCurrent()) {
      asset.setAttribute("i", 7);
    }
    asset.succeeded(OUTCOME);
  }

  static final List<AssetDescriptor> ASSETS_BY_INDEX = descriptors();
  static final AssetOutcome OUTCOME =
      new AssetOutcome(OptionalLong.of(1000), Map.of(), Map.of(), Map.of());

  private static List<AssetDescriptor> descriptors() {
    List<AssetDescriptor> list = new ArrayList<>();
    for (int i = 0; i < ASSETS; i++) {
      list.add(
          new AssetDescriptor(
              "asset_" + i,
              Optional.of("bronze"),
              "table",
              "",
              List.of("bronze.raw_" + i),
              List.of("silver.stg_" + i),
              Map.of("owner", "data-eng")));
    }
    return List.copyOf(list);
  }

  static CompiledArtifacts artifacts(Optional<String> otlp, Optional<String> lineage) {
    PlatformObservability observability =
        new PlatformObservability(
            Signals.ALL,
            otlp.map(StringOrSecret::literal),
            OtlpProtocol.HTTP_PROTOBUF,
            lineage.map(StringOrSecret::literal),
            Optional.of("bench"),
            1.0,
            Map.of());
    return new CompiledArtifacts(
        CompiledArtifacts.VERSION,
        new CompiledArtifacts.Metadata(
            "bench", "1.0.0", Instant.EPOCH, "0.1.0", "floe.yaml", "sha256:00", "sha256:00"),
        "local",
        "1.0.0",
        new PlatformSource.BuiltinLocal(),
        new CompiledArtifacts.Resolved<>(
            "default",
            new CatalogProfile(
                CatalogType.JDBC,
                Optional.of(StringOrSecret.literal("jdbc:sqlite:catalog.db")),
                "warehouse",
                "demo",
                AccessDelegation.NONE,
                true,
                Map.of(),
                Credentials.NONE)),
        new CompiledArtifacts.Resolved<>(
            "default",
            new StorageProfile(
                StorageType.LOCAL,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(".floe/warehouse"),
                false,
                Credentials.NONE)),
        new CompiledArtifacts.Resolved<>(
            "default", new ComputeProfile(ComputeType.DUCKDB, Map.of(), Credentials.NONE)),
        observability,
        List.of(),
        List.of(),
        new FloeSpec.Governance(ClassificationSource.DBT_META, true));
  }

  /** A loopback port nothing listens on. */
  static String refusing() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }
  }

  /** A loopback server that accepts connections and never answers. */
  static String silent(List<Closeable> servers) throws IOException {
    ServerSocket socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    List<Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread acceptor =
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
    servers.add(
        () -> {
          socket.close();
          for (Socket s : accepted) {
            s.close();
          }
        });
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  /** A loopback HTTP server answering {@code status} to everything. */
  static String answering(int status, List<Closeable> servers) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
    ExecutorService executor = Executors.newFixedThreadPool(2);
    server.createContext(
        "/",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.setExecutor(executor);
    server.start();
    servers.add(
        () -> {
          server.stop(0);
          executor.shutdownNow();
        });
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }
}
