package dev.floe.runtime.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Parses queries with DuckDB's own parser: {@code json_serialize_sql} on an in-memory database
 * returns the statement's parse tree without binding it, so no table needs to exist. Not
 * thread-safe; close it after use.
 */
final class SqlParser implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Connection connection;

  SqlParser() {
    try {
      // Parsing needs no worker threads; DuckDB would start one per core.
      Properties properties = new Properties();
      properties.setProperty("threads", "1");
      connection = DriverManager.getConnection("jdbc:duckdb:", properties);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open DuckDB to parse SQL: " + e.getMessage(), e);
    }
  }

  /** What parsing one file gave. */
  sealed interface Parsed permits Query, Failure {}

  /**
   * A single SELECT.
   *
   * @param tables the tables it reads, in the order they appear; CTE names and table functions left
   *     out
   */
  record Query(List<TableRef> tables) implements Parsed {
    Query {
      tables = List.copyOf(tables);
    }
  }

  /** Why a file is not a query floe can run. */
  enum Reason {
    /** DuckDB cannot parse it. */
    SYNTAX,
    /** It parses, but is not exactly one SELECT. */
    NOT_A_SELECT
  }

  /**
   * A file that is not a single SELECT.
   *
   * @param reason why
   * @param message what DuckDB or floe says
   * @param offset the character offset DuckDB points at, or -1
   * @param length the characters to underline
   */
  record Failure(Reason reason, String message, int offset, int length) implements Parsed {}

  /** Parses {@code text}, which must hold one SELECT statement (optionally with WITH). */
  Parsed parse(SqlText text) {
    JsonNode tree = serialize(text.text());
    if (tree.path("error").asBoolean(false)) {
      String type = tree.path("error_type").asText("");
      String message = tree.path("error_message").asText("the SQL does not parse");
      if (type.equals("not implemented")) {
        return new Failure(Reason.NOT_A_SELECT, "it holds a statement that is not a SELECT", -1, 1);
      }
      long position = number(tree.path("position"));
      int offset = position < 0 ? -1 : text.charOffset(position);
      return new Failure(Reason.SYNTAX, message, offset, 1);
    }
    JsonNode statements = tree.path("statements");
    if (statements.size() == 0) {
      return new Failure(Reason.NOT_A_SELECT, "it holds no statement", -1, 1);
    }
    if (statements.size() > 1) {
      int offset = firstLocation(statements.get(1), text);
      return new Failure(
          Reason.NOT_A_SELECT, "it holds " + statements.size() + " statements", offset, 1);
    }
    Walker walker = new Walker(text);
    walker.walk(statements.get(0));
    if (walker.describes) {
      return new Failure(
          Reason.NOT_A_SELECT,
          "DESCRIBE, SHOW and SUMMARIZE describe a table rather than query it",
          walker.showOffset,
          1);
    }
    return new Query(walker.tables);
  }

  private JsonNode serialize(String sql) {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT json_serialize_sql(?)")) {
      statement.setString(1, sql);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return JSON.readTree(result.getString(1));
      }
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("DuckDB could not parse SQL: " + e.getMessage(), e);
    }
  }

  /** A non-negative number of the tree, or -1 (DuckDB writes 2^64-1 for "no location"). */
  private static long number(JsonNode node) {
    if (node.isTextual()) {
      try {
        return Long.parseLong(node.asText());
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return node.isIntegralNumber() && node.canConvertToLong() ? node.asLong() : -1;
  }

  /** The smallest {@code query_location} below {@code node}, as a character offset, or -1. */
  private static int firstLocation(JsonNode node, SqlText text) {
    long smallest = Long.MAX_VALUE;
    Deque<JsonNode> todo = new ArrayDeque<>();
    todo.push(node);
    while (!todo.isEmpty()) {
      JsonNode n = todo.pop();
      long location = number(n.path("query_location"));
      if (location >= 0 && location < smallest) {
        smallest = location;
      }
      n.elements().forEachRemaining(todo::push);
    }
    return smallest == Long.MAX_VALUE ? -1 : text.charOffset(smallest);
  }

  /**
   * Walks a parse tree for table references, with the names of the common table expressions in
   * scope: a WITH binds its names in its own query and every subquery of it, not outside.
   */
  private static final class Walker {
    private final SqlText text;
    private final List<TableRef> tables = new ArrayList<>();
    private final Deque<Set<String>> ctes = new ArrayDeque<>();
    private boolean describes;
    private int showOffset = -1;

    Walker(SqlText text) {
      this.text = text;
    }

    void walk(JsonNode node) {
      if (node.isArray()) {
        node.elements().forEachRemaining(this::walk);
        return;
      }
      if (!node.isObject()) {
        return;
      }
      Set<String> names = new HashSet<>();
      for (JsonNode entry : node.path("cte_map").path("map")) {
        names.add(entry.path("key").asText("").toLowerCase(Locale.ROOT));
      }
      if (!names.isEmpty()) {
        ctes.push(names);
      }
      String type = node.path("type").asText("");
      if (type.equals("BASE_TABLE") && node.has("table_name")) {
        reference(node);
      } else if (type.equals("SHOW_REF") && !describes) {
        describes = true;
        long location = number(node.path("query_location"));
        showOffset = location < 0 ? -1 : text.charOffset(location);
      }
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        walk(field.getValue());
      }
      if (!names.isEmpty()) {
        ctes.pop();
      }
    }

    private void reference(JsonNode node) {
      String catalog = node.path("catalog_name").asText("");
      String schema = node.path("schema_name").asText("");
      String table = node.path("table_name").asText("");
      if (catalog.isEmpty() && schema.isEmpty() && cte(table)) {
        return;
      }
      long location = number(node.path("query_location"));
      int offset = location < 0 ? -1 : text.charOffset(location);
      long byteLength = number(node.path("query_location_length"));
      int length =
          offset < 0 || byteLength < 0
              ? 1
              : text.nameLength(offset, text.charLength(offset, byteLength));
      tables.add(new TableRef(catalog, schema, table, offset, length));
    }

    private boolean cte(String name) {
      String key = name.toLowerCase(Locale.ROOT);
      for (Set<String> scope : ctes) {
        if (scope.contains(key)) {
          return true;
        }
      }
      return false;
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // an in-memory database holds nothing worth reporting on close
    }
  }
}
