package dev.floe.runtime.compute;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link DataSource} over {@link ComputeEngine#connect()}; user and password are the engine's.
 */
final class EngineDataSource implements DataSource {
  private final ComputeEngine engine;
  private @Nullable PrintWriter logWriter;
  private int loginTimeout;

  EngineDataSource(ComputeEngine engine) {
    this.engine = engine;
  }

  @Override
  public Connection getConnection() {
    return engine.connect();
  }

  /** The engine's own login is used; {@code user} and {@code password} are refused. */
  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException(
        "the connection of " + engine + " uses the login of its compute profile");
  }

  @Override
  public synchronized @Nullable PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public synchronized void setLogWriter(@Nullable PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public synchronized void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public synchronized int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no java.util.logging logger");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper for " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }

  @Override
  public String toString() {
    return "DataSource[" + engine + "]";
  }
}
