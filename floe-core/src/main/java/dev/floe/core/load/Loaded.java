package dev.floe.core.load;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import dev.floe.core.diag.SourceMap;

/**
 * A validated configuration document with where it came from.
 *
 * @param value the immutable model
 * @param file the file as displayed in diagnostics
 * @param sourceMap the position of every value
 * @param sha256 {@code sha256:<hex>} of the document's bytes
 * @param <T> the model type
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record Loaded<T>(T value, String file, SourceMap sourceMap, String sha256) {
  public Loaded {
    requireNonNull(value, "value");
    requireNonNull(file, "file");
    requireNonNull(sourceMap, "sourceMap");
    requireNonNull(sha256, "sha256");
  }
}
