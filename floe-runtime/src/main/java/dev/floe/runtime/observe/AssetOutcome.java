package dev.floe.runtime.observe;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.iceberg.Schema;

/**
 * What a successful asset produced, for span attributes and lineage facets.
 *
 * @param rows rows written, when known
 * @param metadata the asset's reported metadata
 * @param inputSchemas schemas of the input tables that were read, by {@code namespace.table}
 * @param outputSchemas schemas of the output tables that were written, by {@code namespace.table}
 */
@Api(status = Api.Status.INTERNAL)
public record AssetOutcome(
    OptionalLong rows,
    Map<String, String> metadata,
    Map<String, Schema> inputSchemas,
    Map<String, Schema> outputSchemas) {
  public AssetOutcome {
    requireNonNull(rows, "rows");
    metadata = Map.copyOf(metadata);
    inputSchemas = Map.copyOf(inputSchemas);
    outputSchemas = Map.copyOf(outputSchemas);
  }
}
