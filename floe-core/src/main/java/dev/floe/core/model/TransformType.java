package dev.floe.core.model;

/** Kinds of declarative transform a pipeline can run. */
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
