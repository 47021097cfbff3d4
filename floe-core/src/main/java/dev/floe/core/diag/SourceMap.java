package dev.floe.core.diag;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each validated value came from, by field path ({@code catalogs.default.uri}, {@code
 * transforms[0].path}, spelt as {@link FieldPaths} spells them). Lets later phases (the compiler,
 * secret checks) point at the exact place in the file. Immutable and thread-safe; a validator fills
 * a {@link Builder}.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class SourceMap {
  /** A map that knows no position: for documents that were not read from a file. */
  public static final SourceMap EMPTY = new Builder().build();

  private final Map<String, SourcePosition> values;
  private final Map<String, String> origins;
  private final Map<String, SourcePosition> keys;

  private SourceMap(Builder builder) {
    this.values = Map.copyOf(builder.values);
    this.origins = Map.copyOf(builder.origins);
    this.keys = Map.copyOf(builder.keys);
  }

  /** The position of the key that introduces the value at {@code path}; not null. */
  public Optional<SourcePosition> keyPosition(String path) {
    return Optional.ofNullable(keys.get(path));
  }

  /** The position of the value at {@code path}; not null. */
  public Optional<SourcePosition> position(String path) {
    return Optional.ofNullable(values.get(path));
  }

  /**
   * How the value at {@code path} was produced, when not written literally (e.g. {@code
   * "interpolated from ${AWS_REGION}"} or {@code "default"}); not null.
   */
  public Optional<String> origin(String path) {
    return Optional.ofNullable(origins.get(path));
  }

  /**
   * Collects positions while a document is validated. The first position recorded for a path wins;
   * a later origin replaces an earlier one. Not thread-safe: one builder per document.
   */
  public static final class Builder {
    private final Map<String, SourcePosition> values = new HashMap<>();
    private final Map<String, String> origins = new HashMap<>();
    private final Map<String, SourcePosition> keys = new HashMap<>();

    /** Records where the key of {@code path} is written, unless already recorded. */
    public Builder putKey(String path, SourcePosition position) {
      keys.putIfAbsent(requireNonNull(path, "path"), requireNonNull(position, "position"));
      return this;
    }

    /** Records where the value of {@code path} is written, unless already recorded. */
    public Builder put(String path, SourcePosition position) {
      values.putIfAbsent(requireNonNull(path, "path"), requireNonNull(position, "position"));
      return this;
    }

    /** Records how the value of {@code path} was produced ({@code default}, interpolated …). */
    public Builder origin(String path, String origin) {
      origins.put(requireNonNull(path, "path"), requireNonNull(origin, "origin"));
      return this;
    }

    /** The key position recorded so far for {@code path}; not null. */
    public Optional<SourcePosition> keyPosition(String path) {
      return Optional.ofNullable(keys.get(path));
    }

    /** The positions recorded so far, as an immutable map. */
    public SourceMap build() {
      return new SourceMap(this);
    }
  }
}
