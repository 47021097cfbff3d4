package dev.floe.core.internal.yaml;

/**
 * Bounds that keep a hostile document (billion laughs, deep nesting, huge files) from exhausting
 * memory or time. Exceeding one is a {@code FLOE-Y004} problem, never an error of the JVM.
 *
 * @param maxBytes the largest file, in bytes as read: nothing larger is allocated
 * @param maxCodePoints the largest document, in code points
 * @param maxAliasesForCollections how many aliases may point at mappings or lists
 * @param maxNodes how many nodes the document may have after alias expansion
 * @param maxDepth how deeply mappings and lists may nest
 */
public record YamlLimits(
    long maxBytes, int maxCodePoints, int maxAliasesForCollections, int maxNodes, int maxDepth) {
  /**
   * Limits generous for any real configuration: 16 MiB files, 16 Mi code points, 10 000 aliases, 2
   * M nodes after expansion, 64 levels. The node count is what stops alias bombs; it is measured
   * without expanding anything.
   */
  public static final YamlLimits DEFAULT =
      new YamlLimits(16L * 1024 * 1024, 16 * 1024 * 1024, 10_000, 2_000_000, 64);
}
