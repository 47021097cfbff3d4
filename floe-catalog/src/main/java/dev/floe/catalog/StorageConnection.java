package dev.floe.catalog;

import dev.floe.catalog.aws.IamRoleCredentials;
import dev.floe.catalog.storage.AddressingStyle;
import dev.floe.catalog.storage.LocalFileIO;
import dev.floe.catalog.storage.LocalPaths;
import dev.floe.catalog.storage.S3StorageSettings;
import dev.floe.catalog.storage.StorageFileIO;
import dev.floe.core.model.Credentials;
import dev.floe.core.model.StorageProfile;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.io.FileIO;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * What a storage profile becomes: the warehouse root, the FileIO properties that describe the
 * connection (never a credential) and, on {@link #open}, the FileIO itself with the credentials of
 * the profile's mode.
 *
 * @param profile the storage profile
 * @param location the warehouse root: {@code file:/abs/path} or {@code s3://bucket}
 * @param s3 the S3 settings of an {@code s3} profile
 * @param endpoint the endpoint as messages show it: the S3 endpoint (or {@code s3://bucket} on
 *     AWS), or the local folder
 * @param ioProperties the FileIO properties: empty for local storage
 */
record StorageConnection(
    StorageProfile profile,
    String location,
    Optional<S3StorageSettings> s3,
    Endpoint endpoint,
    Map<String, String> ioProperties) {

  /** The folder of a local profile without {@code path}, relative to the project folder. */
  static final String DEFAULT_LOCAL_PATH = ".floe/warehouse";

  StorageConnection {
    ioProperties = Map.copyOf(ioProperties);
  }

  /**
   * The connection of the context's storage profile; resolves a secret endpoint, no credential.
   *
   * @throws dev.floe.core.diag.ProblemException for gcs and azure, which have no FileIO here yet
   */
  static StorageConnection of(CatalogContext context) {
    StorageProfile profile = context.storage().value();
    return switch (profile.type()) {
      case LOCAL -> {
        String path = profile.path().filter(p -> !p.isBlank()).orElse(DEFAULT_LOCAL_PATH);
        String location = LocalPaths.location(context.projectDir(), path);
        yield new StorageConnection(
            profile, location, Optional.empty(), Endpoint.literal(location), Map.of());
      }
      case S3 -> {
        String bucket =
            profile
                .bucket()
                .orElseThrow(
                    () ->
                        CatalogProblems.unsupported(
                            CatalogCode.K119,
                            context.storagePath(),
                            "storage profile '"
                                + context.storagePath()
                                + "' of type s3 names no bucket",
                            "add bucket: <name> to the profile"));
        String region = profile.region().orElse(S3StorageSettings.DEFAULT_REGION);
        Optional<Endpoint> endpoint =
            profile
                .endpoint()
                .map(e -> Endpoint.of(e, context.secrets(), context.storagePath() + ".endpoint"))
                .filter(e -> !e.value().isBlank());
        S3StorageSettings settings =
            new S3StorageSettings(
                bucket,
                region,
                endpoint.map(e -> URI.create(e.value())),
                profile.pathStyleAccess() ? AddressingStyle.PATH : AddressingStyle.VIRTUAL_HOST);
        Endpoint shown = endpoint.orElse(Endpoint.literal(settings.warehouseLocation()));
        yield new StorageConnection(
            profile,
            settings.warehouseLocation(),
            Optional.of(settings),
            shown,
            StorageFileIO.s3Properties(settings));
      }
      case GCS, AZURE ->
          throw CatalogProblems.unsupported(
              CatalogCode.K126,
              context.storagePath(),
              "storage profile '"
                  + context.storagePath()
                  + "' is of type "
                  + profile.type().wire()
                  + ", which has no FileIO in this version of floe yet",
              "use an s3 or local storage profile (S3-compatible gateways work with type s3 and an"
                  + " endpoint)");
    };
  }

  /** The bucket and endpoint as messages show them: {@code s3://bucket at <endpoint>}. */
  String described() {
    return s3.map(
            s ->
                s.warehouseLocation()
                    + (s.endpoint().isPresent() ? " at " + endpoint.display() : ""))
        .orElse(location);
  }

  /**
   * Opens the FileIO with the credentials of the profile's mode; what must be closed with it goes
   * to {@code resources}.
   */
  FileIO open(CatalogContext context, Resources resources) {
    if (s3.isEmpty()) {
      return resources.add(new LocalFileIO());
    }
    AwsCredentialsProvider credentials = credentials(context, resources);
    return resources.add(StorageFileIO.s3(s3.get(), credentials));
  }

  /** The credentials of an {@code s3} profile's mode. */
  AwsCredentialsProvider credentials(CatalogContext context, Resources resources) {
    Credentials credentials = profile.credentials();
    if (credentials instanceof Credentials.Static s) {
      if (s.secretRef().isPresent()) {
        return ProfileCredentials.s3Static(s.secretRef().get().name(), context);
      }
      // No secret named: the AWS SDK's own chain (environment, profile files, instance role).
      DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
      resources.add(chain);
      return chain;
    }
    if (credentials instanceof Credentials.IamRole role) {
      IamRoleCredentials provider =
          IamRoleCredentials.create(
              ProfileCredentials.iamRole(role, s3.orElseThrow().region()), context.clock());
      resources.add(provider);
      return provider;
    }
    throw CatalogProblems.unsupported(
        CatalogCode.K133,
        context.storagePath() + ".credentials",
        "storage profile '"
            + context.storagePath()
            + "' uses credentials mode "
            + credentials.mode().wire()
            + ", which s3 storage does not support",
        "use mode static (a secret with access_key_id and secret_access_key) or iam_role (with"
            + " web_identity_token_file for workload identity on EKS)");
  }
}
