package dev.floe.core.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Immutable maps with sorted keys, so that everything written from the model is deterministic. */
final class SortedMaps {
  private SortedMaps() {}

  /** An unmodifiable, key-sorted copy; null keys and values are refused. */
  static <V> Map<String, V> copyOf(Map<String, ? extends V> map) {
    TreeMap<String, V> sorted = new TreeMap<>();
    for (Map.Entry<String, ? extends V> e : map.entrySet()) {
      sorted.put(
          Objects.requireNonNull(e.getKey(), "key"), Objects.requireNonNull(e.getValue(), "value"));
    }
    return Collections.unmodifiableMap(sorted);
  }
}
