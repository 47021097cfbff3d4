/**
 * Compute engines of a run, built from the compiled compute profile: embedded DuckDB for {@code
 * type: duckdb}, JDBC for PostgreSQL, Trino, Snowflake and Redshift (drivers are optional
 * dependencies the application brings).
 */
@Api(status = Api.Status.INTERNAL)
@NullMarked
package dev.floe.runtime.compute;

import dev.floe.core.api.Api;
import org.jspecify.annotations.NullMarked;
