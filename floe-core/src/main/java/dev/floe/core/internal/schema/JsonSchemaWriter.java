package dev.floe.core.internal.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.floe.core.internal.schema.SchemaType.BoolType;
import dev.floe.core.internal.schema.SchemaType.EnumType;
import dev.floe.core.internal.schema.SchemaType.IntType;
import dev.floe.core.internal.schema.SchemaType.KeyRule;
import dev.floe.core.internal.schema.SchemaType.ListType;
import dev.floe.core.internal.schema.SchemaType.MapType;
import dev.floe.core.internal.schema.SchemaType.NumberType;
import dev.floe.core.internal.schema.SchemaType.ObjectType;
import dev.floe.core.internal.schema.SchemaType.SecretRefType;
import dev.floe.core.internal.schema.SchemaType.StringOrSecretType;
import dev.floe.core.internal.schema.SchemaType.StringType;
import dev.floe.core.internal.schema.SchemaType.VariantType;
import dev.floe.core.json.JsonOutput;
import dev.floe.core.model.SecretRef;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes JSON Schema 2020-12 documents from a {@link SchemaType}, the same description {@link
 * SchemaValidator} checks files against, so that IDE validation and floe's own validation agree.
 * Output is deterministic: keys in a fixed order, 2-space indent, {@code \n} line ends and a
 * trailing newline. Stateless and thread-safe.
 *
 * <p>What the schema cannot say, and the loader still checks: the extra rules of some strings (URL
 * scheme and host, assumed-role duration range), credential-like keys inside free-form maps, URLs
 * with embedded credentials, the expanded value of a {@code ${VAR}} reference in platform.yaml and
 * the refusal of {@code ${VAR}} in floe.yaml. The schema is stricter in one respect: it does not
 * accept an empty (null) value where the loader treats it as an absent key.
 */
public final class JsonSchemaWriter {
  /** The JSON Schema dialect written into every document. */
  public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  /** {@link Strings#nonEmpty}'s pattern, whose {@code (?s)} flag ECMA 262 does not know. */
  private static final String NON_EMPTY = "^(?s).*\\S.*$";

  /** Java regex constructs that ECMA 262 lacks: inline flags, atomic groups, \A \z \Z. */
  private static final Pattern NOT_PORTABLE =
      Pattern.compile("\\(\\?[a-zA-Z-]|\\(\\?>|\\\\[AzZ]|[*+?}]\\+");

  private static final String X_KEYS = "^x-";
  private static final String SECRET_REF_DEF = "secretRef";
  private static final String INTERPOLATED_DEF = "interpolated";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectWriter WRITER = new ObjectMapper().writer(JsonOutput.prettyPrinter());

  private JsonSchemaWriter() {}

  /**
   * The JSON Schema of {@code root}, taking every string as written (no {@code ${VAR}}
   * interpolation).
   *
   * @param root the document type; not null
   * @param id the schema's {@code $id}, e.g. {@code https://floe.dev/schemas/floe.schema.json}
   * @param title the schema's {@code title}
   * @return pretty-printed JSON ending in a newline
   * @throws IllegalArgumentException if a pattern uses Java regex syntax ECMA 262 does not know
   */
  public static String export(SchemaType root, String id, String title) {
    return export(root, Tier.ARTIFACT, id, title);
  }

  /**
   * The JSON Schema of {@code root} as read in {@code tier}: for {@link Tier#PLATFORM}, strings and
   * enumerations with a fixed form also accept a {@code ${VAR}} reference, which the loader expands
   * before checking.
   *
   * @param root the document type; not null
   * @param tier the kind of file the schema describes; not null
   * @param id the schema's {@code $id}
   * @param title the schema's {@code title}
   * @return pretty-printed JSON ending in a newline
   * @throws IllegalArgumentException if a pattern uses Java regex syntax ECMA 262 does not know
   */
  public static String export(SchemaType root, Tier tier, String id, String title) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Translation translation = new Translation(tier);
    ObjectNode body = translation.schema(root);
    ObjectNode document = NODES.objectNode();
    document.put("$schema", DIALECT);
    document.put("$id", id);
    document.put("title", title);
    document.setAll(body);
    ObjectNode defs = translation.defs();
    if (!defs.isEmpty()) {
      document.set("$defs", defs);
    }
    try {
      return WRITER.writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One export: remembers which shared definitions were referenced. */
  private static final class Translation {
    private final boolean interpolation;
    private boolean usesSecretRef;
    private boolean usesInterpolation;

    Translation(Tier tier) {
      this.interpolation = tier == Tier.PLATFORM;
    }

    ObjectNode schema(SchemaType type) {
      ObjectNode node = NODES.objectNode();
      node.put("description", type.description());
      if (type instanceof ObjectType object) {
        object(node, object);
      } else if (type instanceof VariantType variant) {
        variant(node, variant);
      } else if (type instanceof MapType map) {
        map(node, map);
      } else if (type instanceof ListType list) {
        node.put("type", "array");
        node.set("items", schema(list.items()));
      } else if (type instanceof StringType string) {
        string(node, string);
      } else if (type instanceof EnumType e) {
        enumeration(node, e.values());
      } else if (type instanceof BoolType) {
        node.put("type", "boolean");
      } else if (type instanceof IntType i) {
        node.put("type", "integer");
        if (i.min() != Long.MIN_VALUE) {
          node.put("minimum", i.min());
        }
        if (i.max() != Long.MAX_VALUE) {
          node.put("maximum", i.max());
        }
      } else if (type instanceof NumberType n) {
        node.put("type", "number");
        if (Double.isFinite(n.min()) && n.min() != -Double.MAX_VALUE) {
          node.put("minimum", n.min());
        }
        if (Double.isFinite(n.max()) && n.max() != Double.MAX_VALUE) {
          node.put("maximum", n.max());
        }
      } else if (type instanceof SecretRefType) {
        node.put("$ref", secretRef());
      } else {
        StringOrSecretType either = (StringOrSecretType) type;
        ArrayNode oneOf = node.putArray("oneOf");
        oneOf.add(schema(either.text()));
        oneOf.add(NODES.objectNode().put("$ref", secretRef()));
      }
      return node;
    }

    private void object(ObjectNode node, ObjectType type) {
      node.put("type", "object");
      ArrayNode required = NODES.arrayNode();
      type.fields().stream().filter(Field::isRequired).forEach(f -> required.add(f.name()));
      if (!required.isEmpty()) {
        node.set("required", required);
      }
      ObjectNode properties = node.putObject("properties");
      for (Field field : type.fields()) {
        properties.set(field.name(), field(field));
      }
      closed(node);
    }

    /**
     * A variant object lists every field of every variant at the top (so editors offer them all)
     * and adds one if/then block per variant: its own required fields, its own schema where
     * variants disagree on a field, and {@code false} for fields only other variants have.
     */
    private void variant(ObjectNode node, VariantType type) {
      String disc = type.discriminator();
      List<String> names = List.copyOf(type.variants().keySet());
      Map<String, Map<String, Field>> byVariant = new LinkedHashMap<>();
      Set<String> union = new LinkedHashSet<>();
      for (String name : names) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Field f : type.fieldsOf(name)) {
          fields.put(f.name(), f);
          union.add(f.name());
        }
        byVariant.put(name, fields);
      }

      ObjectNode discriminator = NODES.objectNode();
      discriminator.put("description", type.discriminatorDescription());
      type.defaultVariant().ifPresent(d -> discriminator.put("default", d));
      enumeration(discriminator, names);

      ObjectNode properties = NODES.objectNode();
      properties.set(disc, discriminator);
      Map<String, ObjectNode> ownProperties = new LinkedHashMap<>();
      names.forEach(n -> ownProperties.put(n, NODES.objectNode()));
      List<String> requiredEverywhere = new ArrayList<>();
      if (type.defaultVariant().isEmpty()) {
        requiredEverywhere.add(disc);
      }
      for (String key : union) {
        Map<String, Field> having = new LinkedHashMap<>();
        byVariant.forEach(
            (name, fields) -> {
              if (fields.containsKey(key)) {
                having.put(name, fields.get(key));
              }
            });
        Map<String, ObjectNode> full = new LinkedHashMap<>();
        Map<String, ObjectNode> bare = new LinkedHashMap<>();
        having.forEach(
            (name, f) -> {
              full.put(name, field(f));
              bare.put(name, schema(f.type()));
            });
        if (allEqual(full.values())) {
          properties.set(key, full.values().iterator().next());
        } else if (allEqual(bare.values())) {
          properties.set(key, bare.values().iterator().next());
          having.forEach(
              (name, f) ->
                  f.defaultValue()
                      .ifPresent(
                          d ->
                              ownProperties
                                  .get(name)
                                  .set(key, NODES.objectNode().set("default", json(d)))));
        } else {
          Field first = having.values().iterator().next();
          properties.set(key, NODES.objectNode().put("description", first.type().description()));
          full.forEach((name, schema) -> ownProperties.get(name).set(key, schema));
        }
        if (having.size() == names.size() && having.values().stream().allMatch(Field::isRequired)) {
          requiredEverywhere.add(key);
        }
      }

      node.put("type", "object");
      if (!requiredEverywhere.isEmpty()) {
        ArrayNode required = node.putArray("required");
        requiredEverywhere.forEach(required::add);
      }
      node.set("properties", properties);
      closed(node);

      ArrayNode allOf = NODES.arrayNode();
      for (String name : names) {
        Map<String, Field> own = byVariant.get(name);
        ObjectNode then = NODES.objectNode();
        ArrayNode required = NODES.arrayNode();
        own.values().stream()
            .filter(f -> f.isRequired() && !requiredEverywhere.contains(f.name()))
            .forEach(f -> required.add(f.name()));
        if (!required.isEmpty()) {
          then.set("required", required);
        }
        ObjectNode thenProperties = ownProperties.get(name);
        for (String key : union) {
          if (!own.containsKey(key)) {
            thenProperties.put(key, false);
          }
        }
        if (!thenProperties.isEmpty()) {
          then.set("properties", thenProperties);
        }
        if (then.isEmpty()) {
          continue;
        }
        ObjectNode condition = NODES.objectNode();
        condition.putObject("properties").set(disc, NODES.objectNode().put("const", name));
        if (!type.defaultVariant().equals(Optional.of(name))) {
          condition.putArray("required").add(disc);
        }
        ObjectNode block = allOf.addObject();
        block.set("if", condition);
        block.set("then", then);
      }
      if (!allOf.isEmpty()) {
        node.set("allOf", allOf);
      }
    }

    private void map(ObjectNode node, MapType type) {
      node.put("type", "object");
      if (type.keys() == KeyRule.PROFILE_NAME) {
        // Keys starting x- are skipped by the loader whatever follows the dash.
        ArrayNode anyOf = node.putObject("propertyNames").putArray("anyOf");
        anyOf.addObject().put("pattern", X_KEYS);
        anyOf.addObject().put("pattern", ecma(SchemaValidator.PROFILE_NAME.pattern()));
        node.putObject("patternProperties").putObject(X_KEYS);
      } else {
        node.putObject("propertyNames").put("pattern", "\\S");
      }
      node.set("additionalProperties", schema(type.values()));
    }

    private void string(ObjectNode node, StringType type) {
      node.put("type", "string");
      ObjectNode form = NODES.objectNode();
      boolean expandable = false;
      if (type.pattern().isPresent()) {
        String pattern = type.pattern().get().pattern();
        if (pattern.equals(NON_EMPTY)) {
          // Any ${VAR} reference is itself non-empty, so no interpolation branch is needed.
          form.put("minLength", 1);
          form.put("pattern", "\\S");
        } else {
          form.put("pattern", ecma(pattern));
          expandable = true;
        }
      }
      List<ObjectNode> alternatives = new ArrayList<>();
      alternatives.add(form);
      if (type.format().isPresent()) {
        form.put("format", type.format().get());
        expandable = true;
        if (type.check().isPresent() && type.check().get().check("").isEmpty()) {
          alternatives.add(NODES.objectNode().put("const", ""));
        }
      }
      if (expandable && interpolation) {
        alternatives.add(NODES.objectNode().put("$ref", interpolated()));
      }
      if (alternatives.size() == 1) {
        node.setAll(form);
      } else {
        node.putArray("anyOf").addAll(alternatives);
      }
    }

    private void enumeration(ObjectNode node, List<String> values) {
      ArrayNode spellings = NODES.arrayNode();
      values.forEach(spellings::add);
      if (interpolation) {
        ArrayNode anyOf = node.putArray("anyOf");
        anyOf.addObject().set("enum", spellings);
        anyOf.addObject().put("$ref", interpolated());
      } else {
        node.set("enum", spellings);
      }
    }

    /** A field's schema: its type's, with the default after the description. */
    private ObjectNode field(Field field) {
      ObjectNode type = schema(field.type());
      if (field.defaultValue().isEmpty()) {
        return type;
      }
      ObjectNode node = NODES.objectNode();
      node.set("description", type.remove("description"));
      node.set("default", json(field.defaultValue().get()));
      node.setAll(type);
      return node;
    }

    /** Unknown keys are errors, except {@code x-} keys, which are kept for the user's own data. */
    private static void closed(ObjectNode node) {
      node.putObject("patternProperties").putObject(X_KEYS);
      node.put("additionalProperties", false);
    }

    private String secretRef() {
      usesSecretRef = true;
      return "#/$defs/" + SECRET_REF_DEF;
    }

    private String interpolated() {
      usesInterpolation = true;
      return "#/$defs/" + INTERPOLATED_DEF;
    }

    ObjectNode defs() {
      ObjectNode defs = NODES.objectNode();
      if (usesInterpolation) {
        ObjectNode def = defs.putObject(INTERPOLATED_DEF);
        def.put(
            "description",
            "A ${VAR} or ${VAR:-default} reference, expanded from the environment when"
                + " platform.yaml is loaded; the expanded value must have the field's form.");
        def.put("type", "string");
        def.put("pattern", "\\$\\{[A-Za-z_][A-Za-z0-9_]*(:-[^}]*)?\\}");
      }
      if (usesSecretRef) {
        ObjectNode def = defs.putObject(SECRET_REF_DEF);
        def.put(
            "description",
            "A secret named, never written: {secret_ref: NAME}. The value is looked up only at"
                + " run time, in the environment or a mounted secret file.");
        def.put("type", "object");
        def.putArray("required").add("secret_ref");
        def.putObject("properties")
            .putObject("secret_ref")
            .put(
                "description",
                "The secret's name: letters, digits, '_' and '-' (no dots or slashes), starting"
                    + " with a letter or digit.")
            .put("type", "string")
            .put("pattern", ecma(SecretRef.NAME_PATTERN.pattern()));
        def.put("additionalProperties", false);
      }
      return defs;
    }
  }

  /**
   * A Java pattern as an ECMA 262 one. Java's {@code matches()} checks the whole text while JSON
   * Schema searches, so unanchored patterns are anchored.
   */
  public static String ecma(String pattern) {
    if (NOT_PORTABLE.matcher(pattern).find()) {
      throw new IllegalArgumentException(
          "pattern " + pattern + " uses Java regex syntax that JSON Schema (ECMA 262) lacks");
    }
    if (pattern.startsWith("^") && pattern.endsWith("$") && !pattern.endsWith("\\$")) {
      return pattern;
    }
    return "^(?:" + pattern + ")$";
  }

  private static boolean allEqual(java.util.Collection<ObjectNode> nodes) {
    return nodes.stream().distinct().count() <= 1;
  }

  /** A default value (already in validated form) as JSON; maps are written with sorted keys. */
  private static JsonNode json(Object value) {
    if (value instanceof String s) {
      return NODES.textNode(s);
    } else if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    } else if (value instanceof Integer || value instanceof Long) {
      return NODES.numberNode(((Number) value).longValue());
    } else if (value instanceof Double d) {
      return NODES.numberNode(d);
    } else if (value instanceof Map<?, ?> map) {
      ObjectNode node = NODES.objectNode();
      new TreeMap<>(map).forEach((k, v) -> node.set(String.valueOf(k), json(v)));
      return node;
    } else if (value instanceof List<?> list) {
      ArrayNode node = NODES.arrayNode();
      list.forEach(v -> node.add(json(v)));
      return node;
    }
    throw new IllegalArgumentException("no JSON form for a default of " + value.getClass());
  }
}
