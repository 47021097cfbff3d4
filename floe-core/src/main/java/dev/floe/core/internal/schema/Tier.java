package dev.floe.core.internal.schema;

/** Which file is being validated; the rules differ slightly per tier. */
public enum Tier {
  /** platform.yaml: {@code ${VAR}} interpolation in non-secret strings. */
  PLATFORM("platform.yaml"),
  /** floe.yaml: no interpolation, and platform-only keys are refused. */
  PIPELINE("floe.yaml"),
  /** CompiledArtifacts JSON: values are taken as written. */
  ARTIFACT("CompiledArtifacts");

  private final String label;

  Tier(String label) {
    this.label = label;
  }

  /** The kind of file, as named in messages. */
  public String label() {
    return label;
  }
}
