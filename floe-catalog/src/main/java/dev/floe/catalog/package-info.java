/**
 * Turns compiled catalog, storage and credential profiles into working connections: OAuth2 token
 * management, AWS IAM roles, workload identity, Iceberg catalogs and storage {@code FileIO}.
 */
package dev.floe.catalog;
