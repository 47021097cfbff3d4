package dev.floe.runtime.observe;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the sampled spans that ended and hands them on to the batch processor: with the exporter's
 * delivered count this gives the spans dropped anywhere (a full queue, a failed export, still
 * queued at the flush deadline). Thread-safe.
 */
final class CountingSpanProcessor implements SpanProcessor {
  private final SpanProcessor delegate;
  private final AtomicLong ended = new AtomicLong();

  CountingSpanProcessor(SpanProcessor delegate) {
    this.delegate = delegate;
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    delegate.onStart(parentContext, span);
  }

  @Override
  public boolean isStartRequired() {
    return delegate.isStartRequired();
  }

  @Override
  public void onEnd(ReadableSpan span) {
    if (span.getSpanContext().isSampled()) {
      ended.incrementAndGet();
    }
    delegate.onEnd(span);
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }

  @Override
  public CompletableResultCode shutdown() {
    return delegate.shutdown();
  }

  @Override
  public CompletableResultCode forceFlush() {
    return delegate.forceFlush();
  }

  long ended() {
    return ended.get();
  }
}
