package dev.floe.runtime.engine;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import dev.floe.runtime.observe.AssetDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One asset of the graph, however it is written (a Java method, a SQL file).
 *
 * @param name the unique asset name
 * @param group its group, if any
 * @param kind its kind
 * @param description what it is
 * @param inputs the tables it reads, normalised to {@code namespace.table}
 * @param outputs the tables it writes, normalised
 * @param deps other assets it must follow
 * @param metadata static metadata
 * @param origin where it is defined, for messages: {@code com.acme.Bronze#rawOrders} or a file
 * @param body what runs
 */
@Api(status = Api.Status.INTERNAL)
public record AssetSpec(
    String name,
    Optional<String> group,
    String kind,
    String description,
    List<String> inputs,
    List<String> outputs,
    List<String> deps,
    Map<String, String> metadata,
    String origin,
    AssetBody body) {
  public AssetSpec {
    requireNonNull(name, "name");
    requireNonNull(group, "group");
    requireNonNull(kind, "kind");
    requireNonNull(description, "description");
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    deps = List.copyOf(deps);
    metadata = Map.copyOf(metadata);
    requireNonNull(origin, "origin");
    requireNonNull(body, "body");
  }

  /** The asset as tracing and lineage see it. */
  public AssetDescriptor descriptor() {
    return new AssetDescriptor(name, group, kind, description, inputs, outputs, metadata);
  }
}
