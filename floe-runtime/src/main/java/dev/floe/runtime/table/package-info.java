/**
 * The table helpers of a run: Iceberg tables made readable by the compute engine, and query results
 * or Java records written to Iceberg tables (create or replace, schema from the result), on any
 * storage the catalog profile reaches.
 */
@Api(status = Api.Status.INTERNAL)
@NullMarked
package dev.floe.runtime.table;

import dev.floe.core.api.Api;
import org.jspecify.annotations.NullMarked;
