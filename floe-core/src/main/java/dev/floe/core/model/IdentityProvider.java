package dev.floe.core.model;

import dev.floe.core.api.Api;

/** Workload identity providers for service_account credentials. */
@Api(status = Api.Status.EXPERIMENTAL)
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
