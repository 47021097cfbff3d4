package dev.floe.core.internal.pipeline;

import dev.floe.core.internal.schema.Field;
import dev.floe.core.internal.schema.SchemaType.BoolType;
import dev.floe.core.internal.schema.SchemaType.EnumType;
import dev.floe.core.internal.schema.SchemaType.KeyRule;
import dev.floe.core.internal.schema.SchemaType.ListType;
import dev.floe.core.internal.schema.SchemaType.MapType;
import dev.floe.core.internal.schema.SchemaType.ObjectType;
import dev.floe.core.internal.schema.Strings;
import dev.floe.core.model.ClassificationSource;
import dev.floe.core.model.TransformType;
import dev.floe.core.model.WireEnum;
import java.util.List;
import java.util.Map;

/** The schema of floe.yaml: the single source of truth for validation and its JSON Schema. */
public final class PipelineSchema {
  /** Pipeline names. */
  public static final String NAME_PATTERN = "^[a-zA-Z][a-zA-Z0-9_-]{0,99}$";

  private static final String COMPARATOR = "(\\^|~|>=|<=|>|<|=)?";
  private static final String PARTIAL =
      "(0|[1-9]\\d*)(\\.(0|[1-9]\\d*|x|\\*)){0,2}(-[0-9A-Za-z.-]+)?";
  private static final ObjectType DOCUMENT = buildDocument();

  private PipelineSchema() {}

  /** The whole floe.yaml document. */
  public static ObjectType document() {
    return DOCUMENT;
  }

  /** The floe.yaml observability flags. */
  public static ObjectType observability() {
    return new ObjectType(
        "Which signals this pipeline leaves on (flags only: endpoints live in platform.yaml).",
        List.of(
            Field.withDefault("traces", new BoolType("Leave tracing on."), true),
            Field.withDefault("lineage", new BoolType("Leave lineage on."), true),
            Field.withDefault("metrics", new BoolType("Leave metrics on."), true),
            Field.withDefault(
                "attributes",
                new MapType(
                    "Extra resource attributes; they win over the platform's.",
                    KeyRule.ANY,
                    Strings.text("An attribute value.")),
                Map.of())));
  }

  /** The governance block. */
  public static ObjectType governance() {
    return new ObjectType(
        "Governance settings.",
        List.of(
            Field.withDefault(
                "classification_source",
                new EnumType(
                    "Where data classifications come from.",
                    WireEnum.spellings(ClassificationSource.class)),
                ClassificationSource.DBT_META.wire()),
            Field.withDefault(
                "emit_lineage", new BoolType("Emit lineage for this pipeline."), true)));
  }

  /** One transform. */
  public static ObjectType transform() {
    return new ObjectType(
        "A declarative transform.",
        List.of(
            Field.required(
                "type",
                new EnumType("The kind of transform.", WireEnum.spellings(TransformType.class))),
            Field.required(
                "path", Strings.nonEmpty("The transform's folder, relative to floe.yaml.")),
            Field.optional("target", Strings.nonEmpty("The dbt target to use."))));
  }

  private static ObjectType buildDocument() {
    return new ObjectType(
        "A floe pipeline: what it does, with logical profile names. Never holds an endpoint, a"
            + " credential or anything environment-specific.",
        List.of(
            Field.required(
                "name",
                Strings.pattern(
                    "The pipeline name.",
                    NAME_PATTERN,
                    "a name of up to 100 characters: a letter, then letters, digits, '_' or '-'")),
            Field.required("version", Strings.semver("The pipeline version.")),
            Field.optional(
                "platform",
                new ObjectType(
                    "Pins a published platform from a registry.",
                    List.of(
                        Field.required(
                            "ref",
                            Strings.pattern(
                                "The platform artifact, oci://HOST/REPO.",
                                "^oci://[a-zA-Z0-9.-]+(:[0-9]+)?(/[a-z0-9._-]+)+$",
                                "an OCI reference such as"
                                    + " \"oci://registry.example.com/acme/platform\"")),
                        Field.optional(
                            "version",
                            Strings.pattern(
                                "A semver range of acceptable platform versions.",
                                "^" + COMPARATOR + PARTIAL + "( +" + COMPARATOR + PARTIAL + ")*$",
                                "a semver range such as \"^1.4.0\", \"~1.4\" or \">=1.2.0"
                                    + " <2.0.0\""))))),
            Field.withDefault(
                "catalog", Strings.profileName("The catalog profile to use."), "default"),
            Field.withDefault(
                "storage", Strings.profileName("The storage profile to use."), "default"),
            Field.withDefault(
                "compute", Strings.profileName("The compute profile to use."), "default"),
            Field.optional(
                "assets",
                new ObjectType(
                    "Where the runtime finds @FloeAsset classes.",
                    List.of(
                        Field.withDefault(
                            "packages",
                            new ListType(
                                "Java packages to scan.",
                                Strings.pattern(
                                    "A Java package name.",
                                    "^[a-zA-Z_][a-zA-Z0-9_]*(\\.[a-zA-Z_][a-zA-Z0-9_]*)*$",
                                    "a Java package name such as \"com.acme.analytics\"")),
                            List.of())))),
            Field.withDefault(
                "transforms", new ListType("Declarative transforms.", transform()), List.of()),
            Field.optional("governance", governance()),
            Field.optional("observability", observability())));
  }
}
