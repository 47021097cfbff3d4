package dev.floe.catalog.storage;

/** How an S3 client names a bucket in its request URLs. */
public enum AddressingStyle {
  /** {@code https://bucket.host/key}: AWS's default. */
  VIRTUAL_HOST,
  /** {@code https://host/bucket/key}: what MinIO and most S3-compatible servers need. */
  PATH
}
