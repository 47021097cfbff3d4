package dev.floe.runtime.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.compile.CompiledArtifacts.Resolved;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.model.ComputeProfile;
import dev.floe.core.model.ComputeType;
import dev.floe.core.model.Credentials;
import dev.floe.core.secret.SecretResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbEngineTest {
  @TempDir Path project;
  @TempDir Path secrets;

  private ComputeEngine open(Map<String, Object> properties) {
    return ComputeEngines.open(
        new Resolved<>(
            "local", new ComputeProfile(ComputeType.DUCKDB, properties, Credentials.NONE)),
        new SecretResolver(Map.of(), secrets, List.of()),
        project);
  }

  private static String query(Connection connection, String sql) throws Exception {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  @Test
  void appliesThreadsMemoryLimitAndTempDirectoryToEveryConnection() throws Exception {
    try (ComputeEngine engine =
        open(Map.of("threads", 3L, "memory_limit", "512MB", "temp_directory", ".floe/spill"))) {
      try (Connection first = engine.connect();
          Connection second = engine.connect()) {
        assertThat(first).isNotSameAs(second);
        assertThat(query(first, "SELECT current_setting('threads')")).isEqualTo("3");
        assertThat(query(second, "SELECT current_setting('threads')")).isEqualTo("3");
        assertThat(query(second, "SELECT current_setting('memory_limit')")).isEqualTo("488.2 MiB");
        assertThat(query(first, "SELECT current_setting('temp_directory')"))
            .isEqualTo(project.resolve(".floe/spill").toString());
      }
      assertThat(project.resolve(".floe/spill")).isDirectory();
      assertThat(engine.type()).isEqualTo(ComputeType.DUCKDB);
      assertThat(engine.profile()).isEqualTo("local");
      assertThat(engine.toString()).isEqualTo("ComputeEngine[compute.local, duckdb, in memory]");
    }
  }

  @Test
  void connectionsShareOneDatabaseFileCreatedWithItsFolders() throws Exception {
    try (ComputeEngine engine = open(Map.of("database", ".floe/db/run.duckdb"))) {
      try (Connection writer = engine.connect();
          Statement statement = writer.createStatement()) {
        statement.execute("CREATE TABLE t AS SELECT 42 AS answer");
      }
      DataSource source = engine.dataSource();
      try (Connection reader = source.getConnection()) {
        assertThat(query(reader, "SELECT answer FROM t")).isEqualTo("42");
      }
      assertThat(engine.toString()).contains(project.resolve(".floe/db/run.duckdb").toString());
      assertThat(source.toString()).contains("compute.local");
      assertThatThrownBy(() -> source.getConnection("user", "password"))
          .isInstanceOf(SQLFeatureNotSupportedException.class);
      assertThat(source.isWrapperFor(DataSource.class)).isTrue();
      assertThat(source.unwrap(DataSource.class)).isSameAs(source);
      source.setLoginTimeout(5);
      assertThat(source.getLoginTimeout()).isEqualTo(5);
      source.setLogWriter(null);
      assertThat(source.getLogWriter()).isNull();
    }
    assertThat(project.resolve(".floe/db/run.duckdb")).isRegularFile();
    try (ComputeEngine again = open(Map.of("database", ".floe/db/run.duckdb"));
        Connection connection = again.connect()) {
      assertThat(query(connection, "SELECT answer FROM t")).as("the file persists").isEqualTo("42");
    }
  }

  @Test
  void closeClosesEveryConnectionNeverThrowsAndRefusesNewOnes() throws Exception {
    ComputeEngine engine = open(Map.of());
    Connection open = engine.connect();
    Connection closedEarly = engine.connect();
    closedEarly.close();
    engine.close();
    engine.close();
    assertThat(open.isClosed()).isTrue();
    assertThatThrownBy(engine::connect)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problems().get(0).code()).isEqualTo("FLOE-U040");
              assertThat(e.problems().get(0).message())
                  .contains("compute.local")
                  .contains("closed");
            });
  }

  @Test
  void aDatabaseThatCannotBeCreatedIsU040NamingTheProfile() throws Exception {
    Files.writeString(project.resolve("blocker"), "a file where a folder should be");
    assertThatThrownBy(() -> open(Map.of("database", "blocker/run.duckdb")))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problems().get(0).code()).isEqualTo("FLOE-U040");
              assertThat(e.problems().get(0).message())
                  .startsWith("Cannot connect to compute 'compute.local' (duckdb, database ")
                  .contains("blocker");
              assertThat(e.problems().get(0).path()).contains("compute.local");
            });
  }

  @Test
  void anInvalidSettingIsU040() {
    assertThatThrownBy(() -> open(Map.of("memory_limit", "lots")))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problems().get(0).code()).isEqualTo("FLOE-U040");
              assertThat(e.problems().get(0).hint()).get().asString().contains("memory_limit");
            });
  }
}
