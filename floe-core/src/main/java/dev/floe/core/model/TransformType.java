package dev.floe.core.model;

import dev.floe.core.api.Api;

/** Kinds of declarative transform a pipeline can run. */
@Api(status = Api.Status.EXPERIMENTAL)
public enum TransformType implements WireEnum {
  DBT("dbt"),
  SQL("sql");

  private final String wire;

  TransformType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
