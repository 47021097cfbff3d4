package dev.floe.runtime.table;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** The local path of a data file location: {@code file:/…}, {@code file:///…} or {@code /…}. */
final class LocalFiles {
  private LocalFiles() {}

  static Optional<Path> path(String location) {
    String path;
    if (location.regionMatches(true, 0, "file:", 0, 5)) {
      String rest = location.substring(5);
      if (rest.startsWith("//")) {
        int slash = rest.indexOf('/', 2);
        String host = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
        if (slash < 0 || !(host.isEmpty() || host.equalsIgnoreCase("localhost"))) {
          return Optional.empty();
        }
        path = rest.substring(slash);
      } else {
        path = rest;
      }
    } else if (location.startsWith("/")) {
      path = location;
    } else {
      return Optional.empty();
    }
    try {
      Path result = Path.of(path);
      return result.isAbsolute() ? Optional.of(result.normalize()) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }
}
