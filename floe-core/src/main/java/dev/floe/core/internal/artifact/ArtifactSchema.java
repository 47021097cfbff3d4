package dev.floe.core.internal.artifact;

import dev.floe.core.internal.pipeline.PipelineSchema;
import dev.floe.core.internal.platform.PlatformSchema;
import dev.floe.core.internal.schema.Field;
import dev.floe.core.internal.schema.SchemaType.BoolType;
import dev.floe.core.internal.schema.SchemaType.EnumType;
import dev.floe.core.internal.schema.SchemaType.KeyRule;
import dev.floe.core.internal.schema.SchemaType.ListType;
import dev.floe.core.internal.schema.SchemaType.MapType;
import dev.floe.core.internal.schema.SchemaType.NumberType;
import dev.floe.core.internal.schema.SchemaType.ObjectType;
import dev.floe.core.internal.schema.SchemaType.StringOrSecretType;
import dev.floe.core.internal.schema.SchemaType.StringType;
import dev.floe.core.internal.schema.SchemaType.VariantType;
import dev.floe.core.internal.schema.Strings;
import dev.floe.core.model.Environments;
import dev.floe.core.model.OtlpProtocol;
import dev.floe.core.model.WireEnum;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The schema of CompiledArtifacts 2.x, built from the same profile definitions as platform.yaml:
 * the single source of truth for reading artifacts and for {@code
 * schemas/compiled-artifacts.schema.json}.
 */
public final class ArtifactSchema {
  private static final ObjectType DOCUMENT = build();

  private ArtifactSchema() {}

  /** The whole CompiledArtifacts document. */
  public static ObjectType document() {
    return DOCUMENT;
  }

  private static ObjectType build() {
    StringType hash =
        Strings.pattern("A content hash.", "^sha256:[0-9a-f]{64}$", "sha256:<64 hex digits>");
    StringType text = Strings.nonEmpty("text");
    ObjectType metadata =
        new ObjectType(
            "Where and when the artifact was compiled.",
            List.of(
                Field.required(
                    "name",
                    Strings.pattern(
                        "The pipeline name.", PipelineSchema.NAME_PATTERN, "a pipeline name")),
                Field.required("version", Strings.semver("The pipeline version.")),
                Field.required(
                    "compiled_at",
                    new StringType(
                        "When it was compiled (UTC, to the second).",
                        Optional.of(
                            java.util.regex.Pattern.compile(
                                "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$")),
                        "an instant such as \"2026-01-01T00:00:00Z\"",
                        Optional.of("date-time"),
                        Optional.of(ArtifactSchema::instant))),
                Field.required("floe_version", Strings.nonEmpty("The floe that compiled it.")),
                Field.required("floe_spec_path", text),
                Field.required("source_hash", hash),
                Field.required("platform_hash", hash)));
    StringOrSecretType endpoint =
        new StringOrSecretType(
            "An endpoint URL, or {secret_ref: NAME}.",
            Strings.url("An endpoint URL.", Set.of("http", "https"), null));
    ObjectType observability =
        new ObjectType(
            "Observability after merging platform.yaml and floe.yaml.",
            List.of(
                Field.required("traces", new BoolType("Traces on.")),
                Field.required("metrics", new BoolType("Metrics on.")),
                Field.required("lineage", new BoolType("Lineage on.")),
                Field.optional("otlp_endpoint", endpoint),
                Field.required(
                    "otlp_protocol",
                    new EnumType("The OTLP transport.", WireEnum.spellings(OtlpProtocol.class))),
                Field.optional("lineage_endpoint", endpoint),
                Field.required("lineage_namespace", text),
                Field.required("sampling", new NumberType("The trace sampling ratio.", 0.0, 1.0)),
                Field.required(
                    "attributes",
                    new MapType(
                        "Resource attributes.",
                        KeyRule.ANY,
                        Strings.text("An attribute value.")))));
    return new ObjectType(
        "CompiledArtifacts: one pipeline compiled against one platform. Every profile is"
            + " resolved; every secret is still a reference.",
        List.of(
            Field.required(
                "version",
                Strings.semver("The contract version; this floe reads major version 2.")),
            Field.required("metadata", metadata),
            Field.required(
                "environment",
                Strings.pattern(
                    "The environment name.",
                    Environments.NAME_PATTERN.pattern(),
                    "an environment name")),
            Field.required("platform_version", Strings.semver("The platform.yaml version.")),
            Field.required(
                "platform_source",
                Strings.nonEmpty("The platform used: a path, env or builtin:local.")),
            Field.required("catalog", named(PlatformSchema.catalogProfile())),
            Field.required("storage", named(PlatformSchema.storageProfile())),
            Field.required("compute", named(PlatformSchema.computeProfile())),
            Field.required("observability", observability),
            Field.required(
                "assets",
                new ObjectType(
                    "Where the runtime finds asset classes.",
                    List.of(
                        Field.required(
                            "packages",
                            new ListType(
                                "Java packages.", Strings.nonEmpty("A Java package name.")))))),
            Field.required(
                "transforms", new ListType("Declarative transforms.", PipelineSchema.transform())),
            Field.required("governance", PipelineSchema.governance())));
  }

  private static Optional<String> instant(String value) {
    try {
      java.time.Instant.parse(value);
      return Optional.empty();
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.of("it is not a real date and time");
    }
  }

  private static VariantType named(VariantType profile) {
    List<Field> common = new ArrayList<>();
    common.add(Field.required("profile", Strings.profileName("The profile name chosen.")));
    common.addAll(profile.common());
    return new VariantType(
        profile.description(),
        profile.discriminator(),
        profile.discriminatorDescription(),
        profile.defaultVariant(),
        common,
        profile.variants());
  }
}
