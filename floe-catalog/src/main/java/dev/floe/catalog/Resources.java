package dev.floe.catalog;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What one opened catalog owns — token managers and their registrations, credentials providers,
 * FileIOs, the catalog — closed in reverse order of creation. Thread-safe.
 */
final class Resources implements AutoCloseable {
  private final Deque<AutoCloseable> owned = new ArrayDeque<>();

  /** Takes ownership of {@code resource} and returns it. */
  synchronized <T extends AutoCloseable> T add(T resource) {
    owned.push(resource);
    return resource;
  }

  /**
   * Closes everything, the last added first; every resource is closed even when one fails.
   *
   * @throws IllegalStateException when closing failed, with every failure after the first
   *     suppressed
   */
  @Override
  public void close() {
    IllegalStateException failure = null;
    while (true) {
      AutoCloseable next;
      synchronized (this) {
        if (owned.isEmpty()) {
          break;
        }
        next = owned.pop();
      }
      try {
        next.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("closing the catalog's connections failed", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
