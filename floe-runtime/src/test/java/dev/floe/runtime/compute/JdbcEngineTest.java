package dev.floe.runtime.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.compile.CompiledArtifacts.Resolved;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.TextRenderer;
import dev.floe.core.diag.Verbosity;
import dev.floe.core.model.ComputeProfile;
import dev.floe.core.model.ComputeType;
import dev.floe.core.model.Credentials;
import dev.floe.core.model.SecretRef;
import dev.floe.core.secret.SecretResolver;
import dev.floe.testing.SecretCanaries;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** JDBC engines without a server: URLs and properties, missing drivers, unreachable servers. */
class JdbcEngineTest {
  @TempDir Path secrets;
  @TempDir Path project;

  private final SecretCanaries canaries = SecretCanaries.create();

  private ComputeEngine open(ComputeType type, Map<String, Object> properties, Credentials login) {
    return ComputeEngines.open(
        new Resolved<>("warehouse", new ComputeProfile(type, properties, login)),
        new SecretResolver(Map.of(), secrets, List.of()),
        project);
  }

  static Stream<Arguments> targets() {
    return Stream.of(
        Arguments.of(
            ComputeType.POSTGRES,
            Map.of(
                "host",
                "db.internal",
                "port",
                6543L,
                "database",
                "analytics",
                "schema",
                "silver",
                "sslmode",
                "require"),
            "jdbc:postgresql://db.internal:6543/analytics",
            Map.of("currentSchema", "silver", "sslmode", "require"),
            "org.postgresql:postgresql"),
        Arguments.of(
            ComputeType.POSTGRES,
            Map.of("host", "db"),
            "jdbc:postgresql://db:5432/postgres",
            Map.of(),
            "org.postgresql:postgresql"),
        Arguments.of(
            ComputeType.TRINO,
            Map.of("host", "trino", "catalog", "lake", "schema", "gold", "ssl", true),
            "jdbc:trino://trino:443/lake/gold",
            Map.of("SSL", "true"),
            "io.trino:trino-jdbc"),
        Arguments.of(
            ComputeType.TRINO,
            Map.of("host", "trino"),
            "jdbc:trino://trino:8080",
            Map.of("SSL", "false"),
            "io.trino:trino-jdbc"),
        Arguments.of(
            ComputeType.SNOWFLAKE,
            Map.of(
                "account",
                "xy12345",
                "warehouse",
                "wh",
                "database",
                "db",
                "schema",
                "s",
                "role",
                "r"),
            "jdbc:snowflake://xy12345.snowflakecomputing.com/",
            Map.of("warehouse", "wh", "db", "db", "schema", "s", "role", "r"),
            "net.snowflake:snowflake-jdbc"),
        Arguments.of(
            ComputeType.REDSHIFT,
            Map.of("host", "cluster.redshift.amazonaws.com", "database", "dev", "schema", "gold"),
            "jdbc:redshift://cluster.redshift.amazonaws.com:5439/dev",
            Map.of(),
            "com.amazon.redshift:redshift-jdbc42"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("targets")
  void buildsTheUrlAndPropertiesFromTheTypedSettings(
      ComputeType type,
      Map<String, Object> settings,
      String url,
      Map<String, String> properties,
      String coordinates) {
    JdbcTarget target =
        JdbcTarget.of("warehouse", new ComputeProfile(type, settings, Credentials.NONE).settings());
    assertThat(target.url()).isEqualTo(url);
    assertThat(target.properties()).isEqualTo(properties);
    assertThat(target.coordinates()).isEqualTo(coordinates);
    assertThat(target.properties()).doesNotContainKeys("user", "password");
  }

  @Test
  void redshiftSetsItsSearchPathOnEachConnection() {
    JdbcTarget target =
        JdbcTarget.of(
            "warehouse",
            new ComputeProfile(
                    ComputeType.REDSHIFT, Map.of("host", "h", "schema", "gold"), Credentials.NONE)
                .settings());
    assertThat(target.initStatements()).containsExactly("SET search_path TO \"gold\"");
  }

  @ParameterizedTest
  @EnumSource(
      value = ComputeType.class,
      names = {"TRINO", "SNOWFLAKE", "REDSHIFT"})
  void aMissingDriverIsU042NamingTheArtifactToAdd(ComputeType type) {
    Map<String, Object> settings =
        type == ComputeType.SNOWFLAKE ? Map.of("account", "a") : Map.of("host", "h");
    assertThatThrownBy(() -> open(type, settings, Credentials.NONE))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problems().get(0).code()).isEqualTo("FLOE-U042");
              assertThat(e.problems().get(0).message())
                  .startsWith(
                      "Cannot connect to compute 'compute.warehouse' (" + type.wire() + ")");
              assertThat(e.problems().get(0).hint())
                  .get()
                  .asString()
                  .contains(
                      JdbcTarget.of(
                              "warehouse",
                              new ComputeProfile(type, settings, Credentials.NONE).settings())
                          .coordinates());
            });
  }

  @ParameterizedTest
  @EnumSource(
      value = ComputeType.class,
      names = {"BIGQUERY", "DATABRICKS", "SPARK"})
  void enginesWithoutAConnectionAreU043SayingWhatIsSupported(ComputeType type) {
    assertThatThrownBy(() -> open(type, Map.of(), Credentials.NONE))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problems().get(0).code()).isEqualTo("FLOE-U043");
              assertThat(e.problems().get(0).message())
                  .isEqualTo(
                      "Cannot open compute 'compute.warehouse' of type "
                          + type.wire()
                          + ": this version of floe has no connection for "
                          + type.wire()
                          + " yet");
              assertThat(e.problems().get(0).hint())
                  .get()
                  .asString()
                  .contains("duckdb")
                  .contains("postgres");
            });
  }

  @Test
  void aMissingHostIsU040NamingTheSetting() {
    assertThatThrownBy(() -> open(ComputeType.POSTGRES, Map.of("database", "d"), Credentials.NONE))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problems().get(0).code()).isEqualTo("FLOE-U040");
              assertThat(e.problems().get(0).path()).contains("compute.warehouse.host");
            });
  }

  @Test
  void anUnreachablePostgresIsU040AtConnectWithoutThePassword() throws Exception {
    String user = canaries.next();
    String password = canaries.next();
    Path login = secrets.resolve("pg-login");
    Files.createDirectories(login);
    Files.writeString(login.resolve("user"), user + "\n", StandardCharsets.UTF_8);
    Files.writeString(login.resolve("password"), password + "\n", StandardCharsets.UTF_8);
    int port = closedPort();
    try (ComputeEngine engine =
        open(
            ComputeType.POSTGRES,
            Map.of("host", "127.0.0.1", "port", (long) port, "database", "analytics"),
            new Credentials.Static(Optional.of(new SecretRef("pg-login"))))) {
      assertThat(engine.type()).isEqualTo(ComputeType.POSTGRES);
      assertThat(engine.profile()).isEqualTo("warehouse");
      assertThat(engine.toString())
          .isEqualTo(
              "ComputeEngine[compute.warehouse, postgres, jdbc:postgresql://127.0.0.1:"
                  + port
                  + "/analytics]");
      canaries.assertAbsentFrom(engine.toString());
      canaries.assertAbsentFrom(engine.dataSource().toString());
      assertThatThrownBy(engine::connect)
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> {
                assertThat(e.problems().get(0).code()).isEqualTo("FLOE-U040");
                assertThat(e.problems().get(0).message())
                    .startsWith(
                        "Cannot connect to compute 'compute.warehouse' (postgres, jdbc:postgresql://127.0.0.1:"
                            + port
                            + "/analytics): ")
                    .containsIgnoringCase("refused");
                String debug =
                    new TextRenderer(e.sources(), TextRenderer.Colour.PLAIN, Verbosity.DEBUG)
                        .render(e.problems());
                canaries.assertAbsentFrom(debug);
                canaries.assertAbsentFrom(e.toString());
              });
    }
  }

  @Test
  void aMissingLoginSecretFailsAtOpen() {
    assertThatThrownBy(
            () ->
                open(
                    ComputeType.POSTGRES,
                    Map.of("host", "127.0.0.1"),
                    new Credentials.Static(Optional.of(new SecretRef("absent")))))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problems().get(0).code()).isEqualTo("FLOE-C033"));
  }

  @Test
  void closeNeverThrowsAndRefusesNewConnections() {
    ComputeEngine engine =
        open(ComputeType.POSTGRES, Map.of("host", "127.0.0.1"), Credentials.NONE);
    engine.close();
    engine.close();
    assertThatThrownBy(engine::connect)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problems().get(0).message()).contains("closed"));
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
