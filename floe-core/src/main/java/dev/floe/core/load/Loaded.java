package dev.floe.core.load;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import dev.floe.core.diag.SourceMap;
import dev.floe.core.internal.digest.DeferredSha256;

/**
 * A validated configuration document with where it came from. Immutable and thread-safe; equal,
 * hashed and printed by its four components, as a record would be.
 *
 * <p>Not a record because the hash is computed on first use ({@link #ofText}): validating a file
 * never needs it, and the first SHA-256 of a JVM costs a tenth of a command's start-up.
 *
 * @param <T> the model type
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class Loaded<T> {
  private final T value;
  private final String file;
  private final SourceMap sourceMap;
  private final DeferredSha256 sha256;

  /**
   * A loaded document whose hash is known.
   *
   * @param value the immutable model; not null
   * @param file the file as displayed in diagnostics; not null
   * @param sourceMap the position of every value; not null
   * @param sha256 {@code sha256:<hex>} of the document's bytes; not null
   */
  public Loaded(T value, String file, SourceMap sourceMap, String sha256) {
    this(value, file, sourceMap, DeferredSha256.known(requireNonNull(sha256, "sha256")));
  }

  private Loaded(T value, String file, SourceMap sourceMap, DeferredSha256 sha256) {
    this.value = requireNonNull(value, "value");
    this.file = requireNonNull(file, "file");
    this.sourceMap = requireNonNull(sourceMap, "sourceMap");
    this.sha256 = sha256;
  }

  /**
   * A loaded document whose {@link #sha256()} is that of {@code text}, computed when first asked
   * for.
   *
   * @param value the immutable model; not null
   * @param file the file as displayed in diagnostics; not null
   * @param sourceMap the position of every value; not null
   * @param text the document's text, hashed as UTF-8; not null
   * @param <T> the model type
   */
  public static <T> Loaded<T> ofText(T value, String file, SourceMap sourceMap, String text) {
    return new Loaded<>(value, file, sourceMap, DeferredSha256.of(text));
  }

  /** The immutable model. */
  public T value() {
    return value;
  }

  /** The file as displayed in diagnostics. */
  public String file() {
    return file;
  }

  /** The position of every value. */
  public SourceMap sourceMap() {
    return sourceMap;
  }

  /** {@code sha256:<hex>} of the document's bytes. */
  public String sha256() {
    return sha256.value();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Loaded<?> l
        && value.equals(l.value)
        && file.equals(l.file)
        && sourceMap.equals(l.sourceMap)
        && sha256().equals(l.sha256());
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * value.hashCode() + file.hashCode()) + sourceMap.hashCode())
        + sha256().hashCode();
  }

  @Override
  @SuppressWarnings("ObjectToString") // the source map prints as an identity, as in the record
  public String toString() {
    return "Loaded[value="
        + value
        + ", file="
        + file
        + ", sourceMap="
        + sourceMap
        + ", sha256="
        + sha256()
        + "]";
  }
}
