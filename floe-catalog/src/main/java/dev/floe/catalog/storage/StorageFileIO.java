package dev.floe.catalog.storage;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.iceberg.aws.AwsClientProperties;
import org.apache.iceberg.aws.s3.S3FileIO;
import org.apache.iceberg.aws.s3.S3FileIOProperties;
import org.apache.iceberg.io.FileIO;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Turns a storage profile into an Iceberg {@link FileIO}: S3 through Iceberg's {@link S3FileIO},
 * local folders through {@link LocalFileIO}.
 *
 * <p>For S3 the client is built here, with the region, endpoint and addressing of the settings and
 * the credentials provider of the profile's mode, and handed to {@code S3FileIO} as a supplier: no
 * credential becomes a FileIO property (there is no {@code s3.access-key-id}, {@code
 * s3.secret-access-key} or {@code s3.session-token}), so {@link FileIO#properties()} and anything
 * that prints or serialises it shows none. The properties it does carry ({@link
 * #s3Properties(S3StorageSettings)}) only describe the connection. Such a FileIO cannot be
 * serialised for distribution (its credentials provider is not serialisable, on purpose).
 *
 * <p>Stateless and thread-safe; the FileIOs it returns are thread-safe and must be closed.
 */
public final class StorageFileIO {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);

  private StorageFileIO() {}

  /**
   * An {@code S3FileIO} for {@code settings}, signing with {@code credentials}. Every client it
   * creates uses the AWS SDK's Apache 5 HTTP client, chosen explicitly rather than by class-path
   * discovery (several HTTP clients are on the class path). With an endpoint override (an
   * S3-compatible server) checksums are only sent where S3 requires them, which such servers
   * understand.
   *
   * @param settings bucket, region, endpoint, addressing; not null
   * @param credentials the credentials of the profile's mode; kept, not closed, by the FileIO; not
   *     null
   */
  public static FileIO s3(S3StorageSettings settings, AwsCredentialsProvider credentials) {
    requireNonNull(settings, "settings");
    requireNonNull(credentials, "credentials");
    S3FileIO io =
        new S3FileIO(
            () -> s3Client(settings, credentials), () -> s3AsyncClient(settings, credentials));
    io.initialize(s3Properties(settings));
    return io;
  }

  /** A {@link LocalFileIO}: locations are absolute paths or {@code file:} URIs. */
  public static FileIO local() {
    return new LocalFileIO();
  }

  /**
   * The FileIO properties of an S3 FileIO for {@code settings}: region, endpoint and path-style
   * access, as Iceberg names them; never a credential.
   *
   * @param settings the storage settings; not null
   */
  public static Map<String, String> s3Properties(S3StorageSettings settings) {
    requireNonNull(settings, "settings");
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(AwsClientProperties.CLIENT_REGION, settings.region());
    settings
        .endpoint()
        .ifPresent(endpoint -> properties.put(S3FileIOProperties.ENDPOINT, endpoint.toString()));
    properties.put(
        S3FileIOProperties.PATH_STYLE_ACCESS,
        Boolean.toString(settings.addressing() == AddressingStyle.PATH));
    return Map.copyOf(properties);
  }

  static S3Client s3Client(S3StorageSettings settings, AwsCredentialsProvider credentials) {
    S3ClientBuilder builder =
        S3Client.builder()
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials)
            .forcePathStyle(settings.addressing() == AddressingStyle.PATH)
            .httpClientBuilder(
                Apache5HttpClient.builder()
                    .connectionTimeout(CONNECT_TIMEOUT)
                    .socketTimeout(SOCKET_TIMEOUT));
    settings
        .endpoint()
        .ifPresent(
            endpoint ->
                builder
                    .endpointOverride(endpoint)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
    return builder.build();
  }

  static S3AsyncClient s3AsyncClient(
      S3StorageSettings settings, AwsCredentialsProvider credentials) {
    S3AsyncClientBuilder builder =
        S3AsyncClient.builder()
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials)
            .forcePathStyle(settings.addressing() == AddressingStyle.PATH);
    settings
        .endpoint()
        .ifPresent(
            endpoint ->
                builder
                    .endpointOverride(endpoint)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
    return builder.build();
  }
}
