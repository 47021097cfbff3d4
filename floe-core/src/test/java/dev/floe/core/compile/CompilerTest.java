package dev.floe.core.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.floe.core.diag.Code;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.SourcePosition;
import dev.floe.core.diag.SourceTexts;
import dev.floe.core.internal.load.ConfigLoader;
import dev.floe.core.load.Loaded;
import dev.floe.core.model.Credentials;
import dev.floe.core.model.FloeSpec;
import dev.floe.core.model.OtlpProtocol;
import dev.floe.core.model.PlatformObservability;
import dev.floe.core.model.PlatformSource;
import dev.floe.core.model.PlatformSpec;
import dev.floe.core.model.SecretRef;
import dev.floe.core.model.StringOrSecret;
import dev.floe.core.platform.LocatedPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompilerTest {
  private static final String PLATFORM_FILE = "platform/dev/platform.yaml";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-04T05:06:07.890Z"), ZoneOffset.UTC);
  private static final Map<String, String> EPOCH = Map.of("SOURCE_DATE_EPOCH", "1767225600");

  private static final String PLATFORM =
      """
      version: "1.2.0"
      catalogs:
        default:
          uri: http://polaris:8181/api/catalog
          warehouse: demo
          credentials:
            mode: oauth2
            client_id: {secret_ref: polaris-client-id}
            client_secret: {secret_ref: polaris-client-secret}
        production:
          type: rest
          uri: {secret_ref: prod-catalog-uri}
          warehouse: prod
      storage:
        default:
          bucket: floe-dev
          credentials: {mode: static, secret_ref: minio-credentials}
        archive:
          type: gcs
          bucket: floe-archive
      compute:
        default:
          type: duckdb
        big:
          type: snowflake
          properties: {account: acme, warehouse: XL}
          credentials: {mode: static, secret_ref: snowflake-login}
      observability:
        otlp_endpoint: http://otel:4318
        otlp_protocol: grpc
        lineage_endpoint: {secret_ref: marquez-url}
        sampling: 0.25
        attributes: {deployment.environment: dev, team: platform}
      """;

  private final SourceTexts sources = new SourceTexts();
  private final ConfigLoader loader = new ConfigLoader(sources, Map.of());

  @Test
  void resolvesTheThreeProfiles() {
    LocatedPlatform platform = platform(PLATFORM);
    CompiledArtifacts artifacts =
        compile(
            """
            name: orders
            version: "2.0.0"
            catalog: production
            storage: archive
            compute: big
            """,
            platform);

    PlatformSpec spec = platform.platform().value();
    assertThat(artifacts.catalog().profile()).isEqualTo("production");
    assertThat(artifacts.catalog().value()).isEqualTo(spec.catalogs().get("production"));
    assertThat(artifacts.storage().profile()).isEqualTo("archive");
    assertThat(artifacts.storage().value()).isEqualTo(spec.storage().get("archive"));
    assertThat(artifacts.compute().profile()).isEqualTo("big");
    assertThat(artifacts.compute().value()).isEqualTo(spec.compute().get("big"));
  }

  @Test
  void defaultProfilesAreUsedWhenFloeYamlNamesNone() {
    CompiledArtifacts artifacts = compile("name: orders\nversion: \"1.0.0\"\n", platform(PLATFORM));

    assertThat(artifacts.catalog().profile()).isEqualTo("default");
    assertThat(artifacts.storage().profile()).isEqualTo("default");
    assertThat(artifacts.compute().profile()).isEqualTo("default");
  }

  @Test
  void recordsWhereEverythingCameFrom() {
    Loaded<FloeSpec> pipeline =
        loader.pipelineText("project/floe.yaml", "name: orders\nversion: \"1.0.0-rc.1\"\n");
    LocatedPlatform platform = platform(PLATFORM);

    CompiledArtifacts artifacts = new Compiler(CLOCK, EPOCH).compile(pipeline, platform);

    assertThat(artifacts.version()).isEqualTo(CompiledArtifacts.VERSION).isEqualTo("2.0.0");
    assertThat(artifacts.metadata().name()).isEqualTo("orders");
    assertThat(artifacts.metadata().version()).isEqualTo("1.0.0-rc.1");
    assertThat(artifacts.metadata().floeSpecPath()).isEqualTo("floe.yaml");
    assertThat(artifacts.metadata().sourceHash()).isEqualTo(pipeline.sha256());
    assertThat(artifacts.metadata().platformHash()).isEqualTo(platform.platform().sha256());
    assertThat(artifacts.metadata().floeVersion()).isNotBlank();
    assertThat(artifacts.environment()).isEqualTo("dev");
    assertThat(artifacts.platformVersion()).isEqualTo("1.2.0");
    assertThat(artifacts.platformSource()).isEqualTo(new PlatformSource.File(PLATFORM_FILE));
    CompiledArtifacts.Metadata m = artifacts.metadata();
    CompiledArtifacts.Metadata written =
        new CompiledArtifacts.Metadata(
            m.name(),
            m.version(),
            m.compiledAt(),
            m.floeVersion(),
            m.floeSpecPath(),
            pipeline.sha256(),
            platform.platform().sha256());
    assertThat(m).isEqualTo(written).hasSameHashCodeAs(written).hasToString(written.toString());
  }

  // ---- missing profiles -------------------------------------------------------------------------

  @Test
  void missingCatalogProfileNamesThePlatformFileAndTheChoices() {
    List<Problem> problems =
        problems("name: customer-analytics\nversion: \"1.0.0\"\ncatalog: analytics\n");

    assertThat(problems).hasSize(1);
    Problem p = problems.get(0);
    assertThat(p.code()).isEqualTo(Code.R020.id());
    assertThat(p.message())
        .isEqualTo(
            "Catalog profile 'analytics' not found in platform/dev/platform.yaml. Available"
                + " catalog profiles: default, production");
    assertThat(p.position()).contains(new SourcePosition("floe.yaml", 3, 10, 9));
    assertThat(p.path()).contains("catalog");
    assertThat(p.choices()).containsExactly("default", "production");
    assertThat(p.suggestion()).isEmpty();
    assertThat(p.hint())
        .hasValueSatisfying(h -> assertThat(h).contains("define 'analytics' under catalogs"));
  }

  @Test
  void missingProfileSuggestsTheClosestName() {
    Problem p = problems("name: p\nversion: \"1.0.0\"\ncatalog: prodution\n").get(0);

    assertThat(p.message())
        .isEqualTo(
            "Catalog profile 'prodution' not found in platform/dev/platform.yaml. Available"
                + " catalog profiles: default, production");
    assertThat(p.suggestion()).contains("production");
    assertThat(p.hint())
        .hasValueSatisfying(h -> assertThat(h).contains("did you mean 'production'?"));
  }

  @Test
  void allThreeMissingReportedAtOnce() {
    List<Problem> problems =
        problems("name: p\nversion: \"1.0.0\"\ncatalog: c1\nstorage: s1\ncompute: k1\n");

    assertThat(problems).extracting(Problem::code).containsOnly(Code.R020.id()).hasSize(3);
    assertThat(problems)
        .extracting(Problem::message)
        .satisfiesExactly(
            m -> assertThat(m).startsWith("Catalog profile 'c1' not found"),
            m ->
                assertThat(m)
                    .startsWith("Storage profile 's1' not found")
                    .endsWith("Available storage profiles: archive, default"),
            m ->
                assertThat(m)
                    .startsWith("Compute profile 'k1' not found")
                    .endsWith("Available compute profiles: big, default"));
    assertThat(problems)
        .extracting(p -> p.position().orElseThrow().line())
        .containsExactly(3, 4, 5);
  }

  @Test
  void missingDefaultProfileExplainsThatDefaultWasImplied() {
    List<Problem> problems =
        catchThrowableOfType(
                ProblemException.class,
                () ->
                    compile(
                        "name: p\nversion: \"1.0.0\"\n",
                        platform("catalogs:\n  main: {uri: http://h/api, warehouse: w}\n")))
            .problems();

    assertThat(problems).hasSize(3);
    Problem catalog =
        problems.stream()
            .filter(p -> p.path().orElseThrow().equals("catalog"))
            .findFirst()
            .orElseThrow();
    assertThat(catalog.message()).contains("Catalog profile 'default' not found");
    assertThat(catalog.file()).contains("floe.yaml");
    assertThat(catalog.hint())
        .hasValueSatisfying(h -> assertThat(h).contains("floe.yaml does not name a catalog"));
    Problem storage =
        problems.stream()
            .filter(p -> p.path().orElseThrow().equals("storage"))
            .findFirst()
            .orElseThrow();
    assertThat(storage.message()).endsWith("The platform defines no storage profiles");
  }

  // ---- observability ----------------------------------------------------------------------------

  @Test
  void signalIsOnOnlyIfBothTiersLeaveItOn() {
    LocatedPlatform platform =
        platform(PLATFORM + "  traces: false\n  metrics: true\n  lineage: true\n");

    PlatformObservability o =
        compile(
                """
                name: p
                version: "1.0.0"
                observability:
                  traces: true
                  metrics: false
                  lineage: true
                """,
                platform)
            .observability();

    assertThat(o.signals().traces()).as("platform off, pipeline on").isFalse();
    assertThat(o.signals().metrics()).as("platform on, pipeline off").isFalse();
    assertThat(o.signals().lineage()).as("both on").isTrue();

    PlatformObservability noLineage =
        compile(
                "name: p\nversion: \"1.0.0\"\ngovernance: {emit_lineage: false}\n",
                platform(PLATFORM))
            .observability();
    assertThat(noLineage.signals().lineage()).as("governance.emit_lineage off").isFalse();
    assertThat(noLineage.signals().traces()).isTrue();
  }

  @Test
  void attributesMergeWithFloeYamlWinning() {
    PlatformObservability o =
        compile(
                """
                name: orders
                version: "1.0.0"
                observability:
                  attributes: {team: analytics, cost.center: "42"}
                """,
                platform(PLATFORM))
            .observability();

    assertThat(o.attributes())
        .containsExactly(
            Map.entry("cost.center", "42"),
            Map.entry("deployment.environment", "dev"),
            Map.entry("service.name", "orders"),
            Map.entry("team", "analytics"));
  }

  @Test
  void serviceNameDefaultsToThePipelineNameUnlessFloeYamlSetsIt() {
    assertThat(
            compile("name: orders\nversion: \"1.0.0\"\n", platform(PLATFORM))
                .observability()
                .attributes())
        .containsEntry("service.name", "orders");
    assertThat(
            compile(
                    """
                    name: orders
                    version: "1.0.0"
                    observability:
                      attributes: {service.name: orders-batch}
                    """,
                    platform(PLATFORM))
                .observability()
                .attributes())
        .containsEntry("service.name", "orders-batch");
  }

  @Test
  void lineageNamespaceDefaultsToThePipelineName() {
    assertThat(
            compile("name: orders\nversion: \"1.0.0\"\n", platform(PLATFORM))
                .observability()
                .lineageNamespace())
        .contains("orders");
    assertThat(
            compile(
                    "name: orders\nversion: \"1.0.0\"\n",
                    platform(PLATFORM + "  lineage_namespace: acme-dev\n"))
                .observability()
                .lineageNamespace())
        .contains("acme-dev");
  }

  @Test
  void endpointsProtocolAndSamplingComeFromThePlatform() {
    PlatformObservability o =
        compile("name: orders\nversion: \"1.0.0\"\n", platform(PLATFORM)).observability();

    assertThat(o.otlpEndpoint()).contains(StringOrSecret.literal("http://otel:4318"));
    assertThat(o.otlpProtocol()).isEqualTo(OtlpProtocol.GRPC);
    assertThat(o.lineageEndpoint()).contains(new SecretRef("marquez-url"));
    assertThat(o.sampling()).isEqualTo(0.25);
  }

  @Test
  void platformWithoutObservabilityUsesDefaults() {
    PlatformObservability o =
        compile(
                "name: orders\nversion: \"1.0.0\"\n",
                platform(PLATFORM.substring(0, PLATFORM.indexOf("observability:"))))
            .observability();

    assertThat(o.signals().traces()).isTrue();
    assertThat(o.otlpEndpoint()).isEmpty();
    assertThat(o.otlpProtocol()).isEqualTo(OtlpProtocol.HTTP_PROTOBUF);
    assertThat(o.sampling()).isEqualTo(1.0);
    assertThat(o.attributes()).containsExactly(Map.entry("service.name", "orders"));
  }

  // ---- compiled_at ------------------------------------------------------------------------------

  @Test
  void sourceDateEpochIsHonoured() {
    CompiledArtifacts artifacts =
        new Compiler(CLOCK, EPOCH)
            .compile(pipeline("name: p\nversion: \"1.0.0\"\n"), platform(PLATFORM));

    assertThat(artifacts.metadata().compiledAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(ArtifactJson.write(artifacts)).contains("\"compiled_at\": \"2026-01-01T00:00:00Z\"");
  }

  @Test
  void withoutSourceDateEpochTheClockIsUsedToTheSecond() {
    for (Map<String, String> env :
        List.of(Map.<String, String>of(), Map.of("SOURCE_DATE_EPOCH", ""))) {
      CompiledArtifacts artifacts =
          new Compiler(CLOCK, env)
              .compile(pipeline("name: p\nversion: \"1.0.0\"\n"), platform(PLATFORM));

      assertThat(artifacts.metadata().compiledAt())
          .isEqualTo(Instant.parse("2026-03-04T05:06:07Z"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "-1", "1.5", "0x10", "1e9", "9223372036854775808"})
  void invalidSourceDateEpochIsE054(String value) {
    List<Problem> problems =
        catchThrowableOfType(
                ProblemException.class,
                () ->
                    new Compiler(CLOCK, Map.of("SOURCE_DATE_EPOCH", value))
                        .compile(pipeline("name: p\nversion: \"1.0.0\"\n"), platform(PLATFORM)))
            .problems();

    assertThat(problems).extracting(Problem::code).containsExactly(Code.E054.id());
    assertThat(problems.get(0).message()).contains("SOURCE_DATE_EPOCH").contains("'" + value + "'");
  }

  @Test
  void invalidSourceDateEpochIsReportedWithMissingProfiles() {
    List<Problem> problems =
        catchThrowableOfType(
                ProblemException.class,
                () ->
                    new Compiler(CLOCK, Map.of("SOURCE_DATE_EPOCH", "soon"))
                        .compile(
                            pipeline("name: p\nversion: \"1.0.0\"\ncatalog: nope\n"),
                            platform(PLATFORM)))
            .problems();

    assertThat(problems)
        .extracting(Problem::code)
        .containsExactlyInAnyOrder("FLOE-E054", "FLOE-R020");
  }

  @Test
  void sourceDateEpochBeyondTheLastInstantIsE054() {
    List<Problem> problems =
        catchThrowableOfType(
                ProblemException.class,
                () ->
                    new Compiler(CLOCK, Map.of("SOURCE_DATE_EPOCH", "99999999999999999"))
                        .compile(pipeline("name: p\nversion: \"1.0.0\"\n"), platform(PLATFORM)))
            .problems();

    assertThat(problems).extracting(Problem::code).containsExactly(Code.E054.id());
  }

  @Test
  void sourceDateEpochTheArtifactCannotCarryIsE054() {
    List<Problem> problems =
        catchThrowableOfType(
                ProblemException.class,
                () ->
                    new Compiler(CLOCK, Map.of("SOURCE_DATE_EPOCH", "253402300800"))
                        .compile(pipeline("name: p\nversion: \"1.0.0\"\n"), platform(PLATFORM)))
            .problems();

    assertThat(problems).extracting(Problem::code).containsExactly(Code.E054.id());
  }

  // ---- output -----------------------------------------------------------------------------------

  @Test
  void compilingTwiceGivesByteIdenticalJson() {
    String first =
        ArtifactJson.write(
            new Compiler(CLOCK, EPOCH)
                .compile(pipeline("name: p\nversion: \"1.0.0\"\n"), platform(PLATFORM)));
    ConfigLoader other = new ConfigLoader(new SourceTexts(), Map.of());
    Clock later = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
    String second =
        ArtifactJson.write(
            new Compiler(later, EPOCH)
                .compile(
                    other.pipelineText("floe.yaml", "name: p\nversion: \"1.0.0\"\n"),
                    new LocatedPlatform(
                        other.platformText(PLATFORM_FILE, PLATFORM), "dev", PLATFORM_FILE)));

    assertThat(second).isEqualTo(first);
    assertThat(first).endsWith("}\n").startsWith("{\n  \"version\": \"2.0.0\",\n");
    assertThat(first)
        .containsSubsequence(
            "\"version\"",
            "\"metadata\"",
            "\"environment\"",
            "\"platform_version\"",
            "\"platform_source\"",
            "\"catalog\"",
            "\"storage\"",
            "\"compute\"",
            "\"observability\"",
            "\"assets\"",
            "\"transforms\"",
            "\"governance\"");
  }

  @Test
  void secretRefsStayRefsAndNothingIsResolved() throws IOException {
    Path demo = demoRoot();
    Loaded<FloeSpec> pipeline = loader.pipeline(demo.resolve("floe.yaml"), "floe.yaml");
    LocatedPlatform prod =
        new LocatedPlatform(
            loader.platform(
                demo.resolve("platform/prod/platform.yaml"), "platform/prod/platform.yaml"),
            "prod",
            "platform/prod/platform.yaml");

    // No secret is set anywhere: compiling must not need one.
    CompiledArtifacts artifacts = new Compiler(CLOCK, Map.of()).compile(pipeline, prod);
    String json = ArtifactJson.write(artifacts);

    assertThat(artifacts.catalog().value().uri()).contains(new SecretRef("polaris-prod-uri"));
    assertThat(((Credentials.OAuth2) artifacts.catalog().value().credentials()).clientSecret())
        .isEqualTo(new SecretRef("polaris-prod-client-secret"));
    assertThat(json)
        .contains("\"secret_ref\"")
        .contains("\"uri\": {\n      \"secret_ref\": \"polaris-prod-uri\"\n    }")
        .contains("\"secret_ref\": \"polaris-prod-client-secret\"")
        .contains("\"secret_ref\": \"prod-otlp-endpoint\"")
        .contains("\"secret_ref\": \"snowflake-prod-login\"");
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private Loaded<FloeSpec> pipeline(String yaml) {
    return loader.pipelineText("floe.yaml", yaml);
  }

  private LocatedPlatform platform(String yaml) {
    return new LocatedPlatform(loader.platformText(PLATFORM_FILE, yaml), "dev", PLATFORM_FILE);
  }

  private CompiledArtifacts compile(String pipelineYaml, LocatedPlatform platform) {
    return new Compiler(CLOCK, EPOCH).compile(pipeline(pipelineYaml), platform);
  }

  private List<Problem> problems(String pipelineYaml) {
    return catchThrowableOfType(
            ProblemException.class, () -> compile(pipelineYaml, platform(PLATFORM)))
        .problems();
  }

  private static Path demoRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("demo").resolve("platform"))) {
        return dir.resolve("demo");
      }
    }
    throw new IllegalStateException("no demo/ folder above " + Path.of("").toAbsolutePath());
  }

  @Test
  void lastSecondIsTheEndOfTheYear9999() {
    assertThat(Compiler.LAST_SECOND)
        .isEqualTo(Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
  }
}
