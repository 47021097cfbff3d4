package dev.floe.testing.s3;

import static java.util.Objects.requireNonNull;

import dev.floe.testing.TemporaryFolders;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3 API server for tests: S3Proxy on a temporary folder, listening on 127.0.0.1 on an
 * ephemeral port.
 *
 * <p>Requests must be signed (AWS Signature V2 or V4) with the access key and secret key of {@link
 * Builder#credentials(String, String)}; any region is accepted in signatures. Buckets are addressed
 * path-style ({@code http://127.0.0.1:<port>/<bucket>/<key>}); clients must turn on path-style
 * access. The folder is deleted on {@link #close()}.
 *
 * <pre>{@code
 * try (S3Server s3 = S3Server.builder().credentials("test-key", "test-secret").bucket("lake").build()) {
 *   s3.start();
 *   try (S3Client client = s3.newClient()) {
 *     client.putObject(b -> b.bucket("lake").key("a.txt"), RequestBody.fromString("hello"));
 *   }
 *   assertThat(s3.objectCount("lake")).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>Instances are safe for use by several threads. The secret key is never part of {@link
 * #toString()}.
 */
public final class S3Server implements AutoCloseable {

  /** The region used when the builder is given none; the server itself accepts any region. */
  public static final String DEFAULT_REGION = "us-east-1";

  /** The Iceberg {@code S3FileIO} implementation class, for {@code io-impl}. */
  public static final String S3_FILE_IO = "org.apache.iceberg.aws.s3.S3FileIO";

  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final String FILESYSTEM_BASEDIR = "jclouds.filesystem.basedir";

  private final String accessKey;
  private final String secretKey;
  private final String region;
  private final List<String> initialBuckets;

  private enum State {
    NEW,
    RUNNING,
    CLOSED
  }

  private State state = State.NEW;
  private Path folder;
  private BlobStore blobStore;
  private S3Proxy proxy;
  private URI endpoint;

  private S3Server(Builder builder) {
    this.accessKey = builder.accessKey;
    this.secretKey = builder.secretKey;
    this.region = builder.region;
    this.initialBuckets = List.copyOf(builder.buckets);
  }

  /**
   * Starts a builder with a random key pair, region {@value #DEFAULT_REGION} and no bucket.
   *
   * @return a new builder; never {@code null}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates the temporary folder, binds the server to 127.0.0.1 on an ephemeral port, starts it and
   * creates the builder's buckets.
   *
   * @return this server, for chaining
   * @throws IllegalStateException if the server was started before (a closed server cannot be
   *     started again) or did not come up
   */
  public synchronized S3Server start() {
    if (state != State.NEW) {
      throw new IllegalStateException("the S3 server can be started once; it is " + state);
    }
    try {
      folder = TemporaryFolders.create("floe-s3-");
      Properties properties = new Properties();
      properties.setProperty(FILESYSTEM_BASEDIR, folder.toString());
      blobStore = BlobStores.create("filesystem", properties);
      proxy =
          S3Proxy.builder()
              .blobStore(blobStore)
              .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
              .endpoint(URI.create("http://127.0.0.1:0"))
              // Tests have finished their requests when they close the server: no graceful drain.
              .stopTimeout(0)
              .build();
      proxy.start();
      endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
      state = State.RUNNING;
    } catch (Exception e) {
      state = State.CLOSED;
      releaseQuietly(e);
      throw new IllegalStateException("the S3 server did not start", e);
    }
    initialBuckets.forEach(this::createBucket);
    return this;
  }

  /**
   * Stops the server and deletes its folder with every bucket and object in it.
   *
   * <p>Closing twice, or closing a server that never started, does nothing.
   *
   * @throws IllegalStateException if the server could not be stopped
   */
  @Override
  public synchronized void close() {
    if (state != State.RUNNING) {
      state = State.CLOSED;
      return;
    }
    state = State.CLOSED;
    IllegalStateException failure = new IllegalStateException("the S3 server did not stop cleanly");
    releaseQuietly(failure);
    if (failure.getSuppressed().length > 0) {
      throw failure;
    }
  }

  private void releaseQuietly(Exception collector) {
    if (proxy != null) {
      try {
        proxy.stop();
      } catch (Exception e) {
        collector.addSuppressed(e);
      }
    }
    if (blobStore != null) {
      try {
        blobStore.close();
      } catch (RuntimeException e) {
        collector.addSuppressed(e);
      }
    }
    if (folder != null) {
      try {
        TemporaryFolders.delete(folder);
      } catch (UncheckedIOException e) {
        collector.addSuppressed(e);
      }
    }
  }

  /**
   * Tells whether the server is serving requests.
   *
   * @return {@code true} between {@link #start()} and {@link #close()}
   */
  public synchronized boolean isRunning() {
    return state == State.RUNNING;
  }

  /**
   * Returns the endpoint to give S3 clients ({@code endpointOverride}, Iceberg's {@code
   * s3.endpoint}).
   *
   * @return {@code http://127.0.0.1:<port>}
   * @throws IllegalStateException if the server has not been started
   */
  public synchronized URI endpoint() {
    if (endpoint == null) {
      throw new IllegalStateException("the S3 server has not been started");
    }
    return endpoint;
  }

  /**
   * Returns the access key id requests must be signed with.
   *
   * @return the access key id; never {@code null}
   */
  public String accessKey() {
    return accessKey;
  }

  /**
   * Returns the secret access key requests must be signed with.
   *
   * @return the secret key; never {@code null}
   */
  public String secretKey() {
    return secretKey;
  }

  /**
   * Returns the region clients should sign for; the server accepts any.
   *
   * @return the region name; never {@code null}
   */
  public String region() {
    return region;
  }

  /**
   * Creates a bucket, directly in the server's store (no S3 request); an existing bucket is kept.
   *
   * @param bucket an S3 bucket name: 3 to 63 lower-case letters, digits, dots and hyphens
   * @throws IllegalArgumentException if the name is not a valid bucket name
   * @throws IllegalStateException if the server is not running
   */
  public void createBucket(String bucket) {
    checkBucket(bucket);
    BlobStore store = runningStore();
    if (!store.containerExists(bucket)) {
      store.createContainer(bucket);
    }
  }

  /**
   * Tells whether a bucket exists.
   *
   * @param bucket a bucket name; not {@code null}
   * @return {@code true} if the bucket exists
   * @throws IllegalStateException if the server is not running
   */
  public boolean bucketExists(String bucket) {
    requireNonNull(bucket, "bucket");
    return runningStore().containerExists(bucket);
  }

  /**
   * Lists the keys of every object in a bucket, read directly from the server's store.
   *
   * @param bucket an existing bucket; not {@code null}
   * @return the keys in lexicographic order; an immutable list
   * @throws IllegalStateException if the server is not running
   */
  public List<String> objectKeys(String bucket) {
    return objectKeys(bucket, "");
  }

  /**
   * Lists the keys of the objects in a bucket whose key starts with {@code prefix}.
   *
   * @param bucket an existing bucket; not {@code null}
   * @param prefix a key prefix, empty for all; not {@code null}
   * @return the keys in lexicographic order; an immutable list
   * @throws IllegalStateException if the server is not running
   */
  public List<String> objectKeys(String bucket, String prefix) {
    requireNonNull(bucket, "bucket");
    requireNonNull(prefix, "prefix");
    BlobStore store = runningStore();
    List<String> keys = new ArrayList<>();
    String continuation = null;
    do {
      ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket);
      if (!prefix.isEmpty()) {
        request.prefix(prefix);
      }
      if (continuation != null) {
        request.continuationToken(continuation);
      }
      ListObjectsV2Response page = store.list(request.build());
      page.contents().stream().map(S3Object::key).forEach(keys::add);
      continuation = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
    } while (continuation != null);
    return List.copyOf(keys);
  }

  /**
   * Counts the objects in a bucket.
   *
   * @param bucket an existing bucket; not {@code null}
   * @return the number of objects
   * @throws IllegalStateException if the server is not running
   */
  public int objectCount(String bucket) {
    return objectKeys(bucket).size();
  }

  /**
   * Returns the Iceberg FileIO properties that point {@code S3FileIO} at this server with its key
   * pair: {@code s3.endpoint}, {@code s3.path-style-access}, {@code s3.access-key-id}, {@code
   * s3.secret-access-key} and {@code client.region}.
   *
   * @return an immutable map; it contains the secret key
   * @throws IllegalStateException if the server has not been started
   */
  public Map<String, String> icebergProperties() {
    return Map.of(
        "s3.endpoint", endpoint().toString(),
        "s3.path-style-access", "true",
        "s3.access-key-id", accessKey,
        "s3.secret-access-key", secretKey,
        "client.region", region);
  }

  /**
   * Creates an AWS SDK v2 client for this server: endpoint override, path-style access, the
   * server's region and key pair, and the Apache 5 HTTP client.
   *
   * @return a new client, owned by the caller, who must close it
   * @throws IllegalStateException if the server has not been started
   */
  public S3Client newClient() {
    return S3Client.builder()
        .endpointOverride(endpoint())
        .forcePathStyle(true)
        .region(Region.of(region))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        .httpClientBuilder(Apache5HttpClient.builder())
        .build();
  }

  private synchronized BlobStore runningStore() {
    if (state != State.RUNNING) {
      throw new IllegalStateException("the S3 server is not running");
    }
    return blobStore;
  }

  @Override
  public String toString() {
    URI current;
    synchronized (this) {
      current = endpoint;
    }
    return "S3Server[endpoint=" + current + ", accessKey=" + accessKey + ", region=" + region + "]";
  }

  private static String checkBucket(String bucket) {
    requireNonNull(bucket, "bucket");
    if (!BUCKET.matcher(bucket).matches()) {
      throw new IllegalArgumentException(
          "bucket name must be 3 to 63 lower-case letters, digits, dots and hyphens: " + bucket);
    }
    return bucket;
  }

  /** Configures an {@link S3Server}. Builders are not safe for use by several threads. */
  public static final class Builder {

    private static final SecureRandom RANDOM = new SecureRandom();

    private String accessKey = "floe-testing-" + randomHex(8);
    private String secretKey = randomHex(20);
    private String region = DEFAULT_REGION;
    private final Set<String> buckets = new LinkedHashSet<>();

    private Builder() {}

    /**
     * Sets the key pair that requests must be signed with; by default a random pair is made.
     *
     * @param accessKey the access key id; not blank
     * @param secretKey the secret access key; not blank
     * @return this builder
     * @throws IllegalArgumentException if either is blank
     */
    public Builder credentials(String accessKey, String secretKey) {
      requireNonNull(accessKey, "accessKey");
      requireNonNull(secretKey, "secretKey");
      if (accessKey.isBlank() || secretKey.isBlank()) {
        throw new IllegalArgumentException("access key and secret key must not be blank");
      }
      this.accessKey = accessKey;
      this.secretKey = secretKey;
      return this;
    }

    /**
     * Sets the region reported to clients by {@link S3Server#region()} and used by {@link
     * S3Server#newClient()}.
     *
     * @param region an AWS region name such as {@code eu-west-1}; not blank
     * @return this builder
     */
    public Builder region(String region) {
      requireNonNull(region, "region");
      if (region.isBlank()) {
        throw new IllegalArgumentException("region must not be blank");
      }
      this.region = region;
      return this;
    }

    /**
     * Adds a bucket to create when the server starts; may be called several times.
     *
     * @param bucket an S3 bucket name: 3 to 63 lower-case letters, digits, dots and hyphens
     * @return this builder
     * @throws IllegalArgumentException if the name is not a valid bucket name
     */
    public Builder bucket(String bucket) {
      buckets.add(checkBucket(bucket));
      return this;
    }

    /**
     * Creates the server, not yet started.
     *
     * @return a new server; call {@link S3Server#start()} next
     */
    public S3Server build() {
      return new S3Server(this);
    }

    private static String randomHex(int bytes) {
      byte[] random = new byte[bytes];
      RANDOM.nextBytes(random);
      return HexFormat.of().formatHex(random);
    }
  }
}
