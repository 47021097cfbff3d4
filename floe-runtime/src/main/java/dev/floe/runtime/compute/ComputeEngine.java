package dev.floe.runtime.compute;

import dev.floe.core.api.Api;
import dev.floe.core.model.ComputeType;
import java.sql.Connection;
import javax.sql.DataSource;

/**
 * An opened compute engine: hands out connections to it and is closed once, at the end of the run.
 * Thread-safe. Its {@code toString} names the profile and engine only, never a credential.
 */
@Api(status = Api.Status.INTERNAL)
public interface ComputeEngine extends AutoCloseable {
  /** The compute profile's name. */
  String profile();

  /** The engine type. */
  ComputeType type();

  /**
   * A new connection to the engine, which the caller closes; for DuckDB a connection to the one
   * database of the run.
   *
   * @throws dev.floe.core.diag.ProblemException when the engine cannot be reached
   */
  Connection connect();

  /** A data source whose {@code getConnection()} is {@link #connect()}. */
  DataSource dataSource();

  /** Closes the engine and every connection still open. Never throws. */
  @Override
  void close();
}
