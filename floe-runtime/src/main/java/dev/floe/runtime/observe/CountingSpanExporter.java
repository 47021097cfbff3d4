package dev.floe.runtime.observe;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what the exporter it wraps really delivered, because {@code forceFlush} reports success
 * even when the export failed. The first failed export (refused, timed out, an error answer) opens
 * the circuit: later batches fail at once without a request, so a dead collector costs one timeout
 * per run and nothing piles up. After {@link #close()} nothing is exported any more. Thread-safe.
 */
final class CountingSpanExporter implements SpanExporter {
  private static final Logger LOG = LoggerFactory.getLogger(CountingSpanExporter.class);

  private final @Nullable SpanExporter delegate;
  private final boolean owned;
  private final String endpoint;
  private final AtomicLong delivered = new AtomicLong();
  private volatile boolean answered;
  private volatile boolean circuitOpen;
  private volatile boolean failureSeen;
  private volatile boolean closed;
  private final java.util.concurrent.atomic.AtomicInteger strikes =
      new java.util.concurrent.atomic.AtomicInteger();
  private static final int STRIKES = 3;
  private static final long QUICK_FAILURE_NANOS = 500_000_000L;

  /**
   * @param delegate the exporter, or null when none could be built (every batch fails)
   * @param owned whether shutting this down shuts {@code delegate} down (an exporter given in the
   *     options belongs to the caller, who may still read it)
   * @param endpoint how the endpoint is shown ({@code secret_ref:NAME} for a secret one)
   */
  CountingSpanExporter(@Nullable SpanExporter delegate, boolean owned, String endpoint) {
    this.delegate = delegate;
    this.owned = owned;
    this.answered = !owned && delegate != null;
    this.endpoint = endpoint;
    if (delegate == null) {
      circuitOpen = true;
      failureSeen = true;
    }
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    SpanExporter target = delegate;
    if (target == null || circuitOpen || closed) {
      return CompletableResultCode.ofFailure();
    }
    CompletableResultCode result;
    try {
      result = target.export(spans);
    } catch (RuntimeException e) {
      fail(e.getClass().getSimpleName());
      return CompletableResultCode.ofFailure();
    }
    int count = spans.size();
    result.whenComplete(
        () -> {
          if (result.isSuccess()) {
            answered = true;
            if (!closed) {
              delivered.addAndGet(count);
            }
          } else if (!answered || strikes.incrementAndGet() >= STRIKES) {
            fail("export failed");
          } else {
            // One slow or failed batch of a collector that answered before is not a dead
            // collector: give it a few chances before dropping the rest of the run.
            failureSeen = true;
          }
          if (result.isSuccess()) {
            strikes.set(0);
          }
        });
    return result;
  }

  /**
   * Sends an empty export at once, so that a refusing or failing collector opens the circuit before
   * the first span and a healthy one is known to answer by the time of the flush.
   */
  void probe() {
    SpanExporter target = delegate;
    if (target == null || !owned) {
      return;
    }
    try {
      long start = System.nanoTime();
      CompletableResultCode result = target.export(java.util.List.of());
      result.whenComplete(
          () -> {
            if (result.isSuccess()) {
              answered = true;
            } else if (!answered && System.nanoTime() - start < QUICK_FAILURE_NANOS) {
              // Refused or answered with an error: dead now, open the circuit before any span.
              // Not when a batch sent after the probe has been answered meanwhile (a busy
              // machine, a connection dropped): the endpoint is alive and took the spans.
              fail("the first request failed");
            }
            // A probe that timed out proves nothing on a cold or busy JVM: the first batch
            // decides, and until an answer comes the flush waits only the unanswered deadline.
          });
    } catch (RuntimeException e) {
      fail(e.getClass().getSimpleName());
    }
  }

  /** Whether the endpoint has answered a request with success (an in-process exporter always). */
  boolean answered() {
    return answered;
  }

  /** Whether no more export will be tried. */
  boolean circuitOpen() {
    return circuitOpen;
  }

  private void fail(String reason) {
    failureSeen = true;
    if (!circuitOpen) {
      circuitOpen = true;
      LOG.warn(
          "trace endpoint {} failed ({}); the rest of this run's spans are dropped",
          endpoint,
          reason);
    }
  }

  @Override
  public CompletableResultCode flush() {
    SpanExporter target = delegate;
    return target == null || closed ? CompletableResultCode.ofSuccess() : target.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    SpanExporter target = delegate;
    return target == null || !owned ? CompletableResultCode.ofSuccess() : target.shutdown();
  }

  /** Stops counting and exporting: the report has been made. */
  void stopCounting() {
    closed = true;
  }

  long delivered() {
    return delivered.get();
  }

  boolean failureSeen() {
    return failureSeen;
  }

  String endpoint() {
    return endpoint;
  }
}
