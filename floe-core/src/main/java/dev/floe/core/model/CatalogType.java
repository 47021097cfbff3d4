package dev.floe.core.model;

/** Kinds of Iceberg catalog a catalog profile can describe. */
public enum CatalogType implements WireEnum {
  POLARIS("polaris"),
  REST("rest"),
  GLUE("glue"),
  NESSIE("nessie"),
  HIVE("hive"),
  JDBC("jdbc");

  private final String wire;

  CatalogType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
