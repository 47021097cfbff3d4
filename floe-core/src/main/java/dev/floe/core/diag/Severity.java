package dev.floe.core.diag;

/** How serious a {@link Problem} is: errors fail the command, warnings do not. */
public enum Severity {
  ERROR("error"),
  WARNING("warning");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  /** The lower-case name used in rendered output and JSON. */
  public String label() {
    return label;
  }
}
