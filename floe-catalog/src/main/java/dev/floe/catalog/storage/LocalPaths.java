package dev.floe.catalog.storage;

import static java.util.Objects.requireNonNull;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

/**
 * Resolves the relative file paths of a platform profile at run time against the project folder
 * (the folder holding floe.yaml), so that {@code platform/local} works from any checkout: a local
 * storage {@code path} and the database file in a {@code jdbc} catalog URI. CompiledArtifacts keeps
 * the paths as written; only the runtime resolves them, with these methods.
 *
 * <p>Absolute paths and {@code file:} URIs with an absolute path are kept (normalised). Stateless
 * and thread-safe.
 */
public final class LocalPaths {
  private static final String FILE = "file:";
  private static final List<String> FILE_DATABASES = List.of("jdbc:sqlite:", "jdbc:duckdb:");

  private LocalPaths() {}

  /**
   * The absolute, normalised path of {@code path}: relative paths are taken relative to {@code
   * projectFolder}. {@code path} may be a plain path or a {@code file:} URI ({@code file:data},
   * {@code file:/abs/data}, {@code file:///abs/data}), taken literally without percent-decoding.
   *
   * @param projectFolder the folder holding floe.yaml; made absolute against the working folder
   *     when relative; not null
   * @param path the path as written in platform.yaml; not null, not blank
   * @throws IllegalArgumentException when {@code path} is blank, names a remote host or has another
   *     scheme
   */
  public static Path resolve(Path projectFolder, String path) {
    requireNonNull(projectFolder, "projectFolder");
    requireNonNull(path, "path");
    if (path.isBlank()) {
      throw new IllegalArgumentException("a local path must not be blank");
    }
    String plain = path;
    if (path.regionMatches(true, 0, FILE, 0, FILE.length())) {
      String rest = path.substring(FILE.length());
      plain = rest.startsWith("/") ? LocalLocations.path(path).toString() : rest;
    }
    Path written;
    try {
      written = Paths.get(plain);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("'" + path + "' is not a valid path: " + e.getReason(), e);
    }
    return projectFolder.toAbsolutePath().resolve(written).normalize();
  }

  /**
   * The Iceberg location of {@link #resolve(Path, String) resolve(projectFolder, path)}: {@code
   * file:/abs/path}, the form to use as a warehouse location with {@link LocalFileIO}.
   *
   * @param projectFolder the folder holding floe.yaml; not null
   * @param path the path as written in platform.yaml; not null
   */
  public static String location(Path projectFolder, String path) {
    return FILE + resolve(projectFolder, path).toString().replace('\\', '/');
  }

  /**
   * {@code jdbcUrl} with a relative database file made absolute against {@code projectFolder}:
   * {@code jdbc:sqlite:catalog.db} becomes {@code jdbc:sqlite:/project/catalog.db}, also for {@code
   * jdbc:sqlite:file:catalog.db?mode=rwc} and {@code jdbc:duckdb:…}; URL parameters after {@code ?}
   * are kept. In-memory databases ({@code :memory:}, an empty path) and URLs of other databases
   * (PostgreSQL, MySQL: no file) are returned unchanged.
   *
   * @param projectFolder the folder holding floe.yaml; not null
   * @param jdbcUrl the URL as written in platform.yaml; not null
   */
  public static String resolveJdbcUrl(Path projectFolder, String jdbcUrl) {
    requireNonNull(projectFolder, "projectFolder");
    requireNonNull(jdbcUrl, "jdbcUrl");
    for (String prefix : FILE_DATABASES) {
      if (jdbcUrl.toLowerCase(Locale.ROOT).startsWith(prefix)) {
        return prefix + resolveDatabase(projectFolder, jdbcUrl.substring(prefix.length()));
      }
    }
    return jdbcUrl;
  }

  private static String resolveDatabase(Path projectFolder, String database) {
    String scheme = "";
    String rest = database;
    if (rest.regionMatches(true, 0, FILE, 0, FILE.length())) {
      scheme = FILE;
      rest = rest.substring(FILE.length());
    }
    int query = rest.indexOf('?');
    String file = query < 0 ? rest : rest.substring(0, query);
    String parameters = query < 0 ? "" : rest.substring(query);
    if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("memory:")) {
      return database;
    }
    if (scheme.isEmpty() && file.startsWith("//")) {
      // Not a file path: leave whatever a driver makes of it alone.
      return database;
    }
    Path resolved = resolve(projectFolder, scheme.isEmpty() ? file : FILE + file);
    return scheme + resolved.toString().replace('\\', '/') + parameters;
  }
}
