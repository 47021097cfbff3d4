package dev.floe.core.internal.yaml;

import static java.util.Objects.requireNonNull;

import dev.floe.core.diag.SourcePosition;

/**
 * A scalar with the type the YAML 1.2 core schema resolves it to, so that strict fields can refuse
 * an unquoted {@code 1.0} or {@code yes}.
 *
 * @param value the text of the scalar, without quotes
 * @param kind the resolved type
 * @param position where it starts
 */
public record YamlScalar(String value, Kind kind, SourcePosition position) implements YamlNode {
  /** The type a scalar resolves to. */
  public enum Kind {
    STRING,
    INT,
    FLOAT,
    BOOL,
    NULL
  }

  public YamlScalar {
    requireNonNull(value, "value");
    requireNonNull(kind, "kind");
    requireNonNull(position, "position");
  }

  @Override
  public String describe() {
    return switch (kind) {
      case STRING -> "text";
      case INT, FLOAT -> "a number";
      case BOOL -> "a boolean";
      case NULL -> "no value";
    };
  }
}
