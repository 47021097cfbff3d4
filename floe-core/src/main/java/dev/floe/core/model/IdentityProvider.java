package dev.floe.core.model;

/** Workload identity providers for service_account credentials. */
public enum IdentityProvider implements WireEnum {
  GCP("gcp"),
  AZURE("azure"),
  KUBERNETES("kubernetes");

  private final String wire;

  IdentityProvider(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
