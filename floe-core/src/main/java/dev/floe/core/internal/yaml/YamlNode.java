package dev.floe.core.internal.yaml;

import dev.floe.core.diag.SourcePosition;

/**
 * A node of a loaded YAML document with its source position. Aliases are already expanded, keys are
 * scalars, and every node is immutable.
 */
public sealed interface YamlNode permits YamlMapping, YamlSequence, YamlScalar {
  /** Where the node starts. */
  SourcePosition position();

  /** A short English name of the node's kind, for messages ("a mapping", "a list", "text"). */
  String describe();
}
