package dev.floe.catalog.aws;

import static java.util.Objects.requireNonNull;

import dev.floe.catalog.failure.ConnectionFailureException;
import dev.floe.catalog.failure.FailureKind;
import dev.floe.catalog.failure.TokenFiles;
import dev.floe.core.secret.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * AWS credentials of an assumed IAM role, refreshed before they expire: the {@code iam_role}
 * credentials mode. Hand it to an S3 client, Iceberg's {@code S3FileIO} or a signing catalog client
 * as their {@link AwsCredentialsProvider}.
 *
 * <p>With {@link IamRoleSettings#webIdentityTokenFile()} set, each refresh reads the token file
 * again and calls {@code AssumeRoleWithWebIdentity} (unsigned); otherwise {@code AssumeRole},
 * signed with the source credentials (by default the AWS SDK's default chain: environment, profile
 * files, container and instance credentials). Credentials are refreshed from five minutes before
 * they expire by one caller while the others keep using the current ones; from one minute before
 * expiry every caller waits for the refresh. A failed refresh is reported as a {@link
 * ConnectionFailureException} naming the role ARN, the endpoint and the STS error code, never a
 * credential; the next call tries again.
 *
 * <p>Thread-safe. {@link #close()} releases the STS client (and the default source chain when this
 * provider created it); the credentials it handed out stay valid until they expire.
 */
public final class IamRoleCredentials implements AwsCredentialsProvider, SdkAutoCloseable {
  /** How long before expiry one caller starts refreshing. */
  static final Duration PREFETCH = Duration.ofMinutes(5);

  /** How long before expiry the held credentials are no longer handed out. */
  static final Duration STALE = Duration.ofMinutes(1);

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(90);

  private final IamRoleSettings settings;
  private final StsClient sts;
  private final Optional<SdkAutoCloseable> ownedSource;
  private final SessionCredentialsCache cache;

  private IamRoleCredentials(
      IamRoleSettings settings,
      AwsCredentialsProvider source,
      Optional<SdkAutoCloseable> ownedSource,
      Clock clock) {
    this.settings = settings;
    this.ownedSource = ownedSource;
    this.sts = stsClient(settings, source);
    this.cache = new SessionCredentialsCache(this::assume, clock, PREFETCH, STALE);
  }

  /**
   * A provider for {@code settings} on the system clock; {@code AssumeRole} is signed with the AWS
   * SDK's default credentials chain.
   *
   * @param settings the role to assume; not null
   */
  public static IamRoleCredentials create(IamRoleSettings settings) {
    return create(settings, Clock.systemUTC());
  }

  /**
   * A provider for {@code settings} on {@code clock}; {@code AssumeRole} is signed with the AWS
   * SDK's default credentials chain, which is only created when the role is not assumed with a web
   * identity token.
   *
   * @param settings the role to assume; not null
   * @param clock decides when credentials are refreshed; not null
   */
  public static IamRoleCredentials create(IamRoleSettings settings, Clock clock) {
    requireNonNull(settings, "settings");
    requireNonNull(clock, "clock");
    if (settings.webIdentityTokenFile().isPresent()) {
      return new IamRoleCredentials(
          settings, AnonymousCredentialsProvider.create(), Optional.empty(), clock);
    }
    DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
    return new IamRoleCredentials(settings, chain, Optional.of(chain), clock);
  }

  /**
   * A provider for {@code settings} on {@code clock}, signing {@code AssumeRole} with {@code
   * sourceCredentials} (not used for {@code AssumeRoleWithWebIdentity}, which is unsigned). The
   * caller keeps ownership of {@code sourceCredentials}.
   *
   * @param settings the role to assume; not null
   * @param sourceCredentials the identity that assumes the role; not null
   * @param clock decides when credentials are refreshed; not null
   */
  public static IamRoleCredentials create(
      IamRoleSettings settings, AwsCredentialsProvider sourceCredentials, Clock clock) {
    requireNonNull(settings, "settings");
    requireNonNull(sourceCredentials, "sourceCredentials");
    requireNonNull(clock, "clock");
    AwsCredentialsProvider source =
        settings.webIdentityTokenFile().isPresent()
            ? AnonymousCredentialsProvider.create()
            : sourceCredentials;
    return new IamRoleCredentials(settings, source, Optional.empty(), clock);
  }

  /** The settings this provider assumes the role with. */
  public IamRoleSettings settings() {
    return settings;
  }

  /**
   * Session credentials of the role, valid for at least one more minute.
   *
   * @throws ConnectionFailureException when STS cannot be reached, refuses the request or the web
   *     identity token file cannot be read; the message names the role and never a credential
   */
  @Override
  public AwsSessionCredentials resolveCredentials() {
    return cache.get();
  }

  /** Releases the STS client; idempotent. */
  @Override
  public void close() {
    sts.close();
    ownedSource.ifPresent(SdkAutoCloseable::close);
  }

  /** Names the role and session only. */
  @Override
  public String toString() {
    return "IamRoleCredentials[role="
        + settings.roleArn()
        + ", session="
        + settings.sessionName()
        + ", endpoint="
        + endpoint()
        + "]";
  }

  private AwsSessionCredentials assume() {
    Optional<Path> tokenFile = settings.webIdentityTokenFile();
    Optional<Secret> token = tokenFile.map(f -> TokenFiles.read(f, "web identity token"));
    try {
      Credentials credentials =
          token.isPresent() ? assumeWithWebIdentity(token.get()) : assumeWithSource();
      if (credentials == null || credentials.expiration() == null) {
        throw new ConnectionFailureException(
            FailureKind.PROTOCOL,
            endpoint(),
            failurePrefix() + ": STS answered without credentials or without their expiration",
            null);
      }
      return AwsSessionCredentials.builder()
          .accessKeyId(credentials.accessKeyId())
          .secretAccessKey(credentials.secretAccessKey())
          .sessionToken(credentials.sessionToken())
          .expirationTime(credentials.expiration())
          .providerName("IamRoleCredentials")
          .build();
    } catch (StsException e) {
      throw stsFailure(e, token);
    } catch (SdkClientException e) {
      throw clientFailure(e, token);
    } finally {
      token.ifPresent(Secret::destroy);
    }
  }

  private Credentials assumeWithSource() {
    AssumeRoleRequest.Builder request =
        AssumeRoleRequest.builder()
            .roleArn(settings.roleArn())
            .roleSessionName(settings.sessionName())
            .durationSeconds(durationSeconds());
    settings.externalId().ifPresent(request::externalId);
    return sts.assumeRole(request.build()).credentials();
  }

  private Credentials assumeWithWebIdentity(Secret token) {
    return token.use(
        value ->
            sts.assumeRoleWithWebIdentity(
                    AssumeRoleWithWebIdentityRequest.builder()
                        .roleArn(settings.roleArn())
                        .roleSessionName(settings.sessionName())
                        .durationSeconds(durationSeconds())
                        .webIdentityToken(value)
                        .build())
                .credentials());
  }

  private int durationSeconds() {
    return Math.toIntExact(settings.duration().toSeconds());
  }

  private ConnectionFailureException stsFailure(StsException e, Optional<Secret> token) {
    AwsErrorDetails details = e.awsErrorDetails();
    String code =
        details != null && details.errorCode() != null ? details.errorCode() : "no error code";
    String text = details != null && details.errorMessage() != null ? details.errorMessage() : "";
    int status = e.statusCode();
    FailureKind kind;
    if (status == 400 || status == 401 || status == 403) {
      kind = FailureKind.AUTHENTICATION;
    } else if (status == 404) {
      kind = FailureKind.NOT_FOUND;
    } else {
      kind = FailureKind.PROTOCOL;
    }
    String message =
        failurePrefix()
            + ": STS answered "
            + code
            + " (HTTP "
            + status
            + ")"
            + (text.isBlank() ? "" : ": " + redact(text, token));
    return new ConnectionFailureException(kind, endpoint(), message, null);
  }

  private ConnectionFailureException clientFailure(SdkClientException e, Optional<Secret> token) {
    FailureKind kind =
        e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
            ? FailureKind.TIMEOUT
            : FailureKind.of(e).orElse(FailureKind.PROTOCOL);
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new ConnectionFailureException(
        kind,
        endpoint(),
        failurePrefix() + ": " + describe(kind) + " (" + redact(detail, token) + ")",
        e);
  }

  private String failurePrefix() {
    return "cannot assume role "
        + settings.roleArn()
        + (settings.webIdentityTokenFile().isPresent() ? " with a web identity token" : "")
        + " at "
        + endpoint();
  }

  private static String describe(FailureKind kind) {
    return switch (kind) {
      case REFUSED -> "connection refused";
      case TIMEOUT -> "no answer in time";
      case TLS -> "TLS handshake failed";
      case NOT_FOUND -> "host not found";
      case AUTHENTICATION -> "not allowed";
      case PROTOCOL -> "unexpected answer";
    };
  }

  private static String redact(String text, Optional<Secret> token) {
    return token.map(t -> t.redact(text)).orElse(text);
  }

  private String endpoint() {
    return settings
        .stsEndpoint()
        .map(URI::toString)
        .orElseGet(
            () ->
                "https://sts."
                    + settings.region()
                    + ".amazonaws.com"
                    + (settings.region().startsWith("cn-") ? ".cn" : ""));
  }

  private static StsClient stsClient(IamRoleSettings settings, AwsCredentialsProvider source) {
    StsClientBuilder builder =
        StsClient.builder()
            .region(Region.of(settings.region()))
            .credentialsProvider(source)
            .httpClientBuilder(
                Apache5HttpClient.builder()
                    .connectionTimeout(CONNECT_TIMEOUT)
                    .socketTimeout(SOCKET_TIMEOUT))
            .overrideConfiguration(
                c -> c.apiCallAttemptTimeout(ATTEMPT_TIMEOUT).apiCallTimeout(CALL_TIMEOUT));
    settings.stsEndpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }
}
