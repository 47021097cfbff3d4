package dev.floe.core.model;

import dev.floe.core.api.Api;

/** Kinds of Iceberg catalog a catalog profile can describe. */
@Api(status = Api.Status.EXPERIMENTAL)
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
