package dev.floe.catalog.storage;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Pattern;

/**
 * Turns Iceberg locations of local files into paths. A location is a plain absolute path or a
 * {@code file:} URI ({@code file:/a/b}, {@code file:///a/b}, {@code file://localhost/a/b}).
 * Locations are taken literally, without percent-decoding, as Hadoop's {@code Path} does: Iceberg
 * builds locations by appending names to the warehouse location, so a location and its path
 * correspond one to one.
 */
final class LocalLocations {
  private static final String FILE = "file:";
  private static final Pattern OTHER_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+:.*");

  private LocalLocations() {}

  /**
   * The absolute, normalised path of {@code location}.
   *
   * @throws IllegalArgumentException when the location is relative, names a remote host or has a
   *     scheme other than {@code file}
   */
  static Path path(String location) {
    String path;
    if (location.regionMatches(true, 0, FILE, 0, FILE.length())) {
      String rest = location.substring(FILE.length());
      if (rest.startsWith("//")) {
        int slash = rest.indexOf('/', 2);
        String authority = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
        if (!authority.isEmpty() && !authority.equalsIgnoreCase("localhost")) {
          throw new IllegalArgumentException(
              "local location '" + location + "' names the host '" + authority + "'");
        }
        path = slash < 0 ? "/" : rest.substring(slash);
      } else {
        path = rest;
      }
    } else if (OTHER_SCHEME.matcher(location).matches()) {
      throw new IllegalArgumentException(
          "location '" + location + "' is not a local file (expected file:/… or an absolute path)");
    } else {
      path = location;
    }
    Path result;
    try {
      result = Paths.get(path);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(
          "location '" + location + "' is not a valid path: " + e.getReason(), e);
    }
    if (!result.isAbsolute()) {
      throw new IllegalArgumentException(
          "location '"
              + location
              + "' is relative; resolve it against the project folder first (LocalPaths)");
    }
    return result.normalize();
  }

  /**
   * {@code prefix} followed by {@code relative}'s names joined with {@code /}: the location of a
   * file found under the location {@code prefix}, in the same form as {@code prefix}.
   */
  static String child(String prefix, Path relative) {
    StringBuilder location = new StringBuilder(stripTrailingSlash(prefix));
    for (Path name : relative) {
      location.append('/').append(name);
    }
    return location.toString();
  }

  private static String stripTrailingSlash(String location) {
    String result = location;
    while (result.length() > 1 && result.endsWith("/") && !result.endsWith(":/")) {
      result = result.substring(0, result.length() - 1);
    }
    return result;
  }
}
