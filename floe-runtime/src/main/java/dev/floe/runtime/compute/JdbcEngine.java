package dev.floe.runtime.compute;

import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.model.ComputeProfile;
import dev.floe.core.model.ComputeType;
import dev.floe.core.secret.MultiKeySecret;
import dev.floe.core.secret.Secret;
import dev.floe.core.secret.SecretResolver;
import dev.floe.runtime.RuntimeCode;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * A JDBC compute engine: a new driver connection at each {@link #connect()}, with the profile's
 * login put into the connection properties at that moment only. The login is held as {@link
 * MultiKeySecret}, which never shows its values.
 */
final class JdbcEngine implements ComputeEngine {
  private final String profile;
  private final JdbcTarget target;
  private final Optional<MultiKeySecret> login;
  private final HandedOut handedOut = new HandedOut();
  private final DataSource dataSource;

  private JdbcEngine(String profile, JdbcTarget target, Optional<MultiKeySecret> login) {
    this.profile = profile;
    this.target = target;
    this.login = login;
    this.dataSource = new EngineDataSource(this);
  }

  static JdbcEngine open(
      CompiledArtifacts.Resolved<ComputeProfile> profile,
      JdbcTarget target,
      SecretResolver secrets) {
    requireDriver(profile.profile(), target);
    Optional<MultiKeySecret> login = secrets.forCompute(profile).staticSecret();
    return new JdbcEngine(profile.profile(), target, login);
  }

  /** The driver of {@code target}, loaded by its class name, or {@code FLOE-U042}. */
  static void requireDriver(String profile, JdbcTarget target) {
    try {
      Class.forName(target.driverClass(), true, JdbcEngine.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      String path = ComputeProblems.path(profile);
      throw new ProblemException(
          Problem.error(
                  RuntimeCode.U042,
                  "Cannot connect to compute '"
                      + path
                      + "' ("
                      + target.type().wire()
                      + "): its JDBC driver "
                      + target.driverClass()
                      + " is not on the class path")
              .path(path + ".type")
              .hint(
                  "add the dependency "
                      + target.coordinates()
                      + " to the application that runs the pipeline (floe does not bundle it)")
              .cause(e)
              .build());
    }
  }

  JdbcTarget target() {
    return target;
  }

  @Override
  public String profile() {
    return profile;
  }

  @Override
  public ComputeType type() {
    return target.type();
  }

  @Override
  public Connection connect() {
    if (handedOut.closed()) {
      throw closedEngine();
    }
    Properties properties = new Properties();
    properties.putAll(target.properties());
    List<Secret> secrets = new ArrayList<>();
    login.ifPresent(
        l -> {
          l.get("user").ifPresent(user -> properties.setProperty("user", user.reveal()));
          l.get("password")
              .ifPresent(
                  password -> {
                    secrets.add(password);
                    properties.setProperty("password", password.reveal());
                  });
        });
    Connection connection;
    try {
      Driver driver = DriverManager.getDriver(target.url());
      connection = driver.connect(target.url(), properties);
      if (connection == null) {
        throw new SQLException("the driver does not accept the URL " + target.url());
      }
      try (Statement statement = connection.createStatement()) {
        for (String sql : target.initStatements()) {
          statement.execute(sql);
        }
      } catch (SQLException e) {
        Connections.closeQuietly(connection);
        throw e;
      }
    } catch (SQLException | RuntimeException e) {
      throw ComputeProblems.unavailable(
          profile,
          target.type().wire() + ", " + target.url(),
          e,
          "check that the server runs and can be reached from this machine, and the login in the"
              + " secret of compute."
              + profile
              + ".credentials",
          secrets);
    } finally {
      properties.clear();
    }
    if (!handedOut.add(connection)) {
      throw closedEngine();
    }
    return connection;
  }

  private ProblemException closedEngine() {
    return ComputeProblems.unavailable(
        profile,
        target.type().wire() + ", " + target.url(),
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
    handedOut.closeAll();
  }

  /** Names the profile, the engine and the URL (which holds no login). */
  @Override
  public String toString() {
    return "ComputeEngine["
        + ComputeProblems.path(profile)
        + ", "
        + target.type().wire()
        + ", "
        + target.url()
        + "]";
  }
}
