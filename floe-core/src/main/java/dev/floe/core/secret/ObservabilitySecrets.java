package dev.floe.core.secret;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import java.util.Optional;

/**
 * The resolved endpoints of the observability block, written or from a secret: what {@link
 * SecretResolver#forObservability} returns. Its {@link #toString()} shows a hidden endpoint as
 * {@code secret_ref:NAME}; equality is identity. Immutable and thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class ObservabilitySecrets {
  private final Optional<ResolvedSetting> otlpEndpoint;
  private final Optional<ResolvedSetting> lineageEndpoint;

  ObservabilitySecrets(
      Optional<ResolvedSetting> otlpEndpoint, Optional<ResolvedSetting> lineageEndpoint) {
    this.otlpEndpoint = requireNonNull(otlpEndpoint, "otlpEndpoint");
    this.lineageEndpoint = requireNonNull(lineageEndpoint, "lineageEndpoint");
  }

  /** The OTLP collector; empty when none is configured. */
  public Optional<ResolvedSetting> otlpEndpoint() {
    return otlpEndpoint;
  }

  /** The OpenLineage endpoint; empty when none is configured. */
  public Optional<ResolvedSetting> lineageEndpoint() {
    return lineageEndpoint;
  }

  @Override
  public String toString() {
    return "ObservabilitySecrets{otlpEndpoint="
        + otlpEndpoint.map(ResolvedSetting::display).orElse("none")
        + ", lineageEndpoint="
        + lineageEndpoint.map(ResolvedSetting::display).orElse("none")
        + "}";
  }
}
