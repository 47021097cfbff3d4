package dev.floe.runtime.table;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * A table written by a helper.
 *
 * @param table the Iceberg identifier
 * @param rows rows written
 * @param schema the table's schema after the write
 * @param snapshotId the snapshot the write committed
 * @param location the table's location
 */
@Api(status = Api.Status.INTERNAL)
public record TableWrite(
    TableIdentifier table, long rows, Schema schema, long snapshotId, String location) {
  public TableWrite {
    requireNonNull(table, "table");
    requireNonNull(schema, "schema");
    requireNonNull(location, "location");
  }
}
