package dev.floe.runtime.compute;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * The connections an engine handed out, closed with it: what every engine does the same way.
 * Thread-safe; a connection handed out while the engine closes is closed at once.
 */
final class HandedOut {
  private final List<Connection> open = new ArrayList<>();
  private boolean closed;

  /** Whether the engine was closed. */
  synchronized boolean closed() {
    return closed;
  }

  /**
   * Tracks {@code connection} until the engine closes, forgetting those closed since.
   *
   * @return {@code false} when the engine closed meanwhile: the connection is closed then
   */
  boolean add(Connection connection) {
    synchronized (this) {
      if (!closed) {
        open.removeIf(Connections::isClosed);
        open.add(connection);
        return true;
      }
    }
    Connections.closeQuietly(connection);
    return false;
  }

  /**
   * Closes every connection still open.
   *
   * @return {@code false} when they were closed before (the engine's close() ran already)
   */
  boolean closeAll() {
    List<Connection> copy;
    synchronized (this) {
      if (closed) {
        return false;
      }
      closed = true;
      copy = new ArrayList<>(open);
      open.clear();
    }
    copy.forEach(Connections::closeQuietly);
    return true;
  }
}
