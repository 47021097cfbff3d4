package dev.floe.core.model;

import dev.floe.core.api.Api;

/**
 * A setting that is either written in the file ({@link Literal}) or named as a secret to be
 * resolved at run time ({@link SecretRef}), e.g. an endpoint that hides internal topology.
 */
@Api(status = Api.Status.STABLE)
public sealed interface StringOrSecret permits StringOrSecret.Literal, SecretRef {
  /** A value written in the configuration. */
  record Literal(String value) implements StringOrSecret {
    public Literal {
      java.util.Objects.requireNonNull(value, "value");
    }
  }

  /** A literal value. */
  static StringOrSecret literal(String value) {
    return new Literal(value);
  }
}
