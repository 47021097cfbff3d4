package dev.floe.core.model;

/** How an Iceberg REST catalog delegates storage access to clients. */
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
