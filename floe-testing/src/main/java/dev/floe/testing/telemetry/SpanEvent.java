package dev.floe.testing.telemetry;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * An event of a {@link ReceivedSpan}, as decoded from OTLP.
 *
 * @param name the event's name; {@value #EXCEPTION} for a recorded exception
 * @param epochNanos the event's time, in nanoseconds since the epoch
 * @param attributes the event's attributes, in the order received (values as in {@link
 *     ReceivedSpan#attributes()})
 */
public record SpanEvent(String name, long epochNanos, Map<String, Object> attributes) {

  /** The name OpenTelemetry gives the event of a recorded exception. */
  public static final String EXCEPTION = "exception";

  /**
   * Copies the attributes into an unmodifiable map.
   *
   * @param name the name
   * @param epochNanos the time
   * @param attributes the attributes
   */
  public SpanEvent {
    requireNonNull(name, "name");
    attributes = OtlpValues.copy(attributes);
  }

  /**
   * Tells whether this is the event of a recorded exception.
   *
   * @return {@code true} if the name is {@value #EXCEPTION}
   */
  public boolean isException() {
    return EXCEPTION.equals(name);
  }

  /**
   * Returns one attribute.
   *
   * @param key the attribute's key
   * @return its value, if the event has it
   */
  public Optional<Object> attribute(String key) {
    return Optional.ofNullable(attributes.get(key));
  }

  /**
   * Returns {@code exception.type} (the exception's class name) of an exception event.
   *
   * @return the text; empty if absent
   */
  public String exceptionType() {
    return String.valueOf(attributes.getOrDefault("exception.type", ""));
  }

  /**
   * Returns {@code exception.message} of an exception event.
   *
   * @return the text; empty if absent
   */
  public String exceptionMessage() {
    return String.valueOf(attributes.getOrDefault("exception.message", ""));
  }
}
