package dev.floe.core.model;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import java.util.Map;

/**
 * A named compute profile of platform.yaml.
 *
 * @param type the engine
 * @param properties engine settings, checked per type; values are {@code String}, {@code Long},
 *     {@code Boolean} or a sorted {@code Map<String, String>}
 * @param credentials how to authenticate
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record ComputeProfile(
    ComputeType type, Map<String, Object> properties, Credentials credentials) {
  public ComputeProfile {
    requireNonNull(type, "type");
    properties = SortedMaps.copyOf(properties);
    requireNonNull(credentials, "credentials");
  }

  /**
   * The engine settings, typed for this engine: a view of {@link #properties()}, e.g. {@link
   * ComputeSettings.DuckDb#threads()}.
   *
   * @return the settings; never null
   */
  public ComputeSettings settings() {
    return ComputeSettings.of(type, properties);
  }
}
