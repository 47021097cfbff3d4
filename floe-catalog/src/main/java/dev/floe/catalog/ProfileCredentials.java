package dev.floe.catalog;

import dev.floe.catalog.aws.IamRoleSettings;
import dev.floe.catalog.aws.StaticS3Credentials;
import dev.floe.catalog.identity.AzureTokenExchange;
import dev.floe.catalog.identity.CatalogCredential;
import dev.floe.catalog.identity.GcpTokenExchange;
import dev.floe.catalog.identity.KubernetesBearer;
import dev.floe.catalog.identity.ServiceAccountSettings;
import dev.floe.catalog.identity.TokenExchange;
import dev.floe.catalog.oauth2.OAuth2Settings;
import dev.floe.catalog.oauth2.RefreshPolicy;
import dev.floe.catalog.oauth2.RetryPolicy;
import dev.floe.core.model.CatalogType;
import dev.floe.core.model.Credentials;
import dev.floe.core.model.IdentityProvider;
import dev.floe.core.model.SecretRef;
import dev.floe.core.model.StorageType;
import dev.floe.core.model.StringOrSecret;
import dev.floe.core.secret.MultiKeySecret;
import dev.floe.core.secret.Secret;
import dev.floe.core.secret.SecretKeys;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place where floe-core's credentials model becomes the settings of floe-catalog's
 * credential code: OAuth2 settings, static secrets, IAM role and service account settings. Every
 * secret is resolved here, at the moment a connection is made, and handed on as a {@link Secret} or
 * inside the AWS SDK's credentials objects; nothing here keeps one.
 */
final class ProfileCredentials {
  /** The keys of a static secret of a {@code jdbc} catalog: the database login. */
  static final SecretKeys JDBC_LOGIN =
      new SecretKeys("catalog jdbc", List.of(List.of("user", "password")), List.of());

  private ProfileCredentials() {}

  /**
   * The OAuth2 settings of an {@code oauth2} catalog: the client id (a string or a secret), the
   * client secret, scope and audience, and the token endpoint, by default {@code
   * <uri>/v1/oauth/tokens}.
   */
  static OAuth2Settings oauth2(
      Credentials.OAuth2 oauth2, Endpoint tokenEndpoint, CatalogContext context) {
    String field = context.catalogPath() + ".credentials";
    String clientId =
        oauth2.clientId() instanceof SecretRef ref
            ? context.secrets().resolve(ref, field + ".client_id").reveal()
            : ((StringOrSecret.Literal) oauth2.clientId()).value();
    Secret clientSecret =
        context.secrets().resolve(oauth2.clientSecret(), field + ".client_secret");
    OAuth2Settings.Builder builder =
        tuned(
            OAuth2Settings.builder(URI.create(tokenEndpoint.value()), clientId, clientSecret),
            context);
    oauth2.scope().filter(s -> !s.isBlank()).ifPresent(builder::scope);
    oauth2.audience().filter(s -> !s.isBlank()).ifPresent(builder::audience);
    return builder.build();
  }

  /** The token endpoint of an {@code oauth2} catalog: as written, or below the catalog URI. */
  static Endpoint tokenEndpoint(Credentials.OAuth2 oauth2, Endpoint catalogUri) {
    Optional<String> written = oauth2.tokenEndpoint().filter(s -> !s.isBlank());
    return written.isPresent() ? Endpoint.literal(written.get()) : defaultTokenEndpoint(catalogUri);
  }

  /** The Iceberg REST token endpoint below a catalog URI, {@code <uri>/v1/oauth/tokens}. */
  static Endpoint defaultTokenEndpoint(Endpoint catalogUri) {
    String base = catalogUri.value();
    String display = catalogUri.display();
    return new Endpoint(
        OAuth2Settings.icebergTokenEndpoint(URI.create(base)).toString(),
        stripSlashes(display) + "/" + OAuth2Settings.ICEBERG_TOKEN_PATH);
  }

  /**
   * OAuth2 settings for the {@code credential} ({@code id:secret}) of a static catalog secret,
   * exchanged at the catalog's own token endpoint as Iceberg's REST client would.
   */
  static OAuth2Settings clientCredential(
      CatalogCredential.ClientCredential credential, Endpoint tokenEndpoint, CatalogContext ctx) {
    return tuned(
            OAuth2Settings.builder(
                URI.create(tokenEndpoint.value()),
                credential.clientId().reveal(),
                credential.clientSecret()),
            ctx)
        .build();
  }

  /** Applies the context's timeouts and the profile's refresh switch. */
  private static OAuth2Settings.Builder tuned(OAuth2Settings.Builder builder, CatalogContext ctx) {
    Duration request = ctx.requestTimeout();
    Duration maxBackoff = RetryPolicy.DEFAULT.maxBackoff();
    // With the default 10 s request timeout this is RetryPolicy.DEFAULT (5 attempts in 30 s).
    RetryPolicy retry =
        new RetryPolicy(
            RetryPolicy.DEFAULT.maxAttempts(),
            request.multipliedBy(3),
            RetryPolicy.DEFAULT.initialBackoff(),
            request.compareTo(maxBackoff) < 0 ? request : maxBackoff);
    builder.connectTimeout(ctx.connectTimeout()).requestTimeout(request).retry(retry);
    if (!ctx.catalog().value().tokenRefreshEnabled()) {
      // Refresh only once a token is no longer handed out: callers then wait for the new one.
      builder.refresh(
          new RefreshPolicy(
              1.0,
              Duration.ZERO,
              RefreshPolicy.DEFAULT.expirySkew(),
              RefreshPolicy.DEFAULT.withoutExpiry()));
    }
    return builder;
  }

  /** The static secret of a catalog (a bearer token or a client id and secret), when named. */
  static Optional<CatalogCredential> catalogStatic(
      Credentials.Static credentials, CatalogType type, CatalogContext context) {
    if (credentials.secretRef().isEmpty()) {
      return Optional.empty();
    }
    String name = credentials.secretRef().get().name();
    MultiKeySecret secret =
        context
            .secrets()
            .resolve(
                name, context.catalogPath() + ".credentials.secret_ref", SecretKeys.catalog(type));
    return Optional.of(CatalogCredential.fromStaticSecret(name, values(secret)));
  }

  /** The database login of a {@code jdbc} catalog's static secret, when named. */
  static Optional<MultiKeySecret> jdbcLogin(Credentials credentials, CatalogContext context) {
    if (!(credentials instanceof Credentials.Static s) || s.secretRef().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        context
            .secrets()
            .resolve(
                s.secretRef().get().name(),
                context.catalogPath() + ".credentials.secret_ref",
                JDBC_LOGIN));
  }

  /** The static S3 keys of a storage profile's secret as an AWS credentials provider. */
  static software.amazon.awssdk.auth.credentials.AwsCredentialsProvider s3Static(
      String secretName, CatalogContext context) {
    MultiKeySecret secret =
        context
            .secrets()
            .resolve(
                secretName,
                context.storagePath() + ".credentials.secret_ref",
                SecretKeys.storage(StorageType.S3));
    return StaticS3Credentials.provider(secretName, values(secret));
  }

  /** The IAM role settings of an {@code iam_role} block, calling STS in {@code region}. */
  static IamRoleSettings iamRole(Credentials.IamRole role, String region) {
    IamRoleSettings settings = IamRoleSettings.of(role.roleArn()).withRegion(region);
    if (role.sessionName().isPresent()) {
      settings = settings.withSessionName(role.sessionName().get());
    }
    if (role.externalId().isPresent()) {
      settings = settings.withExternalId(role.externalId().get());
    }
    if (role.webIdentityTokenFile().isPresent()) {
      settings = settings.withWebIdentityTokenFile(Path.of(role.webIdentityTokenFile().get()));
    }
    if (role.duration().isPresent()) {
      settings = settings.withDuration(role.duration().get());
    }
    return settings;
  }

  /**
   * The workload identity settings of a {@code service_account} block: {@code gcp} exchanges the
   * token at Google's STS for {@code audience}, {@code azure} takes tenant and client from the
   * environment, {@code kubernetes} (the default) uses the token itself as the bearer.
   */
  static ServiceAccountSettings serviceAccount(
      Credentials.ServiceAccount account, Map<String, String> environment) {
    IdentityProvider provider = account.provider().orElse(IdentityProvider.KUBERNETES);
    TokenExchange exchange =
        switch (provider) {
          case GCP -> GcpTokenExchange.of(account.audience().orElse(""));
          case AZURE -> AzureTokenExchange.fromEnvironment(environment);
          case KUBERNETES -> KubernetesBearer.of();
        };
    Optional<String> file = account.tokenFile();
    if (file.isEmpty() && provider == IdentityProvider.AZURE) {
      file =
          Optional.ofNullable(environment.get(AzureTokenExchange.ENV_FEDERATED_TOKEN_FILE))
              .filter(s -> !s.isBlank());
    }
    ServiceAccountSettings settings = ServiceAccountSettings.of(exchange);
    return file.map(f -> settings.withTokenFile(Path.of(f))).orElse(settings);
  }

  private static Map<String, Secret> values(MultiKeySecret secret) {
    Map<String, Secret> values = new LinkedHashMap<>();
    for (String key : secret.keys()) {
      values.put(key, secret.require(key));
    }
    return values;
  }

  private static String stripSlashes(String text) {
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == '/') {
      end--;
    }
    return text.substring(0, end);
  }
}
