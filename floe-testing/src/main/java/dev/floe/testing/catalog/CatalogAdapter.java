package dev.floe.testing.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.rest.HTTPHeaders;
import org.apache.iceberg.rest.HTTPRequest;
import org.apache.iceberg.rest.ParserContext;
import org.apache.iceberg.rest.RESTCatalogAdapter;
import org.apache.iceberg.rest.RESTResponse;
import org.apache.iceberg.rest.credentials.ImmutableCredential;
import org.apache.iceberg.rest.responses.ConfigResponse;
import org.apache.iceberg.rest.responses.ErrorResponse;
import org.apache.iceberg.rest.responses.LoadTableResponse;

/**
 * Iceberg's REST catalog test adapter with this server's additions: configured defaults and
 * overrides in {@code /v1/config}, and storage credentials in table loads for clients that ask for
 * vended credentials.
 */
final class CatalogAdapter extends RESTCatalogAdapter {

  static final String ACCESS_DELEGATION = "X-Iceberg-Access-Delegation";

  private final Map<String, String> configDefaults;
  private final Map<String, String> configOverrides;
  private final Map<String, String> vendedCredentials;
  private final String credentialPrefix;

  CatalogAdapter(
      Catalog catalog,
      Map<String, String> configDefaults,
      Map<String, String> configOverrides,
      Map<String, String> vendedCredentials,
      String credentialPrefix) {
    super(catalog);
    this.configDefaults = Map.copyOf(configDefaults);
    this.configOverrides = Map.copyOf(configOverrides);
    this.vendedCredentials = Map.copyOf(vendedCredentials);
    this.credentialPrefix = credentialPrefix;
  }

  @Override
  protected <T extends RESTResponse> T execute(
      HTTPRequest request,
      Class<T> responseType,
      Consumer<ErrorResponse> errorHandler,
      Consumer<Map<String, String>> responseHeaders,
      ParserContext parserContext) {
    T response = super.execute(request, responseType, errorHandler, responseHeaders, parserContext);
    if (response instanceof ConfigResponse config) {
      return responseType.cast(withConfiguredProperties(config));
    }
    if (response instanceof LoadTableResponse table
        && !vendedCredentials.isEmpty()
        && asksForVendedCredentials(request.headers())) {
      return responseType.cast(withCredentials(table));
    }
    return response;
  }

  private ConfigResponse withConfiguredProperties(ConfigResponse config) {
    Map<String, String> defaults = new HashMap<>(config.defaults());
    defaults.putAll(configDefaults);
    Map<String, String> overrides = new HashMap<>(config.overrides());
    overrides.putAll(configOverrides);
    ConfigResponse.Builder builder =
        ConfigResponse.builder()
            .withDefaults(defaults)
            .withOverrides(overrides)
            .withEndpoints(config.endpoints());
    if (config.idempotencyKeyLifetime() != null) {
      builder.withIdempotencyKeyLifetime(config.idempotencyKeyLifetime());
    }
    return builder.build();
  }

  private LoadTableResponse withCredentials(LoadTableResponse table) {
    return LoadTableResponse.builder()
        .withTableMetadata(table.tableMetadata())
        .addAllConfig(table.config())
        .addAllConfig(vendedCredentials)
        .addAllCredentials(table.credentials())
        .addCredential(
            ImmutableCredential.builder()
                .prefix(credentialPrefix)
                .config(vendedCredentials)
                .build())
        .build();
  }

  private static boolean asksForVendedCredentials(HTTPHeaders headers) {
    return headers.entries(ACCESS_DELEGATION).stream()
        .flatMap(header -> List.of(header.value().split(",")).stream())
        .anyMatch(value -> value.trim().toLowerCase(Locale.ROOT).equals("vended-credentials"));
  }
}
