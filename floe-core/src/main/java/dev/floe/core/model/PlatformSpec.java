package dev.floe.core.model;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import java.util.Map;

/**
 * One environment's platform.yaml: named profiles and observability. Holds secret references, never
 * secret values. Immutable and thread-safe.
 *
 * @param version the platform.yaml schema version (major 1)
 * @param storage storage profiles by name, sorted
 * @param catalogs catalog profiles by name, sorted
 * @param compute compute profiles by name, sorted
 * @param observability the observability block
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record PlatformSpec(
    String version,
    Map<String, StorageProfile> storage,
    Map<String, CatalogProfile> catalogs,
    Map<String, ComputeProfile> compute,
    PlatformObservability observability) {
  public PlatformSpec {
    requireNonNull(version, "version");
    storage = SortedMaps.copyOf(storage);
    catalogs = SortedMaps.copyOf(catalogs);
    compute = SortedMaps.copyOf(compute);
    requireNonNull(observability, "observability");
  }
}
