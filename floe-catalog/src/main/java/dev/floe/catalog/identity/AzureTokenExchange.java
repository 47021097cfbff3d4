package dev.floe.catalog.identity;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Azure workload identity: the service account token is sent to Microsoft Entra ID as a federated
 * client assertion (client-credentials grant) of the application {@code clientId} in {@code
 * tenantId}, for an access token of {@code scope}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tenantId the Entra tenant (a GUID or a domain)
 * @param clientId the application (client) id whose federated credential trusts the token
 * @param scope the scope requested, by default {@value #DEFAULT_SCOPE}
 * @param authorityHost the Entra host, by default {@value #DEFAULT_AUTHORITY_HOST}; the token
 *     endpoint is {@code <authorityHost>/<tenantId>/oauth2/v2.0/token}
 */
public record AzureTokenExchange(String tenantId, String clientId, String scope, URI authorityHost)
    implements TokenExchange {
  /** Microsoft Entra ID in the public cloud. */
  public static final String DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com/";

  /** Azure Storage. */
  public static final String DEFAULT_SCOPE = "https://storage.azure.com/.default";

  /** The variable the Azure workload identity webhook sets to the tenant id. */
  public static final String ENV_TENANT_ID = "AZURE_TENANT_ID";

  /** The variable the Azure workload identity webhook sets to the client id. */
  public static final String ENV_CLIENT_ID = "AZURE_CLIENT_ID";

  /** The variable the Azure workload identity webhook sets to the authority host. */
  public static final String ENV_AUTHORITY_HOST = "AZURE_AUTHORITY_HOST";

  /** The variable the Azure workload identity webhook sets to the projected token file. */
  public static final String ENV_FEDERATED_TOKEN_FILE = "AZURE_FEDERATED_TOKEN_FILE";

  private static final Pattern TENANT = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9.-]{0,255}$");
  private static final Pattern CLIENT = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9-]{0,127}$");

  /** Checks the components: tenant and client ids well formed, scope not blank, an http(s) host. */
  public AzureTokenExchange {
    requireNonNull(tenantId, "tenantId");
    requireNonNull(clientId, "clientId");
    requireNonNull(scope, "scope");
    requireNonNull(authorityHost, "authorityHost");
    if (!TENANT.matcher(tenantId).matches()) {
      throw new IllegalArgumentException(
          "tenant id '" + tenantId + "' must be a GUID or a domain name");
    }
    if (!CLIENT.matcher(clientId).matches()) {
      throw new IllegalArgumentException("client id '" + clientId + "' must be a GUID");
    }
    if (scope.isBlank()) {
      throw new IllegalArgumentException("scope must not be blank");
    }
    Endpoints.check("Azure authority host", authorityHost);
  }

  /**
   * The exchange for application {@code clientId} in {@code tenantId}, default scope and host.
   *
   * @param tenantId the tenant; not null
   * @param clientId the application (client) id; not null
   */
  public static AzureTokenExchange of(String tenantId, String clientId) {
    return new AzureTokenExchange(
        tenantId, clientId, DEFAULT_SCOPE, URI.create(DEFAULT_AUTHORITY_HOST));
  }

  /**
   * The exchange the Azure workload identity webhook describes in the pod's environment: {@value
   * #ENV_TENANT_ID}, {@value #ENV_CLIENT_ID} and optionally {@value #ENV_AUTHORITY_HOST}; default
   * scope.
   *
   * @param environment the environment variables, usually {@code System.getenv()}; not null
   * @throws IllegalArgumentException naming every required variable that is unset or empty
   */
  public static AzureTokenExchange fromEnvironment(Map<String, String> environment) {
    requireNonNull(environment, "environment");
    List<String> missing = new ArrayList<>();
    for (String name : List.of(ENV_TENANT_ID, ENV_CLIENT_ID)) {
      String value = environment.get(name);
      if (value == null || value.isBlank()) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "provider azure needs the tenant and client id: set "
              + String.join(" and ", missing)
              + " (the Azure workload identity webhook sets them for a labelled pod)");
    }
    String host = environment.get(ENV_AUTHORITY_HOST);
    return new AzureTokenExchange(
        environment.get(ENV_TENANT_ID).strip(),
        environment.get(ENV_CLIENT_ID).strip(),
        DEFAULT_SCOPE,
        URI.create(host == null || host.isBlank() ? DEFAULT_AUTHORITY_HOST : host.strip()));
  }

  /** This exchange requesting {@code scope}; not null. */
  public AzureTokenExchange withScope(String scope) {
    return new AzureTokenExchange(tenantId, clientId, scope, authorityHost);
  }

  /** This exchange using the Entra host {@code authorityHost}; not null. */
  public AzureTokenExchange withAuthorityHost(URI authorityHost) {
    return new AzureTokenExchange(tenantId, clientId, scope, authorityHost);
  }

  /** The token endpoint, {@code <authorityHost>/<tenantId>/oauth2/v2.0/token}. */
  public URI tokenEndpoint() {
    String host = authorityHost.toString();
    return URI.create((host.endsWith("/") ? host : host + "/") + tenantId + "/oauth2/v2.0/token");
  }

  /** {@code azure}. */
  @Override
  public String provider() {
    return "azure";
  }
}
