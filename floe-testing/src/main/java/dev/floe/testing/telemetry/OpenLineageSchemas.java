package dev.floe.testing.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.InputStreamSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenLineage JSON schemas bundled in this jar (core spec 2-0-2 and the facets of the same
 * release), served offline: a schema's {@code $id} maps to its resource, and any other http(s)
 * schema fails to load instead of being fetched.
 */
final class OpenLineageSchemas {

  /** The {@code $id} of the bundled core schema. */
  static final String CORE_ID = "https://openlineage.io/spec/2-0-2/OpenLineage.json";

  private static final String ROOT = "/dev/floe/testing/telemetry/openlineage/";
  private static final String DEFS = "#/$defs/";
  private static final Set<String> EVENT_DEFS = Set.of("RunEvent", "DatasetEvent", "JobEvent");
  private static final List<String> DATASET_FACET_FIELDS =
      List.of("facets", "inputFacets", "outputFacets");

  private static final class Holder {
    static final OpenLineageSchemas INSTANCE = new OpenLineageSchemas();
  }

  private final Map<String, String> resourcesById;
  private final JsonSchemaFactory factory;
  private final SchemaValidatorsConfig config;
  private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

  private OpenLineageSchemas() {
    this.resourcesById = Collections.unmodifiableMap(index());
    this.factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaLoaders(loaders -> loaders.add(this::load)));
    this.config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  }

  static OpenLineageSchemas get() {
    return Holder.INSTANCE;
  }

  /** The {@code $id}s of the bundled schemas. */
  Set<String> bundledIds() {
    return resourcesById.keySet();
  }

  /** Tells whether the schema a {@code _schemaURL} names (its part before {@code #}) is bundled. */
  boolean isBundled(String schemaUrl) {
    int hash = schemaUrl.indexOf('#');
    return resourcesById.containsKey(hash < 0 ? schemaUrl : schemaUrl.substring(0, hash));
  }

  private static Map<String, String> index() {
    Map<String, String> index = new LinkedHashMap<>();
    index.put(CORE_ID, ROOT + "OpenLineage.json");
    ObjectMapper mapper = new ObjectMapper();
    try (InputStream in = resource(ROOT + "facets/index.txt");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String file = line.trim();
        if (file.isEmpty()) {
          continue;
        }
        String path = ROOT + "facets/" + file;
        try (InputStream schema = resource(path)) {
          String id = mapper.readTree(schema).path("$id").asText("");
          if (id.isEmpty()) {
            throw new IllegalStateException("the bundled schema " + path + " has no $id");
          }
          index.put(id, path);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the bundled OpenLineage schemas cannot be read", e);
    }
    return index;
  }

  private static InputStream resource(String path) throws IOException {
    InputStream in = OpenLineageSchemas.class.getResourceAsStream(path);
    if (in == null) {
      throw new IOException("missing resource " + path);
    }
    return in;
  }

  private InputStreamSource load(com.networknt.schema.AbsoluteIri iri) {
    String id = iri.toString();
    String path = resourcesById.get(id);
    if (path != null) {
      return () -> resource(path);
    }
    if (id.startsWith("http://") || id.startsWith("https://")) {
      return () -> {
        throw new IOException(
            "offline: " + id + " is not one of the bundled OpenLineage schemas, not fetched");
      };
    }
    // Not ours (for example the validator's own classpath meta-schemas): the next loader.
    return nullSource();
  }

  @SuppressWarnings("NullAway") // SchemaLoader contract: null means "not mine, ask the next one".
  private static InputStreamSource nullSource() {
    return null;
  }

  /**
   * Loads and compiles the core schema and its event definitions now: the first validation in a JVM
   * otherwise takes about a second, longer than the timeout of a client in a test.
   */
  void preload() {
    schema(CORE_ID).initializeValidators();
    for (String def : EVENT_DEFS) {
      schema(CORE_ID + DEFS + def).initializeValidators();
    }
  }

  private JsonSchema schema(String location) {
    return schemas.computeIfAbsent(
        location, key -> factory.getSchema(SchemaLocation.of(key), config));
  }

  /**
   * Validates an event against the core schema and each facet whose {@code _schemaURL} names a
   * bundled schema.
   *
   * @param event the event
   * @param unchecked receives the {@code _schemaURL}s of facets that could not be checked
   * @return the errors, each {@code <JSON path>: <message>}; empty if valid
   */
  List<String> validate(JsonNode event, List<String> unchecked) {
    List<String> errors = new ArrayList<>();
    if (!schema(CORE_ID).validate(event).isEmpty()) {
      // Report against the one event type the event is meant to be: the spec's oneOf would
      // list the failures of all three.
      Set<ValidationMessage> messages = schema(CORE_ID + DEFS + eventDef(event)).validate(event);
      if (messages.isEmpty()) {
        messages = schema(CORE_ID).validate(event);
      }
      errors.addAll(format("$", messages));
    }
    JsonNode run = event.path("run");
    facets(run.path("facets"), "$.run.facets", errors, unchecked);
    facets(event.path("job").path("facets"), "$.job.facets", errors, unchecked);
    for (String list : List.of("inputs", "outputs")) {
      JsonNode datasets = event.path(list);
      for (int i = 0; i < datasets.size(); i++) {
        for (String field : DATASET_FACET_FIELDS) {
          facets(
              datasets.path(i).path(field),
              "$." + list + "[" + i + "]." + field,
              errors,
              unchecked);
        }
      }
    }
    facets(event.path("dataset").path("facets"), "$.dataset.facets", errors, unchecked);
    return errors;
  }

  private static String eventDef(JsonNode event) {
    String url = event.path("schemaURL").asText("");
    if (url.startsWith(CORE_ID + DEFS)) {
      String def = url.substring((CORE_ID + DEFS).length());
      if (EVENT_DEFS.contains(def)) {
        return def;
      }
    }
    if (event.has("run")) {
      return "RunEvent";
    }
    return event.has("dataset") ? "DatasetEvent" : "JobEvent";
  }

  private void facets(JsonNode facets, String path, List<String> errors, List<String> unchecked) {
    if (!facets.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> facet : facets.properties()) {
      String url = facet.getValue().path("_schemaURL").asText("");
      if (url.isEmpty()) {
        continue; // a deletion marker, or missing: the core schema judged it
      }
      if (!isBundled(url) || url.indexOf('#') < 0) {
        unchecked.add(facet.getKey() + " " + url);
        continue;
      }
      String facetPath = path + "." + facet.getKey();
      try {
        errors.addAll(format(facetPath, schema(url).validate(facet.getValue())));
      } catch (RuntimeException e) {
        errors.add(
            facetPath + ": its _schemaURL " + url + " cannot be resolved: " + e.getMessage());
      }
    }
  }

  private static List<String> format(String root, Set<ValidationMessage> messages) {
    List<String> formatted = new ArrayList<>();
    for (ValidationMessage message : messages) {
      formatted.add(path(root, message.getInstanceLocation()) + ": " + message.getError());
    }
    Collections.sort(formatted);
    return formatted;
  }

  private static String path(String root, JsonNodePath location) {
    StringBuilder path = new StringBuilder(root);
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      if (element instanceof Integer index) {
        path.append('[').append(index).append(']');
      } else {
        path.append('.').append(element);
      }
    }
    return path.toString();
  }
}
