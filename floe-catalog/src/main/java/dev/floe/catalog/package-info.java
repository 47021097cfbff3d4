/**
 * Turns compiled catalog, storage and credential profiles into working connections. The entry
 * points: {@link dev.floe.catalog.Catalogs#open(dev.floe.catalog.CatalogContext)} opens an Iceberg
 * catalog and storage FileIO as an {@link dev.floe.catalog.OpenedCatalog}; {@link
 * dev.floe.catalog.CatalogProperties} is the property map a profile becomes; {@link
 * dev.floe.catalog.ConnectivityChecks} checks token, catalog and storage for {@code floe platform
 * check}; failures are {@code FLOE-K1xx} problems ({@link dev.floe.catalog.CatalogCode}). The
 * subpackages hold the credential modes (OAuth2, AWS IAM roles, workload identity) and storage.
 */
package dev.floe.catalog;
