package dev.floe.testing.telemetry;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One OpenLineage event as a {@link LineageReceiver} received it: the JSON itself, a small view of
 * what tests usually check, and what the schema validation found.
 *
 * <p>Missing text fields are empty strings in the view; the JSON shows what was sent.
 *
 * @param path the request path the event came on
 * @param kind run, dataset or job event (from the event's shape)
 * @param eventType {@code START}, {@code COMPLETE}, … of a run event; empty if absent
 * @param eventTime the {@code eventTime} text; empty if absent
 * @param jobNamespace the job's namespace; empty if absent
 * @param jobName the job's name; empty if absent
 * @param runId the run's id; empty if absent
 * @param inputs the input datasets
 * @param outputs the output datasets
 * @param dataset the dataset of a dataset event
 * @param runFacets the names of the run's facets
 * @param jobFacets the names of the job's facets
 * @param validationErrors the schema validation errors, {@code <JSON path>: <message>}; empty if
 *     the event is valid
 * @param uncheckedFacets the facets whose schema is not bundled (or whose {@code _schemaURL} names
 *     no definition), as {@code <facet name> <_schemaURL>}: they were checked against the core
 *     schema's facet rules only
 */
public record LineageEvent(
    String path,
    Kind kind,
    String eventType,
    String eventTime,
    String jobNamespace,
    String jobName,
    String runId,
    List<LineageDataset> inputs,
    List<LineageDataset> outputs,
    Optional<LineageDataset> dataset,
    List<String> runFacets,
    List<String> jobFacets,
    List<String> validationErrors,
    List<String> uncheckedFacets,
    JsonNode json) {

  /** The three kinds of OpenLineage events. */
  public enum Kind {
    /** A run event ({@code run} and {@code job}). */
    RUN,
    /** A dataset event ({@code dataset}, no run or job). */
    DATASET,
    /** A job event ({@code job}, no run). */
    JOB
  }

  /**
   * Copies the lists into unmodifiable ones and the JSON into a private copy.
   *
   * @param path the request path
   * @param kind the kind
   * @param eventType the event type
   * @param eventTime the event time
   * @param jobNamespace the job namespace
   * @param jobName the job name
   * @param runId the run id
   * @param inputs the inputs
   * @param outputs the outputs
   * @param dataset the dataset of a dataset event
   * @param runFacets the run facet names
   * @param jobFacets the job facet names
   * @param validationErrors the validation errors
   * @param uncheckedFacets the facets not checked against their own schema
   * @param json the event
   */
  public LineageEvent {
    requireNonNull(path, "path");
    requireNonNull(kind, "kind");
    requireNonNull(eventType, "eventType");
    requireNonNull(eventTime, "eventTime");
    requireNonNull(jobNamespace, "jobNamespace");
    requireNonNull(jobName, "jobName");
    requireNonNull(runId, "runId");
    requireNonNull(dataset, "dataset");
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    runFacets = List.copyOf(runFacets);
    jobFacets = List.copyOf(jobFacets);
    validationErrors = List.copyOf(validationErrors);
    uncheckedFacets = List.copyOf(uncheckedFacets);
    json = json.deepCopy();
  }

  /**
   * Returns a copy of the event's JSON, as received.
   *
   * @return a copy the caller may change
   */
  @Override
  public JsonNode json() {
    return json.deepCopy();
  }

  /**
   * Tells whether the event passed schema validation.
   *
   * @return {@code true} if {@link #validationErrors()} is empty
   */
  public boolean isValid() {
    return validationErrors.isEmpty();
  }

  /**
   * Returns {@code jobNamespace/jobName}.
   *
   * @return the qualified job name
   */
  public String job() {
    return jobNamespace + "/" + jobName;
  }

  /**
   * Returns a value of the event by JSON pointer, for example {@code /run/facets/parent/run/runId}.
   *
   * @param pointer a JSON pointer
   * @return the text of the value; empty if absent or not a scalar
   */
  public String text(String pointer) {
    JsonNode node = json.at(pointer);
    return node.isValueNode() ? node.asText() : "";
  }

  /**
   * Builds the view of one event and validates it.
   *
   * @param path the request path
   * @param json the event; not changed
   * @return the event
   */
  static LineageEvent of(String path, JsonNode json) {
    List<String> unchecked = new ArrayList<>();
    List<String> errors = OpenLineageSchemas.get().validate(json, unchecked);
    Kind kind =
        json.has("run")
            ? Kind.RUN
            : json.has("dataset") && !json.has("job") ? Kind.DATASET : Kind.JOB;
    JsonNode dataset = json.path("dataset");
    return new LineageEvent(
        path,
        kind,
        text(json.path("eventType")),
        text(json.path("eventTime")),
        text(json.path("job").path("namespace")),
        text(json.path("job").path("name")),
        text(json.path("run").path("runId")),
        datasets(json.path("inputs"), "inputFacets"),
        datasets(json.path("outputs"), "outputFacets"),
        dataset.isObject() ? Optional.of(dataset(dataset, "")) : Optional.empty(),
        names(json.path("run").path("facets")),
        names(json.path("job").path("facets")),
        errors,
        unchecked,
        json);
  }

  private static List<LineageDataset> datasets(JsonNode list, String ioFacets) {
    List<LineageDataset> datasets = new ArrayList<>();
    for (JsonNode dataset : list) {
      datasets.add(dataset(dataset, ioFacets));
    }
    return datasets;
  }

  private static LineageDataset dataset(JsonNode dataset, String ioFacets) {
    List<String> facets = new ArrayList<>(names(dataset.path("facets")));
    if (!ioFacets.isEmpty()) {
      facets.addAll(names(dataset.path(ioFacets)));
    }
    return new LineageDataset(text(dataset.path("namespace")), text(dataset.path("name")), facets);
  }

  private static List<String> names(JsonNode facets) {
    List<String> names = new ArrayList<>();
    facets.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String text(JsonNode node) {
    return node.isValueNode() ? node.asText() : "";
  }

  /**
   * Describes the event briefly.
   *
   * @return for example {@code RUN START floe/orders run 0190… (valid)}
   */
  @Override
  public String toString() {
    return kind
        + (eventType.isEmpty() ? "" : " " + eventType)
        + (kind == Kind.DATASET ? "" : " " + job())
        + (runId.isEmpty() ? "" : " run " + runId)
        + dataset.map(d -> " dataset " + d.qualifiedName()).orElse("")
        + (isValid() ? " (valid)" : " (" + validationErrors.size() + " validation errors)");
  }
}
