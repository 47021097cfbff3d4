package dev.floe.core.schema;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The published JSON Schemas: checked in up to date, valid 2020-12 schemas, and in agreement with
 * the loader on real and broken files.
 *
 * <p>When the schema classes change, regenerate the checked-in files and review the diff:
 *
 * <pre>
 * ./mvnw -q -pl floe-core test -Dtest=JsonSchemaExporterTest -Dfloe.regenerate=true
 * </pre>
 */
class JsonSchemaExporterTest {
  static final String PLATFORM = "platform.schema.json";
  static final String PIPELINE = "floe.schema.json";
  static final String ARTIFACTS = "compiled-artifacts.schema.json";

  private static final String REGENERATE =
      "./mvnw -q -pl floe-core test -Dtest=JsonSchemaExporterTest -Dfloe.regenerate=true";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

  /**
   * A YAML document, the schema file it is checked against and, for a broken one, the field path
   * both the loader and the schema point at ({@code storage.default.bucket}).
   */
  record Case(String description, String schemaFile, String path, String yaml) {
    @Override
    public String toString() {
      return description;
    }
  }

  // ---- the checked-in files ----------------------------------------------------------------

  @Test
  void checkedInSchemasMatchTheSchemaClasses() throws IOException {
    Path schemas = repoRoot().resolve("schemas");
    Map<String, String> exported = JsonSchemaExporter.exportAll();
    if (Boolean.getBoolean("floe.regenerate")) {
      Files.createDirectories(schemas);
      for (Map.Entry<String, String> e : exported.entrySet()) {
        Files.writeString(schemas.resolve(e.getKey()), e.getValue(), UTF_8);
      }
    }
    List<String> stale = new ArrayList<>();
    for (Map.Entry<String, String> e : exported.entrySet()) {
      Path file = schemas.resolve(e.getKey());
      if (!Files.isRegularFile(file) || !Files.readString(file, UTF_8).equals(e.getValue())) {
        stale.add("schemas/" + e.getKey());
      }
    }
    try (Stream<Path> files = Files.list(schemas)) {
      files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".schema.json") && !exported.containsKey(n))
          .sorted()
          .forEach(n -> stale.add("schemas/" + n + " (no longer generated: delete it)"));
    }
    assertThat(stale)
        .as(
            "checked-in JSON Schemas differ from the schema classes; regenerate them with%n  %s%n"
                + "and review the diff",
            REGENERATE)
        .isEmpty();
  }

  @Test
  void exportAllNamesTheThreeDocumentsInOrder() {
    assertThat(JsonSchemaExporter.exportAll().keySet())
        .containsExactly(PLATFORM, PIPELINE, ARTIFACTS);
  }

  @Test
  void everyExportedDocumentIsAValid2020_12Schema() throws IOException {
    JsonSchema meta = FACTORY.getSchema(SchemaLocation.of(JsonSchemaExporter.DIALECT));
    // The meta-schema really is loaded (offline, from the validator's bundled copy).
    assertThat(meta.validate(MAPPER.readTree("{\"type\": \"objekt\"}"))).isNotEmpty();
    for (Map.Entry<String, String> e : JsonSchemaExporter.exportAll().entrySet()) {
      JsonNode schema = MAPPER.readTree(e.getValue());
      assertThat(meta.validate(schema)).as(e.getKey()).isEmpty();
      assertThat(FACTORY.getSchema(schema)).as(e.getKey()).isNotNull();
    }
  }

  // ---- agreement with the loader -----------------------------------------------------------

  @ParameterizedTest
  @MethodSource("demoFiles")
  void everyDemoFileIsValid(Path file) throws IOException {
    assumeTrue(Files.isRegularFile(file), () -> file + " is not written yet");
    String schema = file.getFileName().toString().equals("floe.yaml") ? PIPELINE : PLATFORM;
    assertThat(errors(schema, Files.readString(file, UTF_8))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("validCases")
  void acceptsValidFile(Case c) {
    assertThat(errors(c.schemaFile(), c.yaml())).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("invalidCases")
  void rejectsInvalidFileAtTheFieldTheLoaderNames(Case c) {
    assertThat(errorPaths(c.schemaFile(), c.yaml())).contains(c.path());
  }

  static Stream<Path> demoFiles() throws IOException {
    Path demo = repoRoot().resolve("demo");
    List<Path> files = new ArrayList<>();
    files.add(demo.resolve("floe.yaml"));
    Path platforms = demo.resolve("platform");
    if (Files.isDirectory(platforms)) {
      try (Stream<Path> envs = Files.list(platforms)) {
        envs.sorted().map(env -> env.resolve("platform.yaml")).forEach(files::add);
      }
    } else {
      files.add(platforms.resolve("local").resolve("platform.yaml"));
    }
    return files.stream();
  }

  static Stream<Case> validCases() {
    return Stream.of(
        new Case(
            "x- keys at every level",
            PLATFORM,
            "",
            """
            x-anchors: {any: thing}
            storage:
              x-note: not a profile
              default: {type: local, path: ./w, x-owner: data}
            catalogs:
              default:
                type: jdbc
                uri: jdbc:sqlite:c.db
                warehouse: w
                credentials: {x-comment: none}
            """),
        new Case(
            "interpolated values in platform.yaml",
            PLATFORM,
            "",
            """
            storage:
              default:
                type: "${STORAGE_TYPE:-s3}"
                bucket: "${BUCKET:-floe-bucket}"
                endpoint: "${S3_ENDPOINT:-http://minio:9000}"
            observability:
              otlp_protocol: "${OTLP_PROTOCOL:-grpc}"
            """),
        new Case(
            "defaults: s3 storage, polaris catalog, static credentials, duckdb compute",
            PLATFORM,
            "",
            """
            storage:
              default:
                bucket: floe-bucket
                endpoint: ""
                credentials: {secret_ref: minio-credentials}
            catalogs:
              default:
                uri: https://polaris:8181/api/catalog
                warehouse: w
                properties:
                  header.X-Tenant: acme
                  token: {secret_ref: catalog-token}
            compute:
              default:
                properties: {threads: 2}
            """),
        new Case(
            "glue catalog without uri, engine-specific compute properties",
            PLATFORM,
            "",
            """
            catalogs:
              aws: {type: glue, warehouse: s3://bucket/w}
            compute:
              pg:
                type: postgres
                properties: {host: db, port: 5432, sslmode: verify-full}
                credentials: {mode: static, secret_ref: pg-login}
              trino: {type: trino, properties: {ssl: true}}
            observability: {sampling: 0.25, otlp_endpoint: {secret_ref: otlp-endpoint}}
            """),
        new Case(
            "minimal floe.yaml",
            PIPELINE,
            "",
            """
            name: p
            version: "0.1.0-rc.1"
            transforms: [{type: dbt, path: ./dbt}]
            platform: {ref: oci://registry.example.com/acme/platform, version: ^1.4.0}
            """));
  }

  static Stream<Case> invalidCases() {
    return Stream.of(
        new Case(
            "unknown key in a storage profile",
            PLATFORM,
            "storage.default.regoin",
            """
            storage:
              default: {type: s3, bucket: floe-bucket, regoin: eu-west-1}
            """),
        new Case("unknown top-level key", PLATFORM, "catalog", "catalog: {}\n"),
        new Case(
            "bucket on a local storage",
            PLATFORM,
            "storage.default.bucket",
            """
            storage:
              default: {type: local, path: ./w, bucket: floe-bucket}
            """),
        new Case(
            "s3 (the default type) without a bucket",
            PLATFORM,
            "storage.default.bucket",
            """
            storage:
              default: {path: ./w}
            """),
        new Case(
            "plaintext client_secret",
            PLATFORM,
            "catalogs.default.credentials.client_secret",
            """
            catalogs:
              default:
                uri: http://polaris:8181/api/catalog
                warehouse: w
                credentials: {mode: oauth2, client_id: floe, client_secret: hunter2}
            """),
        new Case(
            "mode oauth2 missing client_id",
            PLATFORM,
            "catalogs.default.credentials.client_id",
            """
            catalogs:
              default:
                uri: http://polaris:8181/api/catalog
                warehouse: w
                credentials:
                  mode: oauth2
                  client_secret: {secret_ref: polaris-client-secret}
            """),
        new Case(
            "role_arn with mode oauth2",
            PLATFORM,
            "catalogs.default.credentials.role_arn",
            """
            catalogs:
              default:
                uri: http://polaris:8181/api/catalog
                warehouse: w
                credentials:
                  mode: oauth2
                  client_id: floe
                  client_secret: {secret_ref: polaris-client-secret}
                  role_arn: "arn:aws:iam::123456789012:role/floe"
            """),
        new Case(
            "oauth2 on storage, which does not offer it",
            PLATFORM,
            "storage.default.credentials.mode",
            """
            storage:
              default:
                bucket: floe-bucket
                credentials:
                  mode: oauth2
                  client_id: floe
                  client_secret: {secret_ref: s}
            """),
        new Case(
            "enum typo in access_delegation",
            PLATFORM,
            "catalogs.default.access_delegation",
            """
            catalogs:
              default:
                uri: http://polaris:8181/api/catalog
                warehouse: w
                access_delegation: vended_credentials
            """),
        new Case(
            "catalog type typo",
            PLATFORM,
            "catalogs.default.type",
            """
            catalogs:
              default: {type: polars, uri: http://polaris:8181/api/catalog, warehouse: w}
            """),
        new Case(
            "profile name starting with a digit",
            PLATFORM,
            "storage.1st",
            """
            storage:
              1st: {type: local, path: ./w}
            """),
        new Case(
            "secret name with a slash",
            PLATFORM,
            "storage.default.endpoint.secret_ref",
            """
            storage:
              default: {bucket: floe-bucket, endpoint: {secret_ref: ../etc/passwd}}
            """),
        new Case(
            "secret reference with another key",
            PLATFORM,
            "storage.default.endpoint.value",
            """
            storage:
              default: {bucket: floe-bucket, endpoint: {secret_ref: e, value: x}}
            """),
        new Case(
            "port out of range",
            PLATFORM,
            "compute.pg.properties.port",
            """
            compute:
              pg: {type: postgres, properties: {port: 70000}}
            """),
        new Case(
            "property of another engine",
            PLATFORM,
            "compute.default.properties.account",
            """
            compute:
              default: {type: duckdb, properties: {account: acme}}
            """),
        new Case(
            "sampling above 1",
            PLATFORM,
            "observability.sampling",
            "observability: {sampling: 1.5}\n"),
        new Case(
            "boolean written as text",
            PLATFORM,
            "observability.traces",
            "observability: {traces: \"yes\"}\n"),
        new Case("floe.yaml without version", PIPELINE, "version", "name: p\n"),
        new Case(
            "unquoted version read as a number", PIPELINE, "version", "name: p\nversion: 1.0\n"),
        new Case(
            "platform key in floe.yaml",
            PIPELINE,
            "catalogs",
            "name: p\nversion: \"1.0.0\"\ncatalogs: {default: {}}\n"),
        new Case(
            "transform type typo",
            PIPELINE,
            "transforms[0].type",
            "name: p\nversion: \"1.0.0\"\ntransforms: [{type: dbtt, path: ./dbt}]\n"),
        new Case(
            "invalid profile reference",
            PIPELINE,
            "catalog",
            "name: p\nversion: \"1.0.0\"\ncatalog: prod env\n"));
  }

  // ---- helpers shared with SchemaAgreementTest ----------------------------------------------

  /** The JSON Schema validation messages for {@code yaml}; empty when the schema accepts it. */
  static Set<String> errors(String schemaFile, String yaml) {
    return validate(schemaFile, yaml).stream()
        .map(ValidationMessage::getMessage)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * The field paths the schema complains about, spelled as the loader spells them ({@code
   * storage.default.bucket}, {@code transforms[0].type}); a missing, unknown or badly named key
   * counts as the path of that key.
   */
  static Set<String> errorPaths(String schemaFile, String yaml) {
    Set<String> paths = new TreeSet<>();
    for (ValidationMessage m : validate(schemaFile, yaml)) {
      String at = m.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
      paths.add(at);
      if (m.getProperty() != null) {
        paths.add(at.isEmpty() ? m.getProperty() : at + "." + m.getProperty());
      }
    }
    return paths;
  }

  private static Set<ValidationMessage> validate(String schemaFile, String yaml) {
    JsonSchema schema =
        SCHEMAS.computeIfAbsent(
            schemaFile,
            f -> {
              try {
                return FACTORY.getSchema(MAPPER.readTree(JsonSchemaExporter.exportAll().get(f)));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    return schema.validate(json(yaml));
  }

  /** YAML read like floe's loader reads it (the YAML 1.2 core schema), as a Jackson tree. */
  static JsonNode json(String yaml) {
    Load load = new Load(LoadSettings.builder().setSchema(new CoreSchema()).build());
    return MAPPER.valueToTree(load.loadFromString(yaml));
  }

  /** The repository root: the nearest folder above the working directory holding schemas/. */
  static Path repoRoot() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("schemas"))) {
        return dir;
      }
    }
    // Before the first regeneration there is no schemas/ yet: use the Maven wrapper's folder.
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw"))) {
        return dir;
      }
    }
    throw new AssertionError("no schemas/ folder above " + start);
  }
}
