package dev.floe.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.catalog.Catalogs;
import dev.floe.catalog.OpenedCatalog;
import dev.floe.core.compile.ArtifactJson;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.platform.PlatformRequest;
import dev.floe.core.project.FloeProject;
import dev.floe.core.secret.SecretResolver;
import dev.floe.runtime.FloeDefinitions;
import dev.floe.runtime.RunListener;
import dev.floe.runtime.RunResult;
import dev.floe.runtime.observe.ObservabilityOptions;
import dev.floe.testing.SecretCanaries;
import dev.floe.testing.catalog.CatalogRequest;
import dev.floe.testing.catalog.RestCatalogServer;
import dev.floe.testing.catalog.TokenCheck;
import dev.floe.testing.oauth2.OAuth2Server;
import dev.floe.testing.s3.S3Server;
import dev.floe.testing.telemetry.LineageEvent;
import dev.floe.testing.telemetry.LineageReceiver;
import dev.floe.testing.telemetry.OtlpReceiver;
import dev.floe.testing.telemetry.ReceivedSpan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portability proof (SC-002): the demo's own {@code floe.yaml}, Java assets and SQL, unchanged,
 * compiled once against the local platform and once against the demo's {@code platform/dev} — a
 * Polaris-style REST catalog behind OAuth2 with 5-second tokens, S3-compatible storage with static
 * keys from mounted secret files, an OTLP collector and a lineage endpoint, all real servers on
 * loopback. Only the host names of {@code platform/dev/platform.yaml} are rewritten to the loopback
 * servers (and the token endpoint named, since the test server is not at {@code <uri>/v1/oauth}).
 *
 * <p>The dev run pauses past a token's lifetime after bronze and after silver (in a run listener),
 * so every layer works with a token the earlier one did not have: the run crosses at least two
 * expiries whatever the speed of the machine.
 */
class DemoPortabilityTest {
  static final Duration TOKEN_LIFETIME = Duration.ofSeconds(5);
  static final List<String> GOLD =
      List.of("gold.mart_customer_orders", "gold.mart_product_performance", "gold.mart_revenue");

  @TempDir Path local;
  @TempDir Path dev;
  @TempDir Path secrets;

  private final SecretCanaries canaries = SecretCanaries.create();

  @Test
  void theSameDemoRunsUnchangedOnADevLikePlatformAndBuildsTheSameGoldTables() throws Exception {
    Map<String, List<String>> localGold = runLocally();

    String clientId = canaries.next();
    String clientSecret = canaries.next();
    String accessKey = canaries.next();
    String secretKey = canaries.next();
    write(secrets.resolve("polaris-client-id"), clientId);
    write(secrets.resolve("polaris-client-secret"), clientSecret);
    write(secrets.resolve("minio-credentials/access_key_id"), accessKey);
    write(secrets.resolve("minio-credentials/secret_access_key"), secretKey);

    try (OAuth2Server oauth = OAuth2Server.builder().tokenLifetime(TOKEN_LIFETIME).build().start();
        S3Server s3 =
            S3Server.builder()
                .credentials(accessKey, secretKey)
                .bucket("floe-dev-warehouse")
                .build()
                .start();
        RestCatalogServer rest =
            RestCatalogServer.builder()
                .requireTokensFrom(oauth)
                .s3Warehouse(s3, "floe-dev-warehouse")
                .build()
                .start();
        OtlpReceiver otlp = new OtlpReceiver().start();
        LineageReceiver lineage = LineageReceiver.builder().build().start()) {
      oauth.warmUp();
      copyDemo(dev);
      String platform = read(Path.of("platform/dev/platform.yaml"));
      String rewritten =
          replace(
              platform,
              Map.of(
                  "uri: http://polaris.dev.internal:8181/api/catalog",
                  "uri: " + rest.uri(),
                  "mode: oauth2 ",
                  "token_endpoint: " + oauth.tokenEndpoint() + "\n      mode: oauth2 ",
                  "http://minio.dev.internal:9000",
                  s3.endpoint().toString(),
                  "http://otel-collector.dev.internal:4318",
                  otlp.endpoint().toString(),
                  "http://marquez.dev.internal:5000",
                  lineage.endpoint().toString()));
      write(dev.resolve("platform/dev/platform.yaml"), rewritten);
      CompiledArtifacts artifacts = compile(dev, "dev");
      String compiled = ArtifactJson.write(artifacts);

      int tokensBefore = oauth.issuedTokenCount();
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      RunResult result;
      PrintStream out = System.out;
      PrintStream err = System.err;
      try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
        System.setOut(capture);
        System.setErr(capture);
        result =
            FloeDefinitions.builder()
                .artifacts(artifacts)
                .projectDir(dev)
                .assetClasses(Bronze.class)
                .secrets(new SecretResolver(Map.of(), secrets, List.of()))
                .observabilityOptions(patientObservability())
                .build()
                .materialize(List.of(), new PauseBetweenLayers());
      } finally {
        System.setOut(out);
        System.setErr(err);
      }

      assertThat(result.assets())
          .hasSize(11)
          .allSatisfy(a -> assertThat(a.error()).as(a.name()).isEmpty());
      try (OpenedCatalog catalog =
          Catalogs.open(
              artifacts.catalog(),
              artifacts.storage(),
              new SecretResolver(Map.of(), secrets, List.of()),
              dev)) {
        assertThat(gold(catalog)).as("the dev run's gold tables").isEqualTo(localGold);
        assertThat(
                catalog.catalog().loadTable(TableIdentifier.of("gold", "mart_revenue")).location())
            .startsWith("s3://floe-dev-warehouse/");
      }
      assertThat(s3.objectKeys("floe-dev-warehouse"))
          .as("bronze, silver and gold files are on S3")
          .anyMatch(k -> k.contains("/bronze/"))
          .anyMatch(k -> k.contains("/silver/"))
          .anyMatch(k -> k.contains("/gold/"));

      // Every catalog request carried a valid token, across several expiries.
      List<CatalogRequest> requests = rest.requests();
      assertThat(rest.rejectedRequests()).isEmpty();
      assertThat(requests).isNotEmpty().allMatch(r -> r.tokenCheck() == TokenCheck.VALID);
      assertThat(requests)
          .as("the tokens were issued to the client id from the secret file")
          .extracting(CatalogRequest::subject)
          .containsOnly(java.util.Optional.of(clientId));
      assertThat(oauth.issuedTokenCount() - tokensBefore)
          .as("a new token for each layer: the run crossed two expiries")
          .isGreaterThanOrEqualTo(3);

      // Every asset has a span under the run's trace, and START and COMPLETE lineage events.
      Set<String> assets =
          result.assets().stream().map(RunResult.AssetResult::name).collect(Collectors.toSet());
      List<ReceivedSpan> spans = otlp.awaitSpans(assets.size() + 1, Duration.ofSeconds(30));
      assertThat(
              spans.stream()
                  .map(s -> s.attribute("floe.asset.name"))
                  .flatMap(java.util.Optional::stream)
                  .map(Object::toString)
                  .collect(Collectors.toSet()))
          .isEqualTo(assets);
      assertThat(spans).extracting(ReceivedSpan::traceId).containsOnly(spans.get(0).traceId());
      List<LineageEvent> events =
          lineage.awaitEvents(2 * assets.size() + 2, Duration.ofSeconds(30));
      for (String asset : assets) {
        assertThat(
                events.stream()
                    .filter(e -> e.jobName().equals("customer-analytics." + asset))
                    .map(LineageEvent::eventType))
            .as("lineage of %s", asset)
            .contains("START", "COMPLETE");
      }
      assertThat(events)
          .allSatisfy(e -> assertThat(e.jobNamespace()).isEqualTo("customer-analytics-dev"));
      lineage.assertAllValid();
      assertThat(result.observability().traces().dropped()).isZero();
      assertThat(result.observability().lineage().dropped()).isZero();

      // No secret anywhere: compiled artifacts, output, run result and document, spans, events,
      // and every file the run left in the project.
      canaries.assertAbsentFrom(compiled);
      canaries.assertAbsentFrom(printed.toByteArray());
      canaries.assertAbsentFrom(result.toString());
      canaries.assertAbsentFrom(spans.toString());
      canaries.assertAbsentFrom(events.toString());
      canaries.assertAbsentFrom(dev);
      assertThat(dev.resolve(".floe/runs")).isDirectoryContaining("glob:**.json");
    }
  }

  /** The demo on the local platform, as {@code ./floe demo} runs it; returns its gold rows. */
  private Map<String, List<String>> runLocally() throws IOException {
    copyDemo(local);
    write(
        local.resolve("platform/local/platform.yaml"),
        read(Path.of("platform/local/platform.yaml")));
    CompiledArtifacts artifacts = compile(local, "local");
    RunResult result =
        FloeDefinitions.builder()
            .artifacts(artifacts)
            .projectDir(local)
            .assetClasses(Bronze.class)
            .writeRunDocuments(false)
            .build()
            .materialize();
    assertThat(result.succeeded()).as("the local run").isTrue();
    try (OpenedCatalog catalog =
        Catalogs.open(
            artifacts.catalog(), artifacts.storage(), SecretResolver.fromProcess(), local)) {
      Map<String, List<String>> gold = gold(catalog);
      assertThat(gold.get("gold.mart_customer_orders")).hasSize(Bronze.CUSTOMERS);
      return gold;
    }
  }

  private static Map<String, List<String>> gold(OpenedCatalog catalog) throws IOException {
    Map<String, List<String>> tables = new TreeMap<>();
    for (String name : GOLD) {
      String[] parts = name.split("\\.", 2);
      List<String> rows = new ArrayList<>();
      try (CloseableIterable<Record> records =
          IcebergGenerics.read(catalog.catalog().loadTable(TableIdentifier.of(parts[0], parts[1])))
              .build()) {
        records.forEach(r -> rows.add(r.toString()));
      }
      rows.sort(null);
      tables.put(name, rows);
    }
    return tables;
  }

  /**
   * The project as a user has it: floe.yaml and the SQL; the Java assets come on the class path.
   */
  private static void copyDemo(Path project) throws IOException {
    write(project.resolve("floe.yaml"), read(Path.of("floe.yaml")));
    try (Stream<Path> sql = Files.walk(Path.of("sql"))) {
      for (Path file : sql.filter(p -> p.toString().endsWith(".sql")).toList()) {
        write(project.resolve(file.toString()), read(file));
      }
    }
  }

  private static CompiledArtifacts compile(Path project, String environment) {
    return FloeProject.builder()
        .variables(Map.of())
        .build()
        .load(
            project.resolve("floe.yaml"),
            PlatformRequest.builder()
                .environment(environment)
                .workDir(project)
                .homeDir(project)
                .build())
        .artifacts();
  }

  /** Generous limits: this is about what arrives, not how fast a loaded machine answers. */
  private static ObservabilityOptions patientObservability() {
    return ObservabilityOptions.DEFAULTS
        .withConnectTimeout(Duration.ofSeconds(10))
        .withExportTimeout(Duration.ofSeconds(20))
        .withFlushDeadline(Duration.ofSeconds(30))
        .withUnansweredDeadline(Duration.ofSeconds(30));
  }

  /**
   * Waits past a token's lifetime when the last bronze and the last silver asset have finished (the
   * run's scheduler calls the listener before it starts the next layer).
   */
  private static final class PauseBetweenLayers implements RunListener {
    private final AtomicInteger bronze = new AtomicInteger();
    private final AtomicInteger silver = new AtomicInteger();

    @Override
    public void assetFinished(RunResult.AssetResult result) {
      AtomicInteger layer =
          switch (result.group().orElse("")) {
            case "bronze" -> bronze;
            case "silver" -> silver;
            default -> null;
          };
      if (layer != null && layer.incrementAndGet() == 4) {
        try {
          Thread.sleep(TOKEN_LIFETIME.toMillis() + 200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private static String replace(String text, Map<String, String> replacements) {
    String result = text;
    for (Map.Entry<String, String> r : replacements.entrySet()) {
      assertThat(result)
          .as("platform/dev/platform.yaml still has %s", r.getKey())
          .contains(r.getKey());
      result = result.replace(r.getKey(), r.getValue());
    }
    return result;
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
