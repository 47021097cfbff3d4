/**
 * SQL transforms: every {@code .sql} file under a {@code transforms: - type: sql} path becomes an
 * asset whose inputs are the tables its query reads, found with DuckDB's own parser ({@link
 * dev.floe.runtime.sql.SqlTransforms}). Internal: the assets join the graph of {@link
 * dev.floe.runtime.FloeDefinitions}.
 */
@Api(status = Api.Status.INTERNAL)
@NullMarked
package dev.floe.runtime.sql;

import dev.floe.core.api.Api;
import org.jspecify.annotations.NullMarked;
