package dev.floe.core.model;

import dev.floe.core.api.Api;

/** Where data classifications come from. */
@Api(status = Api.Status.EXPERIMENTAL)
public enum ClassificationSource implements WireEnum {
  DBT_META("dbt_meta"),
  EXTERNAL("external");

  private final String wire;

  ClassificationSource(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
