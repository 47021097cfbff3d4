package dev.floe.runtime.observe;

import dev.floe.core.api.Api;
import java.io.IOException;

/**
 * Where lineage events go: the HTTP endpoint by default, or an in-process recorder given with
 * {@link ObservabilityOptions#withLineageSink}. Called on the emitter's own thread, one event at a
 * time, never on an asset's thread; it may block (the emitter gives up after the export timeout).
 */
@Api(status = Api.Status.INTERNAL)
@FunctionalInterface
public interface LineageSink {
  /**
   * Delivers one OpenLineage run event.
   *
   * @param eventJson the event as OpenLineage JSON
   * @throws IOException when the event was not delivered; the emitter then stops sending for the
   *     rest of the run, except for a {@link RejectedEventException}
   * @throws InterruptedException when the emitter is stopped while waiting
   */
  void send(String eventJson) throws IOException, InterruptedException;

  /** The endpoint answered, but refused this event (a 4xx answer): later events are still sent. */
  final class RejectedEventException extends IOException {
    private static final long serialVersionUID = 1L;

    /** An event refused with {@code status}. */
    public RejectedEventException(int status) {
      super("lineage event refused with HTTP status " + status);
    }
  }
}
