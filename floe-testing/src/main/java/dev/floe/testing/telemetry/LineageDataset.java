package dev.floe.testing.telemetry;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A dataset named in a {@link LineageEvent}.
 *
 * @param namespace the dataset's namespace; empty if absent
 * @param name the dataset's name; empty if absent
 * @param facets the names of its facets ({@code facets}, then {@code inputFacets} or {@code
 *     outputFacets}), in the order received
 */
public record LineageDataset(String namespace, String name, List<String> facets) {

  /**
   * Copies the facet names into an unmodifiable list.
   *
   * @param namespace the namespace
   * @param name the name
   * @param facets the facet names
   */
  public LineageDataset {
    requireNonNull(namespace, "namespace");
    requireNonNull(name, "name");
    facets = List.copyOf(facets);
  }

  /**
   * Returns {@code namespace/name}, how OpenLineage tools show a dataset.
   *
   * @return the qualified name
   */
  public String qualifiedName() {
    return namespace + "/" + name;
  }
}
