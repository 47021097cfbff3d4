package dev.floe.core.model;

/** Where data classifications come from. */
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
