package dev.floe.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * The observability block of platform.yaml: which signals the platform allows and where they go.
 *
 * @param traces whether traces are exported
 * @param metrics whether metrics are exported
 * @param lineage whether lineage is emitted
 * @param otlpEndpoint the OTLP collector
 * @param otlpProtocol the OTLP transport
 * @param lineageEndpoint the OpenLineage endpoint
 * @param lineageNamespace the OpenLineage namespace; defaults to the pipeline name at compile time
 * @param sampling the trace sampling ratio, 0.0 to 1.0
 * @param attributes resource attributes
 */
public record PlatformObservability(
    boolean traces,
    boolean metrics,
    boolean lineage,
    Optional<StringOrSecret> otlpEndpoint,
    OtlpProtocol otlpProtocol,
    Optional<StringOrSecret> lineageEndpoint,
    Optional<String> lineageNamespace,
    double sampling,
    Map<String, String> attributes) {
  /** Every signal on, no endpoint, full sampling. */
  public static final PlatformObservability DEFAULT =
      new PlatformObservability(
          true,
          true,
          true,
          Optional.empty(),
          OtlpProtocol.HTTP_PROTOBUF,
          Optional.empty(),
          Optional.empty(),
          1.0,
          Map.of());

  public PlatformObservability {
    requireNonNull(otlpEndpoint, "otlpEndpoint");
    requireNonNull(otlpProtocol, "otlpProtocol");
    requireNonNull(lineageEndpoint, "lineageEndpoint");
    requireNonNull(lineageNamespace, "lineageNamespace");
    attributes = SortedMaps.copyOf(attributes);
  }
}
