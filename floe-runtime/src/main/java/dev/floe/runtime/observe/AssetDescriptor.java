package dev.floe.runtime.observe;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An asset as tracing and lineage see it.
 *
 * @param name the asset name
 * @param group its group, if any
 * @param kind its kind ({@code table}, {@code sql}, …)
 * @param description what it is, possibly empty
 * @param inputs the tables it reads, as {@code namespace.table} (default namespace applied)
 * @param outputs the tables it writes
 * @param metadata its static metadata
 */
@Api(status = Api.Status.INTERNAL)
public record AssetDescriptor(
    String name,
    Optional<String> group,
    String kind,
    String description,
    List<String> inputs,
    List<String> outputs,
    Map<String, String> metadata) {
  public AssetDescriptor {
    requireNonNull(name, "name");
    requireNonNull(group, "group");
    requireNonNull(kind, "kind");
    requireNonNull(description, "description");
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    metadata = Map.copyOf(metadata);
  }
}
