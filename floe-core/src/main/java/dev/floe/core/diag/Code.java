package dev.floe.core.diag;

import dev.floe.core.api.Api;

/**
 * The stable problem codes of floe-core. The identifier never changes meaning once released; {@code
 * docs/errors.md} documents each one with an example, and a test keeps the two in step. Other
 * modules add codes of their own through {@link ProblemCodes}, under letters core does not use.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public enum Code implements ProblemCode {
  Y001("YAML syntax error"),
  Y002("duplicate key"),
  Y003("unsupported YAML tag"),
  Y004("YAML document exceeds a safety limit"),
  Y005("more than one YAML document in a file"),
  Y006("file cannot be read"),
  S001("unsupported schema version"),
  S002("the other kind of floe file"),
  S010("unknown key"),
  S011("missing required key"),
  S012("wrong type"),
  S013("ambiguous scalar: quote it"),
  S014("invalid boolean"),
  S015("invalid enum value"),
  S016("invalid format"),
  S017("value out of range"),
  S018("field belongs to another mode or type"),
  S019("platform-only key in floe.yaml"),
  V001("unset variable in interpolation"),
  V002("malformed interpolation"),
  V003("interpolation outside platform.yaml"),
  V004("credential in an interpolated variable"),
  R020("profile not found"),
  R021("platform registry reference cannot be resolved"),
  R022("platform registry pin not used"),
  C030("plaintext secret"),
  C031("credentials embedded in a URL"),
  C032("invalid secret name"),
  C033("secret not found"),
  C034("secret incomplete"),
  E050("platform not found"),
  E051("invalid environment name"),
  E052("path not found"),
  E053("cannot write output"),
  E054("invalid environment variable"),
  E055("environment contradicts the platform"),
  A060("unsupported CompiledArtifacts version"),
  A061("invalid CompiledArtifacts document"),
  X040("hard-coded credential"),
  X041("invalid scan baseline"),
  X042("file not scanned");

  private final String title;

  Code(String title) {
    this.title = title;
  }

  /** The code as printed, e.g. {@code FLOE-S010}. */
  @Override
  public String id() {
    return "FLOE-" + name();
  }

  /** A few words naming the kind of problem. */
  @Override
  public String title() {
    return title;
  }
}
