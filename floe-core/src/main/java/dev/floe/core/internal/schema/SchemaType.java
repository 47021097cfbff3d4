package dev.floe.core.internal.schema;

import static java.util.Objects.requireNonNull;

import dev.floe.core.schema.JsonSchemaExporter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one description of a configuration format. {@link SchemaValidator} checks YAML against it and
 * {@link JsonSchemaExporter} writes the published JSON Schema from it, so the two can never
 * disagree. Every type carries a description for IDE hovers.
 */
public sealed interface SchemaType
    permits SchemaType.ObjectType,
        SchemaType.VariantType,
        SchemaType.MapType,
        SchemaType.ListType,
        SchemaType.StringType,
        SchemaType.EnumType,
        SchemaType.BoolType,
        SchemaType.IntType,
        SchemaType.NumberType,
        SchemaType.SecretRefType,
        SchemaType.StringOrSecretType {

  /** What the type is for. */
  String description();

  /** A closed mapping with known fields; keys starting {@code x-} are ignored. */
  record ObjectType(String description, List<Field> fields) implements SchemaType {
    public ObjectType {
      requireNonNull(description, "description");
      fields = List.copyOf(fields);
    }

    /** The field called {@code name}. */
    public Optional<Field> field(String name) {
      for (Field f : fields) {
        if (f.name().equals(name)) {
          return Optional.of(f);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * A mapping whose fields depend on a discriminator ({@code type} of a storage profile, {@code
   * mode} of credentials). Common fields apply to all variants.
   */
  record VariantType(
      String description,
      String discriminator,
      String discriminatorDescription,
      Optional<String> defaultVariant,
      List<Field> common,
      Map<String, List<Field>> variants)
      implements SchemaType {
    public VariantType {
      requireNonNull(description, "description");
      requireNonNull(discriminator, "discriminator");
      requireNonNull(discriminatorDescription, "discriminatorDescription");
      requireNonNull(defaultVariant, "defaultVariant");
      common = List.copyOf(common);
      Map<String, List<Field>> copy = new LinkedHashMap<>();
      for (Map.Entry<String, List<Field>> variant : variants.entrySet()) {
        copy.put(variant.getKey(), List.copyOf(variant.getValue()));
      }
      variants = java.util.Collections.unmodifiableMap(copy);
    }

    /** Common fields followed by those of {@code variant}. */
    public List<Field> fieldsOf(String variant) {
      List<Field> all = new java.util.ArrayList<>(common);
      all.addAll(variants.getOrDefault(variant, List.of()));
      return all;
    }
  }

  /** How the keys of a {@link MapType} are checked. */
  enum KeyRule {
    /** Profile names: {@code ^[a-zA-Z][a-zA-Z0-9_-]*$}. */
    PROFILE_NAME,
    /** Any non-empty text (attributes, properties). */
    ANY
  }

  /** A mapping from names to values of one type. */
  record MapType(String description, KeyRule keys, SchemaType values) implements SchemaType {
    public MapType {
      requireNonNull(description, "description");
      requireNonNull(keys, "keys");
      requireNonNull(values, "values");
    }
  }

  /** A list of values of one type. */
  record ListType(String description, SchemaType items) implements SchemaType {
    public ListType {
      requireNonNull(description, "description");
      requireNonNull(items, "items");
    }
  }

  /** An extra rule for a string; returns the reason a value is wrong, if it is. */
  @FunctionalInterface
  interface StringCheck {
    Optional<String> check(String value);
  }

  /**
   * Text, optionally matching a pattern.
   *
   * @param description what it is
   * @param pattern the pattern it must match
   * @param expected the expected form in words ("a semantic version such as 1.2.3")
   * @param format the JSON Schema {@code format}, if any
   * @param check an extra rule
   */
  record StringType(
      String description,
      Optional<Pattern> pattern,
      String expected,
      Optional<String> format,
      Optional<StringCheck> check)
      implements SchemaType {
    public StringType {
      requireNonNull(description, "description");
      requireNonNull(pattern, "pattern");
      requireNonNull(expected, "expected");
      requireNonNull(format, "format");
      requireNonNull(check, "check");
    }
  }

  /** One of a fixed set of lower-case spellings. */
  record EnumType(String description, List<String> values) implements SchemaType {
    public EnumType {
      requireNonNull(description, "description");
      values = List.copyOf(values);
    }
  }

  /** {@code true} or {@code false}, unquoted. */
  record BoolType(String description) implements SchemaType {
    public BoolType {
      requireNonNull(description, "description");
    }
  }

  /** A whole number within bounds. */
  record IntType(String description, long min, long max) implements SchemaType {
    public IntType {
      requireNonNull(description, "description");
    }
  }

  /** A number within bounds. */
  record NumberType(String description, double min, double max) implements SchemaType {
    public NumberType {
      requireNonNull(description, "description");
    }
  }

  /** Only a secret reference, {@code {secret_ref: NAME}}: a plain value is refused. */
  record SecretRefType(String description) implements SchemaType {
    public SecretRefType {
      requireNonNull(description, "description");
    }
  }

  /** Either text or a secret reference (endpoints that may hide internal topology). */
  record StringOrSecretType(String description, StringType text) implements SchemaType {
    public StringOrSecretType {
      requireNonNull(description, "description");
      requireNonNull(text, "text");
    }
  }
}
