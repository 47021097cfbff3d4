package dev.floe.core.model;

import dev.floe.core.api.Api;

/** Kinds of object storage a storage profile can describe. */
@Api(status = Api.Status.EXPERIMENTAL)
public enum StorageType implements WireEnum {
  S3("s3"),
  GCS("gcs"),
  AZURE("azure"),
  LOCAL("local");

  private final String wire;

  StorageType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
