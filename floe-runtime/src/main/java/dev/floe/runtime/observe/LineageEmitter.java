package dev.floe.runtime.observe;

import dev.floe.runtime.ObservabilityReport;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClientUtils;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits lineage events off the assets' threads, like OpenTelemetry's {@code BatchSpanProcessor}:
 * {@link #submit} only offers to a bounded queue (a full queue drops the event and counts it), and
 * one daemon thread serialises each event and hands it to the {@link LineageSink}. After the sink
 * fails (refused, timed out, 5xx) the circuit opens: nothing more is sent in this run, and every
 * later event is dropped at once, so nothing piles up behind a dead endpoint. Thread-safe.
 */
final class LineageEmitter {
  private static final Logger LOG = LoggerFactory.getLogger(LineageEmitter.class);
  private static final Object END = new Object();

  private final LineageSink sink;
  private final String endpoint;
  private final BlockingQueue<Object> queue;
  private final Thread thread;
  private final CountDownLatch finished = new CountDownLatch(1);
  private final AtomicLong submitted = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private volatile boolean answered;
  // Consecutive failures of an endpoint that answered before; only the emitter thread touches it.
  private int strikes;
  private static final int STRIKES = 3;
  private volatile boolean circuitOpen;
  private volatile boolean failureSeen;
  private volatile boolean closing;

  /**
   * An emitter that starts its thread at once.
   *
   * @param sink where events go
   * @param endpoint how the endpoint is shown ({@code secret_ref:NAME} for a secret one)
   * @param capacity events that may wait
   */
  LineageEmitter(LineageSink sink, String endpoint, int capacity) {
    this.sink = sink;
    this.endpoint = endpoint;
    this.queue = new ArrayBlockingQueue<>(capacity);
    // An in-process sink needs no proof that it answers.
    this.answered = !(sink instanceof HttpLineageSink);
    this.thread = new Thread(this::work, "floe-lineage-emitter");
    thread.setDaemon(true);
    thread.start();
  }

  /** An emitter whose endpoint is known to be unusable: every event is dropped. */
  static LineageEmitter broken(String endpoint) {
    LineageEmitter emitter = new LineageEmitter(json -> {}, endpoint, 1);
    emitter.circuitOpen = true;
    emitter.failureSeen = true;
    return emitter;
  }

  /**
   * Queues the event {@code event} builds; never blocks and never throws. The event is not even
   * built when it would be dropped (circuit open, closing, queue full), so an overloaded or dead
   * endpoint costs an asset as little as possible.
   */
  void submit(Supplier<OpenLineage.RunEvent> event) {
    submitted.incrementAndGet();
    if (circuitOpen || closing || queue.remainingCapacity() == 0) {
      return;
    }
    // Another thread may have filled the queue meanwhile: then the event is dropped.
    if (!queue.offer(event.get())) {
      LOG.debug("lineage queue full, event dropped");
    }
  }

  private void work() {
    try {
      // The first serialisation sets the client's Jackson mapper up (slow when cold): do it now,
      // before the first event, rather than during the flush.
      OpenLineageClientUtils.toJson(java.util.Map.of());
      if (sink instanceof HttpLineageSink http) {
        probe(http);
      }
      while (true) {
        Object next = queue.poll(5, TimeUnit.MILLISECONDS);
        if (next == END || (next == null && closing)) {
          return;
        }
        if (next instanceof OpenLineage.RunEvent event && !circuitOpen) {
          deliver(event);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      finished.countDown();
    }
  }

  private void probe(HttpLineageSink http) throws InterruptedException {
    long start = System.nanoTime();
    try {
      http.probe();
      answered = true;
    } catch (IOException | RuntimeException e) {
      // A quick failure (refused, 5xx) is a dead endpoint: open the circuit before any event. A
      // slow one (no answer in time) proves nothing on a cold or busy JVM: the first event
      // decides, and until an answer comes the flush waits only the unanswered deadline.
      if (System.nanoTime() - start < QUICK_FAILURE_NANOS || !(e instanceof IOException)) {
        open(e);
      } else {
        LOG.debug("lineage endpoint {} did not answer the probe in time", endpoint);
      }
    }
  }

  private static final long QUICK_FAILURE_NANOS = 500_000_000L;

  private void open(Exception e) {
    failureSeen = true;
    circuitOpen = true;
    queue.clear();
    LOG.warn(
        "lineage endpoint {} failed ({}); the rest of this run's lineage is dropped",
        endpoint,
        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }

  private void deliver(OpenLineage.RunEvent event) throws InterruptedException {
    try {
      sink.send(OpenLineageClientUtils.toJson(event));
      answered = true;
      strikes = 0;
      delivered.incrementAndGet();
    } catch (LineageSink.RejectedEventException e) {
      failureSeen = true;
      LOG.warn("lineage endpoint {} refused an event: {}", endpoint, e.getMessage());
    } catch (IOException | RuntimeException e) {
      // An endpoint that has answered before gets a few chances (one slow answer on a busy
      // machine is not a dead endpoint); one that never answered opens the circuit at once.
      if (!answered || ++strikes >= STRIKES) {
        open(e);
      } else {
        failureSeen = true;
        LOG.debug(
            "lineage endpoint {} failed once, trying the next event: {}", endpoint, e.toString());
      }
    }
  }

  /** Stops taking events; the thread ends once the queue is empty. */
  void beginClose() {
    closing = true;
    if (!queue.offer(END)) {
      // A full queue: the thread ends by itself once it is empty, since closing is set.
      LOG.debug("lineage queue full at shutdown");
    }
  }

  /** Whether the thread has ended: everything queued was delivered or given up. */
  boolean finished() {
    return finished.getCount() == 0;
  }

  /** Whether the endpoint has answered (an in-process sink always has). */
  boolean answered() {
    return answered;
  }

  /** Waits up to {@code nanos} for the thread to end. */
  boolean awaitFinished(long nanos) throws InterruptedException {
    return finished.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
  }

  /**
   * Counts, after {@link #beginClose()}; a thread still busy (stuck on a silent endpoint) is
   * stopped, and what is in flight or queued counts as dropped.
   */
  ObservabilityReport.Signal report() {
    boolean drained = finished();
    if (!drained) {
      thread.interrupt();
    }
    long sent = delivered.get();
    long dropped = Math.max(0, submitted.get() - sent);
    boolean failed = failureSeen || (!drained && dropped > 0);
    return new ObservabilityReport.Signal(
        true, sent, dropped, failed ? Optional.of(endpoint) : Optional.empty());
  }
}
