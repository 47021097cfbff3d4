package dev.floe.catalog.storage;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an {@code s3} storage profile keeps its data: bucket, region, an optional endpoint for
 * S3-compatible servers and the addressing style. It holds no credential; those come from the
 * profile's credentials mode as an {@code AwsCredentialsProvider}.
 *
 * <p>Immutable and thread-safe; validated on construction.
 *
 * @param bucket the bucket, 3–63 characters of lower-case letters, digits, dots and hyphens
 * @param region the region, {@value #DEFAULT_REGION} when the profile gives none
 * @param endpoint the endpoint of an S3-compatible server; empty for AWS's own endpoints
 * @param addressing how requests name the bucket; {@link AddressingStyle#PATH} for most
 *     S3-compatible servers
 */
public record S3StorageSettings(
    String bucket, String region, Optional<URI> endpoint, AddressingStyle addressing) {

  /** The region when the profile gives none. */
  public static final String DEFAULT_REGION = "us-east-1";

  private static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");
  private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-[a-z0-9]+)+$");

  /** Validates every component. */
  public S3StorageSettings {
    requireNonNull(bucket, "bucket");
    requireNonNull(region, "region");
    requireNonNull(endpoint, "endpoint");
    requireNonNull(addressing, "addressing");
    if (!BUCKET.matcher(bucket).matches()) {
      throw new IllegalArgumentException(
          "bucket '" + bucket + "' must be 3-63 lower-case letters, digits, dots and hyphens");
    }
    if (!REGION.matcher(region).matches()) {
      throw new IllegalArgumentException(
          "region '" + region + "' is not an AWS region name (us-east-1, eu-central-1)");
    }
    endpoint.ifPresent(S3StorageSettings::checkEndpoint);
  }

  /**
   * Settings for {@code bucket} on AWS in {@code region}, virtual-host addressing.
   *
   * @param bucket the bucket; not null
   * @param region the region; not null
   */
  public static S3StorageSettings aws(String bucket, String region) {
    return new S3StorageSettings(bucket, region, Optional.empty(), AddressingStyle.VIRTUAL_HOST);
  }

  /**
   * Settings for {@code bucket} on the S3-compatible server at {@code endpoint}, path-style
   * addressing.
   *
   * @param bucket the bucket; not null
   * @param region the region the server expects in signatures; not null
   * @param endpoint the server; not null
   */
  public static S3StorageSettings compatible(String bucket, String region, URI endpoint) {
    return new S3StorageSettings(bucket, region, Optional.of(endpoint), AddressingStyle.PATH);
  }

  /** The warehouse root in Iceberg's location form, {@code s3://<bucket>}. */
  public String warehouseLocation() {
    return "s3://" + bucket;
  }

  private static void checkEndpoint(URI endpoint) {
    // Checked first so that no message below can echo a URL that holds a user name or password.
    if (endpoint.getRawUserInfo() != null) {
      throw new IllegalArgumentException("storage endpoint must not contain user info");
    }
    String scheme =
        endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
    if ((!scheme.equals("https") && !scheme.equals("http")) || endpoint.getHost() == null) {
      throw new IllegalArgumentException(
          "storage endpoint '" + endpoint + "' must be an http or https URL with a host");
    }
  }
}
