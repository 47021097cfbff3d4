package dev.floe.core.diag;

import dev.floe.core.api.Api;

/** How serious a {@link Problem} is: errors fail the command, warnings do not. */
@Api(status = Api.Status.STABLE)
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
