package dev.floe.runtime.table;

import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.runtime.RuntimeCode;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;

/** Table names: {@code namespace.table} to Iceberg identifiers, and identifiers to SQL names. */
final class TableNames {
  private static final Pattern SIMPLE = Pattern.compile("[a-z_][a-z0-9_]*");

  private TableNames() {}

  /**
   * The identifier of {@code table}: {@code a.b.t} is table {@code t} in namespace {@code a.b}; a
   * name without a dot is in {@code defaultNamespace}.
   *
   * @throws ProblemException {@code FLOE-U008} for an empty name or an empty part
   */
  static TableIdentifier identifier(String table, String defaultNamespace) {
    String name = table.strip();
    String[] parts = name.split("\\.", -1);
    if (name.isEmpty() || Arrays.stream(parts).anyMatch(String::isBlank)) {
      throw new ProblemException(
          Problem.error(
                  RuntimeCode.U008,
                  "Table name '" + table + "' is not valid: expected namespace.table")
              .hint("write the name as namespace.table, e.g. silver.stg_orders")
              .build());
    }
    if (parts.length == 1) {
      return TableIdentifier.of(Namespace.of(defaultNamespace.split("\\.")), parts[0]);
    }
    return TableIdentifier.of(
        Namespace.of(Arrays.copyOf(parts, parts.length - 1)), parts[parts.length - 1]);
  }

  /** {@code namespace.table}, as written in messages. */
  static String display(TableIdentifier id) {
    return id.toString();
  }

  /** The DuckDB schema of {@code id}: its namespace levels joined with dots. */
  static String schema(TableIdentifier id) {
    return String.join(".", id.namespace().levels());
  }

  /** The name to use in SQL: {@code ns.t}, quoted only where a part needs it. */
  static String sql(TableIdentifier id) {
    return part(schema(id)) + "." + part(id.name());
  }

  /** The quoted name, for the statements floe runs itself. */
  static String quoted(TableIdentifier id) {
    return quote(schema(id)) + "." + quote(id.name());
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static String part(String identifier) {
    return SIMPLE.matcher(identifier).matches() ? identifier : quote(identifier);
  }
}
