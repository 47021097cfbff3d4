package dev.floe.runtime;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What an asset reports about its run, all optional: the number of rows it wrote and metadata
 * ({@code key → value}). Shown in the run summary, set as span attributes ({@code floe.asset.rows},
 * {@code floe.asset.metadata.<key>}) and sent as an OpenLineage run facet.
 *
 * @param rows rows written, when known
 * @param metadata free-form metadata, sorted by key
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record MaterializeResult(OptionalLong rows, Map<String, String> metadata) {
  /** Nothing reported. */
  public static final MaterializeResult EMPTY =
      new MaterializeResult(OptionalLong.empty(), Map.of());

  public MaterializeResult {
    requireNonNull(rows, "rows");
    metadata = Map.copyOf(new TreeMap<>(requireNonNull(metadata, "metadata")));
  }

  /** A result of {@code rows} rows; not negative. */
  public static MaterializeResult rows(long rows) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must not be negative, got " + rows);
    }
    return new MaterializeResult(OptionalLong.of(rows), Map.of());
  }

  /** This result with one more metadata entry. */
  public MaterializeResult with(String key, Object value) {
    requireNonNull(key, "key");
    requireNonNull(value, "value");
    Map<String, String> more = new TreeMap<>(metadata);
    more.put(key, String.valueOf(value));
    return new MaterializeResult(rows, more);
  }
}
