package dev.floe.core.internal.digest;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * The {@link Hashes#sha256} of a text, computed on first use. {@code floe validate} never looks at
 * a document's hash, and the first SHA-256 of a JVM initialises the JCA provider framework: a tenth
 * of a configuration command's start-up. Thread-safe; the text is dropped once hashed.
 */
public final class DeferredSha256 {
  private @Nullable String text;
  private @Nullable String hash;

  private DeferredSha256(@Nullable String text, @Nullable String hash) {
    this.text = text;
    this.hash = hash;
  }

  /** The hash of {@code text}, computed when first asked for. */
  public static DeferredSha256 of(String text) {
    return new DeferredSha256(requireNonNull(text, "text"), null);
  }

  /** A hash already known, {@code sha256:<hex>}. */
  public static DeferredSha256 known(String hash) {
    return new DeferredSha256(null, requireNonNull(hash, "hash"));
  }

  /** {@code sha256:<hex>} of the text's UTF-8 bytes. */
  public synchronized String value() {
    String computed = hash;
    if (computed == null) {
      computed = Hashes.sha256(requireNonNull(text, "text"));
      hash = computed;
      text = null;
    }
    return computed;
  }
}
