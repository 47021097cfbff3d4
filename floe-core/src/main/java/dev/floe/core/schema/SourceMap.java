package dev.floe.core.schema;

import dev.floe.core.diag.SourcePosition;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each validated value came from, by field path ({@code catalogs.default.uri}, {@code
 * transforms[0].path}). Lets later phases (the compiler) point at the exact place in the file.
 */
public final class SourceMap {
  private final Map<String, SourcePosition> values = new HashMap<>();
  private final Map<String, String> origins = new HashMap<>();
  private final Map<String, SourcePosition> keys = new HashMap<>();

  void putKey(String path, SourcePosition position) {
    keys.putIfAbsent(path, position);
  }

  /** The position of the key that introduces the value at {@code path}. */
  public Optional<SourcePosition> keyPosition(String path) {
    return Optional.ofNullable(keys.get(path));
  }

  void put(String path, SourcePosition position) {
    values.putIfAbsent(path, position);
  }

  void origin(String path, String origin) {
    origins.put(path, origin);
  }

  /** The position of the value at {@code path}. */
  public Optional<SourcePosition> position(String path) {
    return Optional.ofNullable(values.get(path));
  }

  /**
   * How the value at {@code path} was produced, when not written literally (e.g. {@code
   * "interpolated from ${AWS_REGION}"} or {@code "default"}).
   */
  public Optional<String> origin(String path) {
    return Optional.ofNullable(origins.get(path));
  }
}
