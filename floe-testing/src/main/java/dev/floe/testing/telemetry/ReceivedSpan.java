package dev.floe.testing.telemetry;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One span as an {@link OtlpReceiver} decoded it from OTLP protobuf: an immutable value.
 *
 * <p>Attribute values are plain Java values: {@code String}, {@code Boolean}, {@code Long}, {@code
 * Double}, an unmodifiable {@code List} for an array (for example {@code List<String>} for a string
 * array), an unmodifiable {@code Map<String, Object>} for a key-value list and a read-only {@code
 * ByteBuffer} for bytes.
 *
 * @param traceId the trace id, 32 lower-case hex digits
 * @param spanId the span id, 16 lower-case hex digits
 * @param parentSpanId the parent's span id, 16 hex digits; empty for a root span
 * @param name the span's name
 * @param kind the span's kind
 * @param statusCode the status code
 * @param statusMessage the status message; empty if none
 * @param attributes the span's attributes, in the order received
 * @param events the span's events, in the order received
 * @param resourceAttributes the attributes of the resource that sent the span ({@code
 *     service.name}, …)
 * @param scopeName the name of the instrumentation scope (the tracer's name)
 * @param scopeVersion the version of the instrumentation scope; empty if none
 * @param startEpochNanos the start time, in nanoseconds since the epoch
 * @param endEpochNanos the end time, in nanoseconds since the epoch
 */
public record ReceivedSpan(
    String traceId,
    String spanId,
    String parentSpanId,
    String name,
    Kind kind,
    StatusCode statusCode,
    String statusMessage,
    Map<String, Object> attributes,
    List<SpanEvent> events,
    Map<String, Object> resourceAttributes,
    String scopeName,
    String scopeVersion,
    long startEpochNanos,
    long endEpochNanos) {

  /** The kind of a span (OTLP {@code SpanKind} without its prefix). */
  public enum Kind {
    /** {@code SPAN_KIND_UNSPECIFIED}. */
    UNSPECIFIED,
    /** {@code SPAN_KIND_INTERNAL}. */
    INTERNAL,
    /** {@code SPAN_KIND_SERVER}. */
    SERVER,
    /** {@code SPAN_KIND_CLIENT}. */
    CLIENT,
    /** {@code SPAN_KIND_PRODUCER}. */
    PRODUCER,
    /** {@code SPAN_KIND_CONSUMER}. */
    CONSUMER
  }

  /** The status code of a span (OTLP {@code Status.StatusCode} without its prefix). */
  public enum StatusCode {
    /** {@code STATUS_CODE_UNSET}. */
    UNSET,
    /** {@code STATUS_CODE_OK}. */
    OK,
    /** {@code STATUS_CODE_ERROR}. */
    ERROR
  }

  /**
   * Copies the collections into unmodifiable ones.
   *
   * @param traceId the trace id
   * @param spanId the span id
   * @param parentSpanId the parent's span id, or empty text
   * @param name the name
   * @param kind the kind
   * @param statusCode the status code
   * @param statusMessage the status message
   * @param attributes the attributes
   * @param events the events
   * @param resourceAttributes the resource's attributes
   * @param scopeName the scope's name
   * @param scopeVersion the scope's version
   * @param startEpochNanos the start time
   * @param endEpochNanos the end time
   */
  public ReceivedSpan {
    requireNonNull(traceId, "traceId");
    requireNonNull(spanId, "spanId");
    requireNonNull(parentSpanId, "parentSpanId");
    requireNonNull(name, "name");
    requireNonNull(kind, "kind");
    requireNonNull(statusCode, "statusCode");
    requireNonNull(statusMessage, "statusMessage");
    requireNonNull(scopeName, "scopeName");
    requireNonNull(scopeVersion, "scopeVersion");
    attributes = OtlpValues.copy(attributes);
    events = List.copyOf(events);
    resourceAttributes = OtlpValues.copy(resourceAttributes);
  }

  /**
   * Tells whether the span has no parent.
   *
   * @return {@code true} if {@link #parentSpanId()} is empty
   */
  public boolean isRoot() {
    return parentSpanId.isEmpty();
  }

  /**
   * Tells whether {@code other} is this span's parent (same trace, its span id is this span's
   * parent id).
   *
   * @param other another span
   * @return {@code true} if it is the parent
   */
  public boolean isChildOf(ReceivedSpan other) {
    return traceId.equals(other.traceId) && parentSpanId.equals(other.spanId);
  }

  /**
   * Returns one attribute of the span.
   *
   * @param key the attribute's key
   * @return its value, if the span has it
   */
  public Optional<Object> attribute(String key) {
    return Optional.ofNullable(attributes.get(key));
  }

  /**
   * Returns one attribute of the resource that sent the span.
   *
   * @param key the attribute's key, for example {@code service.name}
   * @return its value, if the resource has it
   */
  public Optional<Object> resourceAttribute(String key) {
    return Optional.ofNullable(resourceAttributes.get(key));
  }

  /**
   * Returns the events of recorded exceptions.
   *
   * @return the events named {@value SpanEvent#EXCEPTION}, in order
   */
  public List<SpanEvent> exceptionEvents() {
    return events.stream().filter(SpanEvent::isException).toList();
  }
}
