/**
 * Storage profiles as Iceberg {@code FileIO}: S3 (and S3-compatible servers) through Iceberg's
 * {@code S3FileIO} with the credentials of the profile's mode, and local folders through {@link
 * dev.floe.catalog.storage.LocalFileIO}, which needs no Hadoop. {@link
 * dev.floe.catalog.storage.LocalPaths} resolves the relative paths of a local profile against the
 * project folder.
 */
package dev.floe.catalog.storage;
