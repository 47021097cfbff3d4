package dev.floe.runtime.observe;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.model.OtlpProtocol;
import dev.floe.core.model.PlatformObservability;
import dev.floe.core.model.StringOrSecret;
import dev.floe.core.secret.ResolvedSetting;
import dev.floe.core.secret.SecretResolver;
import dev.floe.runtime.ObservabilityReport;
import io.openlineage.client.OpenLineage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that knows OpenTelemetry and OpenLineage: for a run and each of its assets it opens
 * spans and emits lineage events, configured only from CompiledArtifacts (never from the
 * environment or a global SDK). Emission is asynchronous and bounded: an asset's thread only
 * records and enqueues, spans go through a bounded {@link BatchSpanProcessor} and lineage events
 * through one daemon thread with a bounded queue; a failing endpoint opens a circuit for the rest
 * of the run, and {@link #shutdown()} waits for the flush at most {@link
 * ObservabilityOptions#flushDeadline()}. Nothing here throws because an endpoint failed.
 *
 * <p>A signal is on when the artifact leaves it on, and has somewhere to go: a configured endpoint
 * (or an exporter or sink given in the options). With no endpoint the signal is off: no exporter is
 * built, nothing is recorded, and the report says {@code enabled=false}.
 *
 * <p>Thread-safe: assets start on several threads at once.
 */
@Api(status = Api.Status.INTERNAL)
public final class ObservabilityOrchestrator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ObservabilityOrchestrator.class);

  static final AttributeKey<String> PIPELINE = AttributeKey.stringKey("floe.pipeline");
  static final AttributeKey<String> ENVIRONMENT = AttributeKey.stringKey("floe.environment");
  static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("floe.run_id");
  static final AttributeKey<String> ASSET_NAME = AttributeKey.stringKey("floe.asset.name");
  static final AttributeKey<String> ASSET_GROUP = AttributeKey.stringKey("floe.asset.group");
  static final AttributeKey<String> ASSET_KIND = AttributeKey.stringKey("floe.asset.kind");
  static final AttributeKey<String> ASSET_DESCRIPTION =
      AttributeKey.stringKey("floe.asset.description");
  static final AttributeKey<java.util.List<String>> ASSET_INPUTS =
      AttributeKey.stringArrayKey("floe.asset.inputs");
  static final AttributeKey<java.util.List<String>> ASSET_OUTPUTS =
      AttributeKey.stringArrayKey("floe.asset.outputs");
  static final AttributeKey<Long> ASSET_ROWS = AttributeKey.longKey("floe.asset.rows");
  static final String METADATA_PREFIX = "floe.asset.metadata.";

  /** The path the OTLP/HTTP exporter posts spans to, appended to the configured endpoint. */
  static final String OTLP_TRACES_PATH = "/v1/traces";

  private static final AssetObserver.Scope NO_SCOPE = () -> {};

  /**
   * The OTLP exporter logs every failed export at SEVERE with a stack trace (java.util.logging);
   * floe reports the failure itself (one warning, and the run summary), so that logger is quieted
   * while floe exports. Held here so that the level is not lost with a collected logger.
   */
  private static final java.util.logging.Logger OTLP_EXPORT_LOG =
      java.util.logging.Logger.getLogger("io.opentelemetry.exporter.internal.http.HttpExporter");

  private final @Nullable Tracing tracing;
  private final @Nullable Lineage lineage;
  private final Tracer tracer;
  private final String pipeline;
  private final String environment;
  private final ObservabilityOptions options;
  private @Nullable ObservabilityReport report;

  private ObservabilityOrchestrator(
      @Nullable Tracing tracing,
      @Nullable Lineage lineage,
      String pipeline,
      String environment,
      ObservabilityOptions options) {
    this.tracing = tracing;
    this.lineage = lineage;
    this.tracer =
        tracing == null
            ? TracerProvider.noop().get("dev.floe.runtime")
            : tracing.provider().get("dev.floe.runtime");
    this.pipeline = pipeline;
    this.environment = environment;
    this.options = options;
  }

  /**
   * An orchestrator for runs of {@code artifacts}: the tracer provider and the lineage emitter are
   * built now, endpoints resolved with {@code secrets}. An endpoint whose secret cannot be resolved
   * or whose exporter cannot be built does not fail the run: its signal drops everything and the
   * report names the endpoint (a warning is logged).
   *
   * @param artifacts the compiled pipeline; its {@code observability} block is the only
   *     configuration read
   * @param secrets resolves endpoints given as {@code secret_ref}
   * @param options time limits, queue sizes and in-process replacements of the exporters
   */
  public static ObservabilityOrchestrator create(
      CompiledArtifacts artifacts, SecretResolver secrets, ObservabilityOptions options) {
    requireNonNull(artifacts, "artifacts");
    requireNonNull(secrets, "secrets");
    requireNonNull(options, "options");
    PlatformObservability config = artifacts.observability();
    String pipeline = artifacts.metadata().name();
    Tracing tracing = null;
    if (config.signals().traces()
        && (options.spanExporter().isPresent() || config.otlpEndpoint().isPresent())) {
      tracing = Tracing.create(artifacts, secrets, options);
    }
    Lineage lineage = null;
    if (config.signals().lineage()
        && artifacts.governance().emitLineage()
        && (options.lineageSink().isPresent() || config.lineageEndpoint().isPresent())) {
      lineage = Lineage.create(artifacts, secrets, options);
    }
    return new ObservabilityOrchestrator(
        tracing, lineage, pipeline, artifacts.environment(), options);
  }

  /** An orchestrator that records nothing; its report is {@link ObservabilityReport#OFF}. */
  public static ObservabilityOrchestrator off() {
    return new ObservabilityOrchestrator(null, null, "", "", ObservabilityOptions.DEFAULTS);
  }

  /**
   * Starts a run: its span {@code floe.run <pipeline>} and the pipeline's lineage START.
   *
   * @param runId the run's id, a UUID string
   * @throws IllegalArgumentException when {@code runId} is not a UUID
   */
  public RunObserver startRun(String runId) {
    UUID id = UUID.fromString(requireNonNull(runId, "runId"));
    if (tracing == null && lineage == null) {
      return OffRun.INSTANCE;
    }
    Span span =
        tracer
            .spanBuilder("floe.run " + pipeline)
            .setNoParent()
            .setAttribute(PIPELINE, pipeline)
            .setAttribute(ENVIRONMENT, environment)
            .setAttribute(RUN_ID, runId)
            .startSpan();
    if (lineage != null) {
      emit(e -> e.runStart(id));
    }
    return new Run(id, runId, span);
  }

  /**
   * Flushes what is queued, stops the exporters and returns what was delivered and dropped. Waits
   * at most {@link ObservabilityOptions#flushDeadline()} for an endpoint that has answered, and at
   * most {@link ObservabilityOptions#unansweredDeadline()} for one that has not answered a single
   * request yet (silent); both signals flush at the same time. Idempotent: later calls return the
   * same report.
   */
  public synchronized ObservabilityReport shutdown() {
    ObservabilityReport done = report;
    if (done != null) {
      return done;
    }
    long start = System.nanoTime();
    long answeredDeadline = start + options.flushDeadline().toNanos();
    long unansweredDeadline = start + options.unansweredDeadline().toNanos();
    Tracing tracing = this.tracing;
    Lineage lineage = this.lineage;
    CompletableResultCode spans =
        tracing == null ? CompletableResultCode.ofSuccess() : tracing.provider().shutdown();
    if (lineage != null) {
      lineage.emitter().beginClose();
    }
    try {
      while (true) {
        long now = System.nanoTime();
        boolean tracesWaiting =
            tracing != null
                && !spans.isDone()
                && now - (tracing.exporter().answered() ? answeredDeadline : unansweredDeadline)
                    < 0;
        boolean lineageWaiting =
            lineage != null
                && !lineage.emitter().finished()
                && now - (lineage.emitter().answered() ? answeredDeadline : unansweredDeadline) < 0;
        if (!tracesWaiting && !lineageWaiting) {
          break;
        }
        if (lineage != null && lineageWaiting) {
          lineage.emitter().awaitFinished(TimeUnit.MILLISECONDS.toNanos(1));
        } else {
          spans.join(1, TimeUnit.MILLISECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ObservabilityReport.Signal traceSignal =
        tracing == null ? ObservabilityReport.Signal.OFF : tracing.signal(spans.isDone());
    ObservabilityReport.Signal lineageSignal =
        lineage == null ? ObservabilityReport.Signal.OFF : lineage.emitter().report();
    done = new ObservabilityReport(traceSignal, lineageSignal);
    report = done;
    return done;
  }

  /** Hands the event {@code event} builds to the emitter, which builds it only when it is kept. */
  private void emit(Function<LineageEvents, OpenLineage.RunEvent> event) {
    Lineage on = lineage;
    if (on != null) {
      on.emitter().submit(() -> event.apply(on.events()));
    }
  }

  /** {@link #shutdown()}. */
  @Override
  public void close() {
    shutdown();
  }

  /** The run observer of an orchestrator with both signals off. */
  private enum OffRun implements RunObserver, AssetObserver {
    INSTANCE;

    @Override
    public AssetObserver asset(AssetDescriptor asset) {
      requireNonNull(asset, "asset");
      return this;
    }

    @Override
    public void end(boolean success, @Nullable Throwable failure) {}

    @Override
    public Scope makeCurrent() {
      return NO_SCOPE;
    }

    @Override
    public void setAttribute(String key, Object value) {}

    @Override
    public void succeeded(AssetOutcome outcome) {}

    @Override
    public void failed(Throwable error) {}
  }

  private final class Run implements RunObserver {
    private final UUID id;
    private final String runId;
    private final Span span;
    private final Context context;
    private final AtomicBoolean ended = new AtomicBoolean();

    Run(UUID id, String runId, Span span) {
      this.id = id;
      this.runId = runId;
      this.span = span;
      this.context = Context.root().with(span);
    }

    @Override
    public AssetObserver asset(AssetDescriptor asset) {
      requireNonNull(asset, "asset");
      AttributesBuilder attributes =
          Attributes.builder()
              .put(PIPELINE, pipeline)
              .put(ENVIRONMENT, environment)
              .put(RUN_ID, runId)
              .put(ASSET_NAME, asset.name())
              .put(ASSET_KIND, asset.kind())
              .put(ASSET_INPUTS, asset.inputs())
              .put(ASSET_OUTPUTS, asset.outputs());
      asset.group().ifPresent(g -> attributes.put(ASSET_GROUP, g));
      if (!asset.description().isEmpty()) {
        attributes.put(ASSET_DESCRIPTION, asset.description());
      }
      asset.metadata().forEach((k, v) -> attributes.put(METADATA_PREFIX + k, v));
      Span assetSpan =
          tracer
              .spanBuilder("floe.asset " + asset.name())
              .setParent(context)
              .setAllAttributes(attributes.build())
              .startSpan();
      LineageEvents.AssetRun lineageRun = null;
      if (lineage != null) {
        SpanContext spanContext = assetSpan.getSpanContext();
        boolean linked = spanContext.isValid() && spanContext.isSampled();
        lineageRun =
            new LineageEvents.AssetRun(
                asset,
                LineageEvents.newRunId(),
                id,
                linked ? spanContext.getTraceId() : null,
                linked ? spanContext.getSpanId() : null);
        LineageEvents.AssetRun started = lineageRun;
        emit(e -> e.assetStart(started));
      }
      return new Asset(assetSpan, lineageRun);
    }

    @Override
    public void end(boolean success, @Nullable Throwable failure) {
      if (!ended.compareAndSet(false, true)) {
        return;
      }
      try {
        if (success) {
          span.setStatus(StatusCode.OK);
        } else {
          if (failure != null) {
            span.recordException(failure);
          }
          span.setStatus(StatusCode.ERROR, "run failed");
        }
        span.end();
        if (lineage != null) {
          Throwable cause =
              success
                  ? null
                  : (failure != null ? failure : new IllegalStateException("run failed"));
          emit(e -> e.runEnd(id, cause));
        }
      } catch (RuntimeException e) {
        LOG.warn("recording the end of run {} failed: {}", runId, e.toString());
      }
    }
  }

  private final class Asset implements AssetObserver {
    private final Span span;
    private final LineageEvents.@Nullable AssetRun lineageRun;
    private final AtomicBoolean ended = new AtomicBoolean();

    Asset(Span span, LineageEvents.@Nullable AssetRun lineageRun) {
      this.span = span;
      this.lineageRun = lineageRun;
    }

    // The OpenTelemetry scope is handed to the caller, who closes it with try-with-resources (the
    // contract of AssetObserver.makeCurrent).
    @SuppressWarnings("MustBeClosedChecker")
    @Override
    public Scope makeCurrent() {
      if (tracing == null) {
        return NO_SCOPE;
      }
      io.opentelemetry.context.Scope scope = span.makeCurrent();
      return scope::close;
    }

    @Override
    public void setAttribute(String key, Object value) {
      requireNonNull(key, "key");
      requireNonNull(value, "value");
      if (value instanceof String s) {
        span.setAttribute(key, s);
      } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
        span.setAttribute(key, ((Number) value).longValue());
      } else if (value instanceof Double || value instanceof Float) {
        span.setAttribute(key, ((Number) value).doubleValue());
      } else if (value instanceof Boolean b) {
        span.setAttribute(key, b);
      } else {
        span.setAttribute(key, String.valueOf(value));
      }
    }

    @Override
    public void succeeded(AssetOutcome outcome) {
      requireNonNull(outcome, "outcome");
      if (!ended.compareAndSet(false, true)) {
        return;
      }
      try {
        outcome.rows().ifPresent(rows -> span.setAttribute(ASSET_ROWS, rows));
        outcome.metadata().forEach((k, v) -> span.setAttribute(METADATA_PREFIX + k, v));
        span.setStatus(StatusCode.OK);
        span.end();
        if (lineage != null && lineageRun != null) {
          LineageEvents.AssetRun done = lineageRun;
          emit(e -> e.assetComplete(done, outcome));
        }
      } catch (RuntimeException e) {
        LOG.warn("recording the success of an asset failed: {}", e.toString());
      }
    }

    @Override
    public void failed(Throwable error) {
      requireNonNull(error, "error");
      if (!ended.compareAndSet(false, true)) {
        return;
      }
      try {
        span.recordException(error);
        span.setStatus(StatusCode.ERROR, error.getClass().getName());
        span.end();
        if (lineage != null && lineageRun != null) {
          LineageEvents.AssetRun done = lineageRun;
          emit(e -> e.assetFail(done, error));
        }
      } catch (RuntimeException e) {
        LOG.warn("recording the failure of an asset failed: {}", e.toString());
      }
    }
  }

  /**
   * The tracing part: the SDK tracer provider, the counting exporter and processor.
   *
   * @param provider the tracer provider
   * @param exporter counts what was delivered
   * @param processor counts what ended
   */
  private record Tracing(
      SdkTracerProvider provider, CountingSpanExporter exporter, CountingSpanProcessor processor) {

    static Tracing create(
        CompiledArtifacts artifacts, SecretResolver secrets, ObservabilityOptions options) {
      PlatformObservability config = artifacts.observability();
      CountingSpanExporter exporter;
      if (options.spanExporter().isPresent()) {
        exporter =
            new CountingSpanExporter(
                options.spanExporter().get(),
                false,
                config.otlpEndpoint().map(ObservabilityOrchestrator::written).orElse("in-process"));
      } else {
        StringOrSecret written = config.otlpEndpoint().orElseThrow();
        exporter = otlp(config, written, secrets, options);
      }
      BatchSpanProcessor batch =
          BatchSpanProcessor.builder(exporter)
              .setMaxQueueSize(options.spanQueueSize())
              .setMaxExportBatchSize(Math.min(options.spanBatchSize(), options.spanQueueSize()))
              .setScheduleDelay(options.spanScheduleDelay())
              .setExporterTimeout(options.exportTimeout())
              .build();
      CountingSpanProcessor processor = new CountingSpanProcessor(batch);
      exporter.probe();
      SdkTracerProvider provider =
          SdkTracerProvider.builder()
              .setResource(resource(artifacts))
              .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(config.sampling())))
              .addSpanProcessor(processor)
              .build();
      return new Tracing(provider, exporter, processor);
    }

    private static CountingSpanExporter otlp(
        PlatformObservability config,
        StringOrSecret written,
        SecretResolver secrets,
        ObservabilityOptions options) {
      String display = written(written);
      Optional<ResolvedSetting> endpoint;
      try {
        endpoint =
            secrets.forObservability(only(config, Optional.of(written), true)).otlpEndpoint();
      } catch (ProblemException e) {
        LOG.warn("traces are dropped: the OTLP endpoint {} cannot be resolved", display);
        return new CountingSpanExporter(null, true, display);
      }
      SpanExporter delegate;
      OTLP_EXPORT_LOG.setLevel(java.util.logging.Level.OFF);
      try {
        String value = endpoint.orElseThrow().reveal();
        if (config.otlpProtocol() == OtlpProtocol.GRPC) {
          delegate =
              OtlpGrpcSpanExporter.builder()
                  .setEndpoint(value)
                  .setTimeout(options.exportTimeout())
                  .setConnectTimeout(options.connectTimeout())
                  .setRetryPolicy(null)
                  .build();
        } else {
          delegate =
              OtlpHttpSpanExporter.builder()
                  .setEndpoint(tracesUrl(value))
                  .setTimeout(options.exportTimeout())
                  .setConnectTimeout(options.connectTimeout())
                  .setRetryPolicy(null)
                  .build();
        }
      } catch (RuntimeException e) {
        // A malformed URL, or grpc without a gRPC sender on the class path. The message may
        // quote the URL, so only the kind of problem is logged.
        LOG.warn(
            "traces are dropped: no {} exporter for {} ({})",
            config.otlpProtocol().wire(),
            display,
            e.getClass().getSimpleName());
        return new CountingSpanExporter(null, true, display);
      }
      return new CountingSpanExporter(delegate, true, display);
    }

    ObservabilityReport.Signal signal(boolean flushed) {
      exporter.stopCounting();
      long delivered = exporter.delivered();
      long dropped = Math.max(0, processor.ended() - delivered);
      boolean failed = exporter.failureSeen() || (!flushed && dropped > 0);
      return new ObservabilityReport.Signal(
          true, delivered, dropped, failed ? Optional.of(exporter.endpoint()) : Optional.empty());
    }
  }

  /**
   * The lineage part.
   *
   * @param events builds events
   * @param emitter sends them
   */
  private record Lineage(LineageEvents events, LineageEmitter emitter) {
    static Lineage create(
        CompiledArtifacts artifacts, SecretResolver secrets, ObservabilityOptions options) {
      PlatformObservability config = artifacts.observability();
      LineageEvents events =
          new LineageEvents(
              options.clock(),
              config.lineageNamespace().orElse(artifacts.metadata().name()),
              artifacts.metadata().name(),
              DatasetNaming.of(artifacts, options.projectDir()));
      String display =
          config.lineageEndpoint().map(ObservabilityOrchestrator::written).orElse("in-process");
      if (options.lineageSink().isPresent()) {
        return new Lineage(
            events,
            new LineageEmitter(options.lineageSink().get(), display, options.lineageQueueSize()));
      }
      StringOrSecret written = config.lineageEndpoint().orElseThrow();
      try {
        ResolvedSetting endpoint =
            secrets
                .forObservability(only(config, Optional.of(written), false))
                .lineageEndpoint()
                .orElseThrow();
        LineageSink sink =
            new HttpLineageSink(
                endpoint.reveal(), options.connectTimeout(), options.exportTimeout());
        return new Lineage(events, new LineageEmitter(sink, display, options.lineageQueueSize()));
      } catch (ProblemException e) {
        LOG.warn("lineage is dropped: the lineage endpoint {} cannot be resolved", display);
      } catch (RuntimeException e) {
        LOG.warn(
            "lineage is dropped: the lineage endpoint {} is not a URL ({})",
            display,
            e.getClass().getSimpleName());
      }
      return new Lineage(events, LineageEmitter.broken(display));
    }
  }

  /** The observability block with only one endpoint, so each resolves (or fails) on its own. */
  private static PlatformObservability only(
      PlatformObservability config, Optional<StringOrSecret> endpoint, boolean otlp) {
    return new PlatformObservability(
        config.signals(),
        otlp ? endpoint : Optional.empty(),
        config.otlpProtocol(),
        otlp ? Optional.empty() : endpoint,
        config.lineageNamespace(),
        config.sampling(),
        Map.of());
  }

  /** How an endpoint is shown: as written, or {@code secret_ref:NAME}; never a resolved secret. */
  static String written(StringOrSecret endpoint) {
    if (endpoint instanceof dev.floe.core.model.SecretRef ref) {
      return ResolvedSetting.Hidden.DISPLAY_PREFIX + ref.name();
    }
    return ((StringOrSecret.Literal) endpoint).value();
  }

  /** {@code endpoint} with {@value #OTLP_TRACES_PATH} added to its path, query kept. */
  static String tracesUrl(String endpoint) {
    URI base = URI.create(endpoint.strip());
    String path = base.getRawPath() == null ? "" : base.getRawPath();
    if (!path.endsWith(OTLP_TRACES_PATH)) {
      path = (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + OTLP_TRACES_PATH;
    }
    String query = base.getRawQuery() == null ? "" : "?" + base.getRawQuery();
    return base.getScheme() + "://" + base.getRawAuthority() + path + query;
  }

  /**
   * The resource of every span: {@code service.name} (the pipeline), {@code service.version},
   * {@code deployment.environment}, then the configured attributes, which win.
   */
  static Resource resource(CompiledArtifacts artifacts) {
    AttributesBuilder attributes =
        Attributes.builder()
            .put("service.name", artifacts.metadata().name())
            .put("service.version", artifacts.metadata().version())
            .put("deployment.environment", artifacts.environment());
    artifacts.observability().attributes().forEach(attributes::put);
    return Resource.getDefault().merge(Resource.create(attributes.build()));
  }
}
