package dev.floe.core.model;

import dev.floe.core.api.Api;

/** How an Iceberg REST catalog delegates storage access to clients. */
@Api(status = Api.Status.EXPERIMENTAL)
public enum AccessDelegation implements WireEnum {
  NONE("none"),
  VENDED_CREDENTIALS("vended-credentials"),
  REMOTE_SIGNING("remote-signing");

  private final String wire;

  AccessDelegation(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
