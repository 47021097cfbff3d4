package dev.floe.runtime.sql;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A table a query reads, as DuckDB's parser reports it.
 *
 * @param catalog the catalog part of a three-part name, or empty
 * @param schema the schema (namespace) part, or empty for a bare name
 * @param table the table name
 * @param offset the character offset of the reference in the file, or -1 when DuckDB gave none
 * @param length the characters of the reference, at least 1
 */
record TableRef(String catalog, String schema, String table, int offset, int length) {
  TableRef {
    requireNonNull(catalog, "catalog");
    requireNonNull(schema, "schema");
    requireNonNull(table, "table");
    length = Math.max(1, length);
  }

  /** Whether the query names the table without a namespace. */
  boolean bare() {
    return catalog.isEmpty() && schema.isEmpty();
  }

  /** {@code namespace.table}, the default namespace taken for a bare name. */
  String qualified(String defaultNamespace) {
    List<String> parts = new ArrayList<>();
    if (!catalog.isEmpty()) {
      parts.add(catalog);
    }
    parts.add(bare() ? defaultNamespace : schema);
    parts.add(table);
    return String.join(".", parts);
  }
}
