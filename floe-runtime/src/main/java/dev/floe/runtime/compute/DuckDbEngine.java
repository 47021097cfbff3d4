package dev.floe.runtime.compute;

import dev.floe.core.diag.ProblemException;
import dev.floe.core.model.ComputeSettings;
import dev.floe.core.model.ComputeType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.duckdb.DuckDBConnection;

/**
 * Embedded DuckDB: one database per run (a file, or in memory), opened by a root connection that
 * lives as long as the engine; every {@link #connect()} duplicates it, so that parallel assets
 * share the database but not a connection.
 */
final class DuckDbEngine implements ComputeEngine {
  private final String profile;
  private final String database;
  private final DuckDBConnection root;
  private final HandedOut handedOut = new HandedOut();
  private final DataSource dataSource;

  private DuckDbEngine(String profile, String database, DuckDBConnection root) {
    this.profile = profile;
    this.database = database;
    this.root = root;
    this.dataSource = new EngineDataSource(this);
  }

  /** Opens the database of {@code settings} and applies its settings. */
  static DuckDbEngine open(String profile, ComputeSettings.DuckDb settings, Path projectDir) {
    Optional<Path> file = settings.database().map(projectDir::resolve).map(Path::normalize);
    String database = file.map(Path::toString).orElse("in memory");
    String url = "jdbc:duckdb:" + file.map(Path::toString).orElse("");
    DuckDBConnection root;
    try {
      if (file.isPresent() && file.get().getParent() != null) {
        Files.createDirectories(file.get().getParent());
      }
      root = (DuckDBConnection) DriverManager.getConnection(url, new Properties());
    } catch (IOException | SQLException | RuntimeException e) {
      throw ComputeProblems.unavailable(
          profile,
          "duckdb, database " + database,
          e,
          "check that the folder of compute."
              + profile
              + ".database can be written and that no other process holds the database file",
          List.of());
    }
    try {
      applySettings(root, settings, projectDir);
    } catch (SQLException | IOException | RuntimeException e) {
      Connections.closeQuietly(root);
      throw ComputeProblems.unavailable(
          profile,
          "duckdb, database " + database,
          e,
          "check threads, memory_limit and temp_directory of compute." + profile,
          List.of());
    }
    return new DuckDbEngine(profile, database, root);
  }

  private static void applySettings(
      Connection connection, ComputeSettings.DuckDb settings, Path projectDir)
      throws SQLException, IOException {
    List<String> statements = new ArrayList<>();
    settings.threads().ifPresent(threads -> statements.add("SET threads = " + threads));
    settings
        .memoryLimit()
        .ifPresent(limit -> statements.add("SET memory_limit = " + literal(limit)));
    if (settings.tempDirectory().isPresent()) {
      Path temp = projectDir.resolve(settings.tempDirectory().get()).normalize();
      Files.createDirectories(temp);
      statements.add("SET temp_directory = " + literal(temp.toString()));
    }
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** A SQL string literal. */
  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  @Override
  public String profile() {
    return profile;
  }

  @Override
  public ComputeType type() {
    return ComputeType.DUCKDB;
  }

  @Override
  public Connection connect() {
    if (handedOut.closed()) {
      throw closedEngine();
    }
    Connection connection;
    try {
      connection = root.duplicate();
    } catch (SQLException e) {
      throw ComputeProblems.unavailable(
          profile,
          "duckdb, database " + database,
          e,
          "the database may have been closed by an earlier failure; run again",
          List.of());
    }
    if (!handedOut.add(connection)) {
      throw closedEngine();
    }
    return connection;
  }

  private ProblemException closedEngine() {
    return ComputeProblems.unavailable(
        profile,
        "duckdb, database " + database,
        new IllegalStateException("the engine is closed: the run has ended"),
        "use the connection only while the asset runs",
        List.of());
  }

  @Override
  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    if (handedOut.closeAll()) {
      Connections.closeQuietly(root);
    }
  }

  @Override
  public String toString() {
    return "ComputeEngine[" + ComputeProblems.path(profile) + ", duckdb, " + database + "]";
  }
}
