package dev.floe.catalog.identity;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * GCP workload identity federation: the service account token is exchanged at Google's Security
 * Token Service (RFC 8693 token exchange) for a federated access token. Grant the federated
 * principal access to the bucket or catalog directly (no service account impersonation is done).
 *
 * <p>Immutable and thread-safe.
 *
 * @param audience the workload identity provider, {@code
 *     //iam.googleapis.com/projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>}
 * @param scope the OAuth scope requested, by default {@value #DEFAULT_SCOPE}
 * @param tokenEndpoint the STS token endpoint, by default {@value #DEFAULT_TOKEN_ENDPOINT}
 */
public record GcpTokenExchange(String audience, String scope, URI tokenEndpoint)
    implements TokenExchange {
  /** Google's STS token endpoint. */
  public static final String DEFAULT_TOKEN_ENDPOINT = "https://sts.googleapis.com/v1/token";

  /** The scope of all Google Cloud APIs. */
  public static final String DEFAULT_SCOPE = "https://www.googleapis.com/auth/cloud-platform";

  /** Checks the components: audience and scope not blank, the endpoint an http(s) URL. */
  public GcpTokenExchange {
    requireNonNull(audience, "audience");
    requireNonNull(scope, "scope");
    requireNonNull(tokenEndpoint, "tokenEndpoint");
    if (audience.isBlank()) {
      throw new IllegalArgumentException(
          "audience is required for provider gcp: the workload identity provider"
              + " (//iam.googleapis.com/projects/…/providers/…)");
    }
    if (scope.isBlank()) {
      throw new IllegalArgumentException("scope must not be blank");
    }
    Endpoints.check("GCP token endpoint", tokenEndpoint);
  }

  /**
   * The exchange for {@code audience} with the default scope and endpoint.
   *
   * @param audience the workload identity provider; not null
   */
  public static GcpTokenExchange of(String audience) {
    return new GcpTokenExchange(audience, DEFAULT_SCOPE, URI.create(DEFAULT_TOKEN_ENDPOINT));
  }

  /** This exchange requesting {@code scope}; not null. */
  public GcpTokenExchange withScope(String scope) {
    return new GcpTokenExchange(audience, scope, tokenEndpoint);
  }

  /** This exchange posting to {@code tokenEndpoint}; not null. */
  public GcpTokenExchange withTokenEndpoint(URI tokenEndpoint) {
    return new GcpTokenExchange(audience, scope, tokenEndpoint);
  }

  /** {@code gcp}. */
  @Override
  public String provider() {
    return "gcp";
  }
}
