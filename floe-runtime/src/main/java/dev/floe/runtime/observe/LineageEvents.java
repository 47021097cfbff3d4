package dev.floe.runtime.observe;

import dev.floe.core.FloeVersion;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.utils.DatasetIdentifier;
import io.openlineage.client.utils.UUIDUtils;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.jspecify.annotations.Nullable;

/**
 * Builds the OpenLineage events of a run with the client's model: START, then COMPLETE or FAIL, for
 * the pipeline job {@code <pipeline>} (run id = the run's id) and for each asset's job {@code
 * <pipeline>.<asset>} (a new UUIDv7 run id, with a parent facet pointing at the pipeline run and a
 * {@value #TRACE_FACET} facet carrying the asset span's ids). Thread-safe.
 */
final class LineageEvents {
  /** The custom run facet with the OpenTelemetry trace and span id. */
  static final String TRACE_FACET = "floe_trace";

  /** The schema of {@value #TRACE_FACET}. */
  static final URI TRACE_FACET_SCHEMA =
      URI.create(
          "https://floe.dev/spec/facets/1-0-0/FloeTraceRunFacet.json#/$defs/FloeTraceRunFacet");

  /** Longest stack trace sent in an error message facet; longer ones are cut. */
  static final int MAX_STACK_TRACE = 32 * 1024;

  private final OpenLineage ol;
  private final URI producer;
  private final Clock clock;
  private final String namespace;
  private final String pipeline;
  private final DatasetNaming naming;

  LineageEvents(Clock clock, String namespace, String pipeline, DatasetNaming naming) {
    this.producer =
        URI.create(
            "https://github.com/floe-dev/floe/tree/" + FloeVersion.current() + "/floe-runtime");
    this.ol = new OpenLineage(producer);
    this.clock = clock;
    this.namespace = namespace;
    this.pipeline = pipeline;
    this.naming = naming;
  }

  static UUID newRunId() {
    return UUIDUtils.generateNewUUID();
  }

  OpenLineage.RunEvent runStart(UUID runId) {
    return event(
        OpenLineage.RunEvent.EventType.START,
        ol.newRun(runId, ol.newRunFacetsBuilder().build()),
        job(pipeline, "PIPELINE"),
        List.of(),
        List.of());
  }

  OpenLineage.RunEvent runEnd(UUID runId, @Nullable Throwable failure) {
    OpenLineage.RunFacetsBuilder facets = ol.newRunFacetsBuilder();
    if (failure != null) {
      facets.errorMessage(errorMessage(failure));
    }
    return event(
        failure == null
            ? OpenLineage.RunEvent.EventType.COMPLETE
            : OpenLineage.RunEvent.EventType.FAIL,
        ol.newRun(runId, facets.build()),
        job(pipeline, "PIPELINE"),
        List.of(),
        List.of());
  }

  OpenLineage.RunEvent assetStart(AssetRun asset) {
    return event(
        OpenLineage.RunEvent.EventType.START,
        ol.newRun(asset.runId(), assetFacets(asset).build()),
        job(pipeline + "." + asset.descriptor().name(), "ASSET"),
        inputs(asset.descriptor().inputs(), Map.of()),
        outputs(asset.descriptor().outputs(), Map.of()));
  }

  OpenLineage.RunEvent assetComplete(AssetRun asset, AssetOutcome outcome) {
    return event(
        OpenLineage.RunEvent.EventType.COMPLETE,
        ol.newRun(asset.runId(), assetFacets(asset).build()),
        job(pipeline + "." + asset.descriptor().name(), "ASSET"),
        inputs(asset.descriptor().inputs(), outcome.inputSchemas()),
        outputs(asset.descriptor().outputs(), outcome.outputSchemas()));
  }

  OpenLineage.RunEvent assetFail(AssetRun asset, Throwable error) {
    return event(
        OpenLineage.RunEvent.EventType.FAIL,
        ol.newRun(asset.runId(), assetFacets(asset).errorMessage(errorMessage(error)).build()),
        job(pipeline + "." + asset.descriptor().name(), "ASSET"),
        inputs(asset.descriptor().inputs(), Map.of()),
        outputs(asset.descriptor().outputs(), Map.of()));
  }

  private OpenLineage.RunEvent event(
      OpenLineage.RunEvent.EventType type,
      OpenLineage.Run run,
      OpenLineage.Job job,
      List<OpenLineage.InputDataset> inputs,
      List<OpenLineage.OutputDataset> outputs) {
    return ol.newRunEventBuilder()
        .eventType(type)
        .eventTime(ZonedDateTime.now(clock))
        .run(run)
        .job(job)
        .inputs(inputs)
        .outputs(outputs)
        .build();
  }

  private OpenLineage.Job job(String name, String jobType) {
    return ol.newJob(
        namespace,
        name,
        ol.newJobFacetsBuilder()
            .jobType(
                ol.newJobTypeJobFacetBuilder()
                    .processingType("BATCH")
                    .integration("FLOE")
                    .jobType(jobType)
                    .build())
            .build());
  }

  private OpenLineage.RunFacetsBuilder assetFacets(AssetRun asset) {
    OpenLineage.ParentRunFacetJob parentJob = ol.newParentRunFacetJob(namespace, pipeline);
    OpenLineage.RunFacetsBuilder facets =
        ol.newRunFacetsBuilder()
            .parent(
                ol.newParentRunFacet(
                    ol.newParentRunFacetRun(asset.pipelineRunId()),
                    parentJob,
                    ol.newParentRunFacetRoot(
                        ol.newRootRun(asset.pipelineRunId()), ol.newRootJob(namespace, pipeline))));
    if (asset.traceId() != null && asset.spanId() != null) {
      facets.put(TRACE_FACET, new TraceFacet(producer, asset.traceId(), asset.spanId()));
    }
    return facets;
  }

  private OpenLineage.ErrorMessageRunFacet errorMessage(Throwable error) {
    String message = error.getMessage();
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    String stack = trace.toString();
    if (stack.length() > MAX_STACK_TRACE) {
      stack = stack.substring(0, MAX_STACK_TRACE) + "\n\t... (cut)";
    }
    return ol.newErrorMessageRunFacet(
        message == null || message.isBlank() ? error.getClass().getName() : message, "JAVA", stack);
  }

  private List<OpenLineage.InputDataset> inputs(List<String> tables, Map<String, Schema> schemas) {
    return datasets(
        tables,
        schemas,
        (id, facets) ->
            ol.newInputDatasetBuilder()
                .namespace(id.getNamespace())
                .name(id.getName())
                .facets(facets)
                .build());
  }

  private List<OpenLineage.OutputDataset> outputs(
      List<String> tables, Map<String, Schema> schemas) {
    return datasets(
        tables,
        schemas,
        (id, facets) ->
            ol.newOutputDatasetBuilder()
                .namespace(id.getNamespace())
                .name(id.getName())
                .facets(facets)
                .build());
  }

  private interface DatasetFactory<T> {
    T make(DatasetIdentifier id, OpenLineage.DatasetFacets facets);
  }

  private <T> List<T> datasets(
      List<String> tables, Map<String, Schema> schemas, DatasetFactory<T> factory) {
    List<T> out = new ArrayList<>(tables.size());
    for (String table : tables) {
      DatasetIdentifier id = naming.dataset(table);
      OpenLineage.DatasetFacetsBuilder facets = ol.newDatasetFacetsBuilder();
      Schema schema = schemas.get(table);
      if (schema != null) {
        facets.schema(ol.newSchemaDatasetFacet(fields(schema.columns())));
      }
      out.add(factory.make(id, facets.build()));
    }
    return out;
  }

  private List<OpenLineage.SchemaDatasetFacetFields> fields(List<Types.NestedField> columns) {
    List<OpenLineage.SchemaDatasetFacetFields> fields = new ArrayList<>(columns.size());
    for (Types.NestedField column : columns) {
      fields.add(field(column.name(), column.type(), column.doc()));
    }
    return fields;
  }

  private OpenLineage.SchemaDatasetFacetFields field(String name, Type type, @Nullable String doc) {
    OpenLineage.SchemaDatasetFacetFieldsBuilder field =
        ol.newSchemaDatasetFacetFieldsBuilder().name(name).type(typeName(type));
    if (doc != null) {
      field.description(doc);
    }
    if (type.isStructType()) {
      field.fields(fields(type.asStructType().fields()));
    } else if (type.isListType()) {
      Types.NestedField element = type.asListType().fields().get(0);
      field.fields(List.of(field("_element", element.type(), element.doc())));
    } else if (type.isMapType()) {
      Types.MapType map = type.asMapType();
      field.fields(
          List.of(field("key", map.keyType(), null), field("value", map.valueType(), null)));
    }
    return field.build();
  }

  /** Iceberg's own type names, with the element types of nested types left to {@code fields}. */
  private static String typeName(Type type) {
    Function<Type, String> nested =
        t -> t.isStructType() ? "struct" : t.isListType() ? "list" : "map";
    return type.isPrimitiveType() ? type.toString() : nested.apply(type);
  }

  /**
   * An asset's lineage run.
   *
   * @param descriptor the asset
   * @param runId its lineage run id
   * @param pipelineRunId the run's id
   * @param traceId the asset span's trace id, when the span is sampled
   * @param spanId the asset span's id, when the span is sampled
   */
  record AssetRun(
      AssetDescriptor descriptor,
      UUID runId,
      UUID pipelineRunId,
      @Nullable String traceId,
      @Nullable String spanId) {}

  /** The {@value #TRACE_FACET} run facet: links a lineage run to its span. */
  static final class TraceFacet extends OpenLineage.DefaultRunFacet {
    TraceFacet(URI producer, String traceId, String spanId) {
      super(producer);
      getAdditionalProperties().put("trace_id", traceId);
      getAdditionalProperties().put("span_id", spanId);
    }

    @Override
    public URI get_schemaURL() {
      return TRACE_FACET_SCHEMA;
    }
  }
}
