package dev.floe.catalog.failure;

import java.util.ArrayList;
import java.util.List;

/**
 * Every log line written through SLF4J during the tests of this module, rendered with its arguments
 * and its throwable's messages: floe's own loggers at every level, everything else from INFO up
 * (the level a deployment runs at).
 */
public final class CapturedLogs {
  private static final List<String> LINES = new ArrayList<>();

  private CapturedLogs() {}

  static void add(String line) {
    synchronized (LINES) {
      LINES.add(line);
    }
  }

  /** A copy of every captured line so far. */
  public static List<String> lines() {
    synchronized (LINES) {
      return List.copyOf(LINES);
    }
  }
}
