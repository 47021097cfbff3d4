/**
 * Loopback receivers for the telemetry floe emits, for tests: {@link
 * dev.floe.testing.telemetry.OtlpReceiver} decodes OTLP/HTTP protobuf traces into {@link
 * dev.floe.testing.telemetry.ReceivedSpan}s, {@link dev.floe.testing.telemetry.LineageReceiver}
 * records OpenLineage events as {@link dev.floe.testing.telemetry.LineageEvent}s, each validated
 * against the bundled OpenLineage JSON schemas (offline).
 *
 * <p>Both bind to 127.0.0.1 on an ephemeral port and can fail on purpose for degradation tests:
 * answer every request with an error status, accept requests and never answer, or refuse
 * connections.
 */
@NullMarked
package dev.floe.testing.telemetry;

import org.jspecify.annotations.NullMarked;
