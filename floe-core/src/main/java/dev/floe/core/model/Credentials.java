package dev.floe.core.model;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code credentials} block of a profile: how the runtime obtains credentials. Holds secret
 * references only, never secret values.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public sealed interface Credentials
    permits Credentials.Static,
        Credentials.OAuth2,
        Credentials.IamRole,
        Credentials.ServiceAccount {

  /** The mode this block selects. */
  CredentialMode mode();

  /** No credentials at all: static mode without a secret (embedded, local services). */
  Credentials NONE = new Static(Optional.empty());

  /**
   * Values read from one multi-key secret; without a secret, none are needed.
   *
   * @param secretRef the multi-key secret whose keys the profile kind needs
   */
  record Static(Optional<SecretRef> secretRef) implements Credentials {
    public Static {
      requireNonNull(secretRef, "secretRef");
    }

    @Override
    public CredentialMode mode() {
      return CredentialMode.STATIC;
    }
  }

  /** OAuth2 client-credentials grant. */
  record OAuth2(
      StringOrSecret clientId,
      SecretRef clientSecret,
      Optional<String> scope,
      Optional<String> tokenEndpoint,
      Optional<String> audience)
      implements Credentials {
    public OAuth2 {
      requireNonNull(clientId, "clientId");
      requireNonNull(clientSecret, "clientSecret");
      requireNonNull(scope, "scope");
      requireNonNull(tokenEndpoint, "tokenEndpoint");
      requireNonNull(audience, "audience");
    }

    @Override
    public CredentialMode mode() {
      return CredentialMode.OAUTH2;
    }
  }

  /**
   * AWS STS AssumeRole or AssumeRoleWithWebIdentity.
   *
   * @param roleArn the role to assume
   * @param externalId the external id the role's trust policy requires
   * @param sessionName the role session name
   * @param webIdentityTokenFile a projected token file, for AssumeRoleWithWebIdentity
   * @param duration how long the assumed credentials last, whole seconds from {@link #MIN_DURATION}
   *     to {@link #MAX_DURATION}; in files written {@code 1h}, {@code 45m} or {@code 3600s}
   */
  record IamRole(
      String roleArn,
      Optional<String> externalId,
      Optional<String> sessionName,
      Optional<String> webIdentityTokenFile,
      Optional<Duration> duration)
      implements Credentials {
    /** The shortest session AWS grants: 15 minutes. */
    public static final Duration MIN_DURATION = Duration.ofMinutes(15);

    /** The longest session AWS grants: 12 hours. */
    public static final Duration MAX_DURATION = Duration.ofHours(12);

    public IamRole {
      requireNonNull(roleArn, "roleArn");
      requireNonNull(externalId, "externalId");
      requireNonNull(sessionName, "sessionName");
      requireNonNull(webIdentityTokenFile, "webIdentityTokenFile");
      requireNonNull(duration, "duration");
      duration.ifPresent(
          d -> {
            if (d.toNanosPart() != 0
                || d.compareTo(MIN_DURATION) < 0
                || d.compareTo(MAX_DURATION) > 0) {
              throw new IllegalArgumentException(
                  "an assumed-role duration is whole seconds from 15m to 12h: " + d);
            }
          });
    }

    @Override
    public CredentialMode mode() {
      return CredentialMode.IAM_ROLE;
    }
  }

  /** Workload identity: a projected token file exchanged for a cloud token. */
  record ServiceAccount(
      Optional<String> audience, Optional<String> tokenFile, Optional<IdentityProvider> provider)
      implements Credentials {
    public ServiceAccount {
      requireNonNull(audience, "audience");
      requireNonNull(tokenFile, "tokenFile");
      requireNonNull(provider, "provider");
    }

    @Override
    public CredentialMode mode() {
      return CredentialMode.SERVICE_ACCOUNT;
    }
  }
}
