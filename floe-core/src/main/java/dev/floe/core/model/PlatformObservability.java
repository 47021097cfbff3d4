package dev.floe.core.model;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import java.util.Map;
import java.util.Optional;

/**
 * The observability block of platform.yaml: which signals the platform allows and where they go.
 * CompiledArtifacts holds the same settings after the merge with floe.yaml: only the signals both
 * files leave on, and the lineage namespace always set. Immutable and thread-safe.
 *
 * @param signals which signals are on
 * @param otlpEndpoint the OTLP collector
 * @param otlpProtocol the OTLP transport
 * @param lineageEndpoint the OpenLineage endpoint
 * @param lineageNamespace the OpenLineage namespace; in platform.yaml it may be absent, and then
 *     the compiler sets the pipeline name
 * @param sampling the trace sampling ratio, 0.0 to 1.0
 * @param attributes resource attributes
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record PlatformObservability(
    Signals signals,
    Optional<StringOrSecret> otlpEndpoint,
    OtlpProtocol otlpProtocol,
    Optional<StringOrSecret> lineageEndpoint,
    Optional<String> lineageNamespace,
    double sampling,
    Map<String, String> attributes) {
  /** Every signal on, no endpoint, full sampling. */
  public static final PlatformObservability DEFAULT =
      new PlatformObservability(
          Signals.ALL,
          Optional.empty(),
          OtlpProtocol.HTTP_PROTOBUF,
          Optional.empty(),
          Optional.empty(),
          1.0,
          Map.of());

  public PlatformObservability {
    requireNonNull(signals, "signals");
    requireNonNull(otlpEndpoint, "otlpEndpoint");
    requireNonNull(otlpProtocol, "otlpProtocol");
    requireNonNull(lineageEndpoint, "lineageEndpoint");
    requireNonNull(lineageNamespace, "lineageNamespace");
    attributes = SortedMaps.copyOf(attributes);
  }
}
