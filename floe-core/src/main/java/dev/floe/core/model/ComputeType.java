package dev.floe.core.model;

import dev.floe.core.api.Api;

/** Compute engines a compute profile can describe. */
@Api(status = Api.Status.EXPERIMENTAL)
public enum ComputeType implements WireEnum {
  DUCKDB("duckdb"),
  SNOWFLAKE("snowflake"),
  BIGQUERY("bigquery"),
  REDSHIFT("redshift"),
  DATABRICKS("databricks"),
  POSTGRES("postgres"),
  SPARK("spark"),
  TRINO("trino");

  private final String wire;

  ComputeType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
