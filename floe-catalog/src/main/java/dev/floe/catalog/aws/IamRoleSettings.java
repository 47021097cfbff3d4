package dev.floe.catalog.aws;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to assume an IAM role: the {@code iam_role} credentials mode of a profile.
 *
 * <p>With {@link #webIdentityTokenFile()} set, the role is assumed with {@code
 * AssumeRoleWithWebIdentity} and the token file is read at every refresh (so a rotated projected
 * token is picked up); otherwise with {@code AssumeRole}, signed by the source credentials. Start
 * from {@link #of(String)} or {@link #forPipeline(String, String)} and adjust with the {@code
 * with…} methods.
 *
 * <p>Immutable and thread-safe; every component is validated here, so a settings value is always
 * usable.
 *
 * @param roleArn the role to assume, {@code arn:<partition>:iam::<12 digits>:role/<name>}, in any
 *     partition ({@code aws}, {@code aws-cn}, {@code aws-us-gov}, {@code aws-iso-b})
 * @param externalId the external id the role's trust policy requires, when it requires one
 * @param sessionName the role session name, 2–64 characters of {@code [\w+=,.@-]}; it appears in
 *     CloudTrail and in the assumed role's ARN
 * @param webIdentityTokenFile the web identity (OIDC) token file, for {@code
 *     AssumeRoleWithWebIdentity}
 * @param duration how long each session lasts, between 15 minutes and 12 hours, whole seconds
 * @param region the STS region, which also selects the partition's endpoint ({@code us-gov-west-1},
 *     {@code cn-north-1})
 * @param stsEndpoint an STS endpoint to use instead of the region's (VPC endpoint, FIPS, tests)
 */
public record IamRoleSettings(
    String roleArn,
    Optional<String> externalId,
    String sessionName,
    Optional<Path> webIdentityTokenFile,
    Duration duration,
    String region,
    Optional<URI> stsEndpoint) {

  /** The session name when neither the profile nor a pipeline gives one. */
  public static final String DEFAULT_SESSION_NAME = "floe";

  /** The session duration when the profile gives none: one hour, the AWS default. */
  public static final Duration DEFAULT_DURATION = Duration.ofHours(1);

  /** The shortest session STS grants. */
  public static final Duration MIN_DURATION = Duration.ofMinutes(15);

  /** The longest session STS grants (and only when the role's maximum allows it). */
  public static final Duration MAX_DURATION = Duration.ofHours(12);

  /** The region when the profile gives none, as for storage profiles. */
  public static final String DEFAULT_REGION = "us-east-1";

  private static final Pattern ROLE_ARN =
      Pattern.compile("^arn:aws(-[a-z]+)*:iam::\\d{12}:role/[\\w+=,.@/-]+$");
  private static final Pattern SESSION_NAME = Pattern.compile("^[\\w+=,.@-]{2,64}$");
  private static final Pattern EXTERNAL_ID = Pattern.compile("^[\\w+=,.@:/-]{2,1224}$");
  private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-[a-z0-9]+)+$");
  private static final int MAX_SESSION_NAME = 64;

  /** Validates every component; see the component descriptions for the rules. */
  public IamRoleSettings {
    requireNonNull(roleArn, "roleArn");
    requireNonNull(externalId, "externalId");
    requireNonNull(sessionName, "sessionName");
    requireNonNull(webIdentityTokenFile, "webIdentityTokenFile");
    requireNonNull(duration, "duration");
    requireNonNull(region, "region");
    requireNonNull(stsEndpoint, "stsEndpoint");
    if (!ROLE_ARN.matcher(roleArn).matches()) {
      throw new IllegalArgumentException(
          "role_arn '"
              + roleArn
              + "' is not an IAM role ARN (arn:aws:iam::123456789012:role/name)");
    }
    externalId.ifPresent(
        id -> {
          if (!EXTERNAL_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                "external_id must be 2-1224 characters of letters, digits and +=,.@:/-");
          }
        });
    if (!SESSION_NAME.matcher(sessionName).matches()) {
      throw new IllegalArgumentException(
          "session_name '"
              + sessionName
              + "' must be 2-64 characters of letters, digits and +=,.@_-");
    }
    if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException(
          "duration " + duration + " must be between 15 minutes and 12 hours");
    }
    if (duration.toNanosPart() != 0) {
      throw new IllegalArgumentException("duration " + duration + " must be whole seconds");
    }
    if (!REGION.matcher(region).matches()) {
      throw new IllegalArgumentException(
          "region '" + region + "' is not an AWS region name (us-east-1, us-gov-west-1)");
    }
    stsEndpoint.ifPresent(IamRoleSettings::checkEndpoint);
    if (externalId.isPresent() && webIdentityTokenFile.isPresent()) {
      throw new IllegalArgumentException(
          "external_id is not used with web_identity_token_file:"
              + " AssumeRoleWithWebIdentity takes no external id");
    }
  }

  /**
   * Settings for {@code roleArn} with every default: no external id, session name {@value
   * #DEFAULT_SESSION_NAME}, {@code AssumeRole}, one hour, region {@value #DEFAULT_REGION}, the
   * region's STS endpoint.
   *
   * @param roleArn the role to assume; not null
   * @throws IllegalArgumentException when {@code roleArn} is not an IAM role ARN
   */
  public static IamRoleSettings of(String roleArn) {
    return new IamRoleSettings(
        roleArn,
        Optional.empty(),
        DEFAULT_SESSION_NAME,
        Optional.empty(),
        DEFAULT_DURATION,
        DEFAULT_REGION,
        Optional.empty());
  }

  /**
   * Settings for {@code roleArn} as {@link #of(String)}, with the session name {@link
   * #sessionNameFor(String) floe-&lt;pipeline&gt;}.
   *
   * @param roleArn the role to assume; not null
   * @param pipeline the pipeline name; not null
   */
  public static IamRoleSettings forPipeline(String roleArn, String pipeline) {
    return of(roleArn).withSessionName(sessionNameFor(pipeline));
  }

  /**
   * The default session name for a pipeline: {@code floe-<pipeline>}, with characters STS does not
   * accept replaced by {@code -} and cut to 64 characters; {@value #DEFAULT_SESSION_NAME} for a
   * blank pipeline name.
   *
   * @param pipeline the pipeline name; not null
   */
  public static String sessionNameFor(String pipeline) {
    requireNonNull(pipeline, "pipeline");
    if (pipeline.isBlank()) {
      return DEFAULT_SESSION_NAME;
    }
    String name = DEFAULT_SESSION_NAME + "-" + pipeline.replaceAll("[^\\w+=,.@-]", "-");
    return name.length() <= MAX_SESSION_NAME ? name : name.substring(0, MAX_SESSION_NAME);
  }

  /** These settings with {@code externalId} sent as {@code ExternalId}; not null. */
  public IamRoleSettings withExternalId(String externalId) {
    return new IamRoleSettings(
        roleArn,
        Optional.of(externalId),
        sessionName,
        webIdentityTokenFile,
        duration,
        region,
        stsEndpoint);
  }

  /** These settings with {@code sessionName} sent as {@code RoleSessionName}; not null. */
  public IamRoleSettings withSessionName(String sessionName) {
    return new IamRoleSettings(
        roleArn, externalId, sessionName, webIdentityTokenFile, duration, region, stsEndpoint);
  }

  /**
   * These settings assuming the role with the web identity token in {@code tokenFile} ({@code
   * AssumeRoleWithWebIdentity}); not null.
   */
  public IamRoleSettings withWebIdentityTokenFile(Path tokenFile) {
    return new IamRoleSettings(
        roleArn, externalId, sessionName, Optional.of(tokenFile), duration, region, stsEndpoint);
  }

  /** These settings with sessions lasting {@code duration}; not null. */
  public IamRoleSettings withDuration(Duration duration) {
    return new IamRoleSettings(
        roleArn, externalId, sessionName, webIdentityTokenFile, duration, region, stsEndpoint);
  }

  /** These settings calling STS in {@code region}; not null. */
  public IamRoleSettings withRegion(String region) {
    return new IamRoleSettings(
        roleArn, externalId, sessionName, webIdentityTokenFile, duration, region, stsEndpoint);
  }

  /** These settings calling STS at {@code endpoint} instead of the region's endpoint; not null. */
  public IamRoleSettings withStsEndpoint(URI endpoint) {
    return new IamRoleSettings(
        roleArn,
        externalId,
        sessionName,
        webIdentityTokenFile,
        duration,
        region,
        Optional.of(endpoint));
  }

  private static void checkEndpoint(URI endpoint) {
    // Checked first so that no message below can echo a URL that holds a user name or password.
    if (endpoint.getRawUserInfo() != null) {
      throw new IllegalArgumentException("STS endpoint must not contain user info");
    }
    String scheme =
        endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
    if ((!scheme.equals("https") && !scheme.equals("http")) || endpoint.getHost() == null) {
      throw new IllegalArgumentException(
          "STS endpoint '" + endpoint + "' must be an http or https URL with a host");
    }
  }
}
