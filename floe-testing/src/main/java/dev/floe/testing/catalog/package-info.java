/**
 * A real Iceberg REST catalog on loopback for tests: {@link
 * dev.floe.testing.catalog.RestCatalogServer} serves Iceberg's own REST catalog adapter and servlet
 * (from {@code iceberg-core} tests) on Jetty bound to 127.0.0.1, backed by a {@code JdbcCatalog} on
 * a SQLite file, behind a filter that checks bearer JWTs against an OAuth2 server's keys and
 * records every request.
 */
package dev.floe.testing.catalog;
