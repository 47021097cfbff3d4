package dev.floe.core.model;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import java.util.Optional;

/**
 * A named storage profile of platform.yaml.
 *
 * @param type the kind of storage
 * @param endpoint the S3-compatible endpoint; empty means the cloud's own
 * @param region the region
 * @param bucket the bucket (s3, gcs, azure)
 * @param path the folder of {@code local} storage, as written (relative to the project folder)
 * @param pathStyleAccess whether to address buckets by path (MinIO and S3-compatible servers)
 * @param credentials how to authenticate
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record StorageProfile(
    StorageType type,
    Optional<StringOrSecret> endpoint,
    Optional<String> region,
    Optional<String> bucket,
    Optional<String> path,
    boolean pathStyleAccess,
    Credentials credentials) {
  public StorageProfile {
    requireNonNull(type, "type");
    requireNonNull(endpoint, "endpoint");
    requireNonNull(region, "region");
    requireNonNull(bucket, "bucket");
    requireNonNull(path, "path");
    requireNonNull(credentials, "credentials");
  }
}
