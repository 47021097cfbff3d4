package dev.floe.core.internal.platform;

import dev.floe.core.internal.schema.Field;
import dev.floe.core.internal.schema.Keys;
import dev.floe.core.internal.schema.SchemaType.BoolType;
import dev.floe.core.internal.schema.SchemaType.EnumType;
import dev.floe.core.internal.schema.SchemaType.IntType;
import dev.floe.core.internal.schema.SchemaType.KeyRule;
import dev.floe.core.internal.schema.SchemaType.MapType;
import dev.floe.core.internal.schema.SchemaType.NumberType;
import dev.floe.core.internal.schema.SchemaType.ObjectType;
import dev.floe.core.internal.schema.SchemaType.SecretRefType;
import dev.floe.core.internal.schema.SchemaType.StringOrSecretType;
import dev.floe.core.internal.schema.SchemaType.StringType;
import dev.floe.core.internal.schema.SchemaType.VariantType;
import dev.floe.core.internal.schema.Strings;
import dev.floe.core.model.AccessDelegation;
import dev.floe.core.model.CatalogType;
import dev.floe.core.model.ComputeType;
import dev.floe.core.model.CredentialMode;
import dev.floe.core.model.IdentityProvider;
import dev.floe.core.model.OtlpProtocol;
import dev.floe.core.model.SecretRef;
import dev.floe.core.model.StorageType;
import dev.floe.core.model.WireEnum;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema of platform.yaml version 1, and of the profile blocks CompiledArtifacts repeats. The
 * single source of truth for validation and for {@code schemas/platform.schema.json}.
 */
public final class PlatformSchema {
  /** The platform.yaml schema major version this build reads. */
  public static final int MAJOR_VERSION = 1;

  private static final Set<String> HTTP = Set.of("http", "https");
  private static final Pattern DURATION = Pattern.compile("^([1-9][0-9]*)(s|m|h)$");

  private static final ObjectType DOCUMENT = buildDocument();

  private PlatformSchema() {}

  /** The whole platform.yaml document. */
  public static ObjectType document() {
    return DOCUMENT;
  }

  /** Every key name used anywhere in platform.yaml; floe.yaml refuses those it does not know. */
  public static Set<String> keyNames() {
    return Keys.of(DOCUMENT);
  }

  private static ObjectType buildDocument() {
    return new ObjectType(
        "One environment's infrastructure: named storage, catalog and compute profiles and"
            + " observability endpoints. Never holds a secret value: secrets are named with"
            + " secret_ref and resolved at run time.",
        List.of(
            Field.withDefault(
                "version",
                Strings.semver(
                    "The platform.yaml schema version; the major version must be "
                        + MAJOR_VERSION
                        + "."),
                "1.0.0"),
            Field.withDefault(
                "storage",
                new MapType(
                    "Named storage profiles; floe.yaml refers to one by name.",
                    KeyRule.PROFILE_NAME,
                    storageProfile()),
                Map.of()),
            Field.withDefault(
                "catalogs",
                new MapType(
                    "Named Iceberg catalog profiles; floe.yaml refers to one by name.",
                    KeyRule.PROFILE_NAME,
                    catalogProfile()),
                Map.of()),
            Field.withDefault(
                "compute",
                new MapType(
                    "Named compute profiles; floe.yaml refers to one by name.",
                    KeyRule.PROFILE_NAME,
                    computeProfile()),
                Map.of()),
            Field.optional("observability", observability())));
  }

  /** A storage profile. */
  public static VariantType storageProfile() {
    List<Field> bucketed =
        List.of(
            Field.optional(
                "endpoint",
                new StringOrSecretType(
                    "The storage endpoint, or {secret_ref: NAME} to hide internal topology.",
                    Strings.url(
                        "The storage endpoint URL.", HTTP, "the cloud provider's own endpoint"))),
            Field.required(
                "bucket",
                Strings.pattern(
                    "The bucket holding the warehouse.",
                    "^(?!\\d+\\.\\d+\\.\\d+\\.\\d+$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$",
                    "a bucket name: 3-63 characters, lower-case letters, digits, '.' and '-',"
                        + " starting and ending with a letter or digit")),
            Field.optional("region", Strings.nonEmpty("The region of the bucket.")));
    List<Field> s3 = new ArrayList<>(bucketed);
    s3.set(
        2, Field.withDefault("region", Strings.nonEmpty("The region of the bucket."), "us-east-1"));
    s3.add(
        Field.withDefault(
            "path_style_access",
            new BoolType("Address buckets by path; true for MinIO and S3-compatible servers."),
            false));
    s3.add(
        Field.optional(
            "credentials", credentials(EnumSet.complementOf(EnumSet.of(CredentialMode.OAUTH2)))));
    // Regions are an S3 notion; gcs and azure buckets carry their location themselves.
    List<Field> cloud = new ArrayList<>(bucketed.subList(0, 2));
    cloud.add(
        Field.optional(
            "credentials", credentials(EnumSet.complementOf(EnumSet.of(CredentialMode.OAUTH2)))));
    Map<String, List<Field>> variants = new LinkedHashMap<>();
    variants.put(StorageType.S3.wire(), s3);
    variants.put(StorageType.GCS.wire(), cloud);
    variants.put(StorageType.AZURE.wire(), cloud);
    variants.put(
        StorageType.LOCAL.wire(),
        List.of(
            Field.required(
                "path",
                Strings.nonEmpty(
                    "The warehouse folder, relative to the project folder (the folder holding"
                        + " floe.yaml) unless absolute."))));
    return new VariantType(
        "Where table data lives.",
        "type",
        "The kind of storage.",
        Optional.of(StorageType.S3.wire()),
        List.of(),
        variants);
  }

  /** A catalog profile. */
  public static VariantType catalogProfile() {
    List<Field> common =
        List.of(
            Field.required(
                "warehouse", Strings.nonEmpty("The warehouse name (REST catalogs) or location.")),
            Field.withDefault(
                "namespace", Strings.nonEmpty("The default namespace for tables."), "default"),
            Field.withDefault(
                "access_delegation",
                new EnumType(
                    "How the catalog hands storage access to clients.",
                    WireEnum.spellings(AccessDelegation.class)),
                AccessDelegation.NONE.wire()),
            Field.withDefault(
                "token_refresh_enabled",
                new BoolType("Refresh OAuth2 tokens before they expire."),
                true),
            Field.withDefault(
                "properties",
                new MapType(
                    "Extra Iceberg catalog properties. Credential-like keys take only"
                        + " {secret_ref: NAME}.",
                    KeyRule.ANY,
                    new StringOrSecretType(
                        "A property value, or a secret reference.",
                        Strings.text("A property value."))),
                Map.of()),
            Field.optional("credentials", credentials(EnumSet.allOf(CredentialMode.class))));
    Map<String, List<Field>> variants = new LinkedHashMap<>();
    for (CatalogType type : CatalogType.values()) {
      variants.put(type.wire(), List.of(catalogUri(type)));
    }
    return new VariantType(
        "An Iceberg catalog.",
        "type",
        "The kind of catalog.",
        Optional.of(CatalogType.POLARIS.wire()),
        common,
        variants);
  }

  private static Field catalogUri(CatalogType type) {
    StringType text =
        switch (type) {
          case JDBC ->
              Strings.pattern(
                  "A JDBC URL, e.g. jdbc:sqlite:.floe/catalog.db or"
                      + " jdbc:postgresql://host:5432/catalog.",
                  "^jdbc:[a-z0-9]+:.+$",
                  "a JDBC URL such as \"jdbc:sqlite:.floe/catalog.db\"");
          case HIVE -> Strings.url("The Hive metastore URI.", Set.of("thrift"), null);
          default -> Strings.url("The catalog endpoint URL.", HTTP, null);
        };
    StringOrSecretType uri =
        new StringOrSecretType(
            "The catalog endpoint, or {secret_ref: NAME} to hide internal topology.", text);
    return type == CatalogType.GLUE ? Field.optional("uri", uri) : Field.required("uri", uri);
  }

  /** A compute profile. */
  public static VariantType computeProfile() {
    Map<String, List<Field>> variants = new LinkedHashMap<>();
    for (ComputeType type : ComputeType.values()) {
      variants.put(
          type.wire(),
          List.of(
              Field.withDefault("properties", computeProperties(type), Map.of()),
              Field.optional("credentials", credentials(EnumSet.allOf(CredentialMode.class)))));
    }
    return new VariantType(
        "A compute engine.",
        "type",
        "The engine.",
        Optional.of(ComputeType.DUCKDB.wire()),
        List.of(),
        variants);
  }

  private static ObjectType computeProperties(ComputeType type) {
    StringType text = Strings.nonEmpty("A setting of the engine.");
    IntType port = new IntType("The TCP port.", 1, 65535);
    List<Field> fields =
        switch (type) {
          case DUCKDB ->
              List.of(
                  Field.optional(
                      "database",
                      Strings.nonEmpty(
                          "The database file, relative to the project folder; in memory when"
                              + " absent.")),
                  Field.optional("threads", new IntType("Worker threads.", 1, 1024)),
                  Field.optional(
                      "memory_limit",
                      Strings.pattern(
                          "The memory limit, e.g. 4GB.",
                          "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB|%)$",
                          "a size such as \"4GB\" or \"512MB\"")),
                  Field.optional("temp_directory", text));
          case POSTGRES ->
              List.of(
                  Field.optional("host", text),
                  Field.optional("port", port),
                  Field.optional("database", text),
                  Field.optional("schema", text),
                  Field.optional(
                      "sslmode",
                      new EnumType(
                          "The TLS mode.",
                          List.of(
                              "disable",
                              "allow",
                              "prefer",
                              "require",
                              "verify-ca",
                              "verify-full"))));
          case SNOWFLAKE ->
              List.of(
                  Field.optional("account", text),
                  Field.optional("warehouse", text),
                  Field.optional("database", text),
                  Field.optional("schema", text),
                  Field.optional("role", text));
          case BIGQUERY ->
              List.of(
                  Field.optional("project", text),
                  Field.optional("dataset", text),
                  Field.optional("location", text));
          case REDSHIFT ->
              List.of(
                  Field.optional("host", text),
                  Field.optional("port", port),
                  Field.optional("database", text),
                  Field.optional("schema", text));
          case DATABRICKS ->
              List.of(
                  Field.optional("host", text),
                  Field.optional("http_path", text),
                  Field.optional("catalog", text),
                  Field.optional("schema", text));
          case SPARK ->
              List.of(
                  Field.optional("master", text),
                  Field.optional("app_name", text),
                  Field.optional(
                      "conf",
                      new MapType(
                          "Spark configuration entries.",
                          KeyRule.ANY,
                          Strings.text("A Spark configuration value."))));
          case TRINO ->
              List.of(
                  Field.optional("host", text),
                  Field.optional("port", port),
                  Field.optional("catalog", text),
                  Field.optional("schema", text),
                  Field.optional("ssl", new BoolType("Connect with TLS.")));
        };
    return new ObjectType("Settings of the " + type.wire() + " engine.", fields);
  }

  /** The credentials block, offering the given modes. */
  public static VariantType credentials(Set<CredentialMode> modes) {
    Map<String, List<Field>> variants = new LinkedHashMap<>();
    StringType optionalText = Strings.nonEmpty("text");
    for (CredentialMode mode : CredentialMode.values()) {
      if (!modes.contains(mode)) {
        continue;
      }
      List<Field> fields =
          switch (mode) {
            case STATIC ->
                List.of(
                    Field.optional(
                        "secret_ref",
                        Strings.pattern(
                            "The name of a multi-key secret holding this profile's credentials.",
                            SecretRef.NAME_PATTERN.pattern(),
                            "a secret name: letters, digits, '_' and '-'")));
            case OAUTH2 ->
                List.of(
                    Field.required(
                        "client_id",
                        new StringOrSecretType(
                            "The OAuth2 client id, or {secret_ref: NAME}.",
                            Strings.nonEmpty("The OAuth2 client id."))),
                    Field.required(
                        "client_secret",
                        new SecretRefType("The OAuth2 client secret: {secret_ref: NAME} only.")),
                    Field.optional("scope", Strings.nonEmpty("The OAuth2 scope to request.")),
                    Field.optional(
                        "token_endpoint",
                        Strings.url(
                            "The token endpoint; default <uri>/v1/oauth/tokens.",
                            HTTP,
                            "the catalog's default token endpoint")),
                    Field.optional("audience", Strings.nonEmpty("The token audience.")));
            case IAM_ROLE ->
                List.of(
                    Field.required(
                        "role_arn",
                        Strings.pattern(
                            "The AWS IAM role to assume.",
                            "^arn:aws(-[a-z]+)*:iam::\\d{12}:role/[\\w+=,.@/-]+$",
                            "an IAM role ARN such as \"arn:aws:iam::123456789012:role/floe\"")),
                    Field.optional("external_id", optionalText),
                    Field.optional("session_name", optionalText),
                    Field.optional(
                        "web_identity_token_file",
                        Strings.nonEmpty(
                            "A web identity token file for AssumeRoleWithWebIdentity.")),
                    Field.optional("duration", duration()));
            case SERVICE_ACCOUNT ->
                List.of(
                    Field.optional(
                        "audience", Strings.nonEmpty("The audience of the exchanged token.")),
                    Field.optional("token_file", Strings.nonEmpty("The projected token file.")),
                    Field.optional(
                        "provider",
                        new EnumType(
                            "The workload identity provider.",
                            WireEnum.spellings(IdentityProvider.class))));
          };
      variants.put(mode.wire(), fields);
    }
    return new VariantType(
        "How the runtime obtains credentials. Secrets are named with secret_ref, never written.",
        "mode",
        "The credential mode.",
        Optional.of(CredentialMode.STATIC.wire()),
        List.of(),
        variants);
  }

  private static StringType duration() {
    return new StringType(
        "How long assumed-role credentials last: 15m to 12h.",
        Optional.of(DURATION),
        "a duration from 15m to 12h such as \"1h\", \"45m\" or \"3600s\"",
        Optional.empty(),
        Optional.of(
            value -> {
              Matcher m = DURATION.matcher(value);
              if (!m.matches()) {
                return Optional.empty();
              }
              long n = Long.parseLong(m.group(1));
              long seconds =
                  switch (m.group(2)) {
                    case "h" -> n * 3600;
                    case "m" -> n * 60;
                    default -> n;
                  };
              return seconds < 900 || seconds > 43200
                  ? Optional.of("AWS allows 15m to 12h")
                  : Optional.empty();
            }));
  }

  /** The platform observability block. */
  public static ObjectType observability() {
    StringOrSecretType endpoint =
        new StringOrSecretType(
            "An endpoint URL, or {secret_ref: NAME}.", Strings.url("An endpoint URL.", HTTP, null));
    return new ObjectType(
        "Where traces, metrics and lineage go. A signal is on only if both platform.yaml and"
            + " floe.yaml leave it on.",
        List.of(
            Field.withDefault("traces", new BoolType("Export OpenTelemetry traces."), true),
            Field.withDefault("metrics", new BoolType("Export OpenTelemetry metrics."), true),
            Field.withDefault("lineage", new BoolType("Emit OpenLineage events."), true),
            Field.optional("otlp_endpoint", endpoint),
            Field.withDefault(
                "otlp_protocol",
                new EnumType("The OTLP transport.", WireEnum.spellings(OtlpProtocol.class)),
                OtlpProtocol.HTTP_PROTOBUF.wire()),
            Field.optional("lineage_endpoint", endpoint),
            Field.optional(
                "lineage_namespace",
                Strings.nonEmpty("The OpenLineage namespace; default: the pipeline name.")),
            Field.withDefault(
                "sampling", new NumberType("The trace sampling ratio.", 0.0, 1.0), 1.0),
            Field.withDefault(
                "attributes",
                new MapType(
                    "OpenTelemetry resource attributes.",
                    KeyRule.ANY,
                    Strings.text("An attribute value.")),
                Map.of())));
  }
}
