package dev.floe.runtime.compute;

import java.sql.Connection;
import java.sql.SQLException;

/** What every engine does with the connections it hands out. */
final class Connections {
  private Connections() {}

  /** Whether {@code connection} is closed; one that cannot say counts as closed. */
  static boolean isClosed(Connection connection) {
    try {
      return connection.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  /** Closes {@code connection}, ignoring what that throws. */
  static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException | RuntimeException e) {
      // Closing is best effort: the run is over, and close() never throws.
    }
  }
}
