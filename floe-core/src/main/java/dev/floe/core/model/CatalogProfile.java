package dev.floe.core.model;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import java.util.Map;
import java.util.Optional;

/**
 * A named Iceberg catalog profile of platform.yaml.
 *
 * @param type the kind of catalog
 * @param uri the catalog endpoint, or a JDBC URL for {@code jdbc}; optional only for glue
 * @param warehouse the warehouse name or location
 * @param namespace the default namespace for tables
 * @param accessDelegation how storage access is delegated
 * @param tokenRefreshEnabled whether OAuth2 tokens are refreshed before they expire
 * @param properties extra catalog properties, sorted by key
 * @param credentials how to authenticate
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record CatalogProfile(
    CatalogType type,
    Optional<StringOrSecret> uri,
    String warehouse,
    String namespace,
    AccessDelegation accessDelegation,
    boolean tokenRefreshEnabled,
    Map<String, StringOrSecret> properties,
    Credentials credentials) {
  public CatalogProfile {
    requireNonNull(type, "type");
    requireNonNull(uri, "uri");
    requireNonNull(warehouse, "warehouse");
    requireNonNull(namespace, "namespace");
    requireNonNull(accessDelegation, "accessDelegation");
    properties = SortedMaps.copyOf(properties);
    requireNonNull(credentials, "credentials");
  }
}
