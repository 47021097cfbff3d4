package dev.floe.core.schema;

import dev.floe.core.api.Api;
import dev.floe.core.internal.artifact.ArtifactSchema;
import dev.floe.core.internal.pipeline.PipelineSchema;
import dev.floe.core.internal.platform.PlatformSchema;
import dev.floe.core.internal.schema.JsonSchemaWriter;
import dev.floe.core.internal.schema.SchemaType;
import dev.floe.core.internal.schema.Tier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The published JSON Schemas of floe's documents: platform.yaml, floe.yaml and CompiledArtifacts,
 * written from the same schema descriptions the loader validates against, so that IDE validation
 * and floe's own agree. These are the files checked in under {@code schemas/} and written by {@code
 * floe schema export}. Output is deterministic. Stateless and thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class JsonSchemaExporter {
  /** The JSON Schema dialect written into every document. */
  public static final String DIALECT = JsonSchemaWriter.DIALECT;

  /** Where the published schemas live; {@code $id} is this plus the file name. */
  public static final String BASE_URI = "https://floe.dev/schemas/";

  /** One published document: its file name, title, tier and schema. */
  private record Document(String file, String title, Tier tier, Supplier<SchemaType> root) {}

  /** Every document published under {@code schemas/}; a new format is one more line here. */
  private static final List<Document> DOCUMENTS =
      List.of(
          new Document(
              "platform.schema.json",
              "floe platform.yaml",
              Tier.PLATFORM,
              PlatformSchema::document),
          new Document("floe.schema.json", "floe.yaml", Tier.PIPELINE, PipelineSchema::document),
          new Document(
              "compiled-artifacts.schema.json",
              "floe CompiledArtifacts",
              Tier.ARTIFACT,
              ArtifactSchema::document));

  private JsonSchemaExporter() {}

  /**
   * Every published schema, keyed by file name ({@code platform.schema.json}, {@code
   * floe.schema.json}, {@code compiled-artifacts.schema.json}), in that order.
   *
   * @return an unmodifiable, ordered map from file name to JSON text ending in a newline; never
   *     null
   */
  public static Map<String, String> exportAll() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Document document : DOCUMENTS) {
      out.put(
          document.file(),
          JsonSchemaWriter.export(
              document.root().get(),
              document.tier(),
              BASE_URI + document.file(),
              document.title()));
    }
    return Collections.unmodifiableMap(out);
  }
}
