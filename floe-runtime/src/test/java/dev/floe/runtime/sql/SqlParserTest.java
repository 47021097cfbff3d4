package dev.floe.runtime.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SqlParserTest {
  static SqlParser parser;

  @BeforeAll
  static void open() {
    parser = new SqlParser();
  }

  @AfterAll
  static void close() {
    parser.close();
  }

  private static List<String> tables(String sql) {
    SqlParser.Parsed parsed = parser.parse(new SqlText(sql));
    assertThat(parsed).as(sql).isInstanceOf(SqlParser.Query.class);
    return ((SqlParser.Query) parsed).tables().stream().map(t -> t.qualified("demo")).toList();
  }

  private static SqlParser.Failure failure(String sql) {
    SqlParser.Parsed parsed = parser.parse(new SqlText(sql));
    assertThat(parsed).as(sql).isInstanceOf(SqlParser.Failure.class);
    return (SqlParser.Failure) parsed;
  }

  @Test
  void findsJoinedTables() {
    assertThat(
            tables(
                "SELECT o.id, c.name FROM bronze.orders o JOIN bronze.customers c ON o.c = c.id"
                    + " LEFT JOIN silver.regions r USING (region)"))
        .containsExactly("bronze.orders", "bronze.customers", "silver.regions");
  }

  @Test
  void findsTablesInSubqueriesEverywhere() {
    assertThat(
            tables(
                "SELECT (SELECT max(x) FROM a.scalar) AS m FROM (SELECT * FROM a.derived) d"
                    + " WHERE d.id IN (SELECT id FROM a.filter)"
                    + " AND EXISTS (SELECT 1 FROM a.exists_ WHERE a.exists_.id = d.id)"))
        .containsExactlyInAnyOrder("a.scalar", "a.derived", "a.filter", "a.exists_");
  }

  @Test
  void commonTableExpressionsAreNotInputs() {
    assertThat(
            tables(
                "WITH latest AS (SELECT * FROM bronze.orders),"
                    + " paid AS (SELECT * FROM latest WHERE paid)"
                    + " SELECT * FROM paid JOIN Latest USING (id)"))
        .containsExactly("bronze.orders");
  }

  @Test
  void aCteShadowsATableOnlyInItsOwnScope() {
    // the CTE 'orders' is visible inside the subquery, not in the outer query's second FROM.
    assertThat(
            tables(
                "SELECT * FROM (WITH orders AS (SELECT * FROM bronze.orders) SELECT * FROM orders)"
                    + " s JOIN orders USING (id)"))
        .containsExactly("bronze.orders", "demo.orders");
  }

  @Test
  void aCteNameWithASchemaIsATable() {
    assertThat(tables("WITH orders AS (SELECT 1 AS id) SELECT * FROM silver.orders"))
        .containsExactly("silver.orders");
  }

  @Test
  void recursiveCtesAreNotInputs() {
    assertThat(
            tables(
                "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3)"
                    + " SELECT * FROM r, gold.calendar"))
        .containsExactly("gold.calendar");
  }

  @Test
  void bareNamesTakeTheDefaultNamespace() {
    assertThat(tables("SELECT * FROM orders, silver.items"))
        .containsExactly("demo.orders", "silver.items");
  }

  @Test
  void unionsReadEveryBranch() {
    assertThat(
            tables(
                "SELECT id FROM bronze.a UNION ALL SELECT id FROM bronze.b"
                    + " EXCEPT SELECT id FROM bronze.c"))
        .containsExactlyInAnyOrder("bronze.a", "bronze.b", "bronze.c");
  }

  @Test
  void quotedIdentifiersKeepTheirSpelling() {
    List<TableRef> refs =
        ((SqlParser.Query) parser.parse(new SqlText("SELECT * FROM \"silver\".\"Stg Orders\"")))
            .tables();
    assertThat(refs)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.schema()).isEqualTo("silver");
              assertThat(r.table()).isEqualTo("Stg Orders");
              assertThat(r.offset()).isEqualTo(14);
              assertThat(r.length()).isEqualTo("\"silver\".\"Stg Orders\"".length());
            });
  }

  @Test
  void tableFunctionsAreNotInputsButTheirSubqueriesAre() {
    assertThat(
            tables(
                "SELECT * FROM range(10) r, unnest((SELECT list(id) FROM bronze.ids)) u,"
                    + " read_parquet('x.parquet')"))
        .containsExactly("bronze.ids");
  }

  @Test
  void locationsAreCharactersNotBytes() {
    String sql = "SELECT 'héllo ✓' AS x FROM bronze.t";
    TableRef ref = ((SqlParser.Query) parser.parse(new SqlText(sql))).tables().get(0);
    assertThat(ref.offset()).isEqualTo(sql.indexOf("bronze.t"));
    assertThat(ref.length()).isEqualTo("bronze.t".length());
  }

  @Test
  void threePartNamesKeepTheCatalog() {
    assertThat(tables("SELECT * FROM lake.silver.orders")).containsExactly("lake.silver.orders");
  }

  @Test
  void syntaxErrorsCarryDuckDbsMessageAndPosition() {
    String sql = "SELECT *\nFROM bronze.orders\nWHER id = 1";
    SqlParser.Failure f = failure(sql);
    assertThat(f.reason()).isEqualTo(SqlParser.Reason.SYNTAX);
    assertThat(f.message()).contains("syntax error");
    assertThat(f.offset()).isEqualTo(sql.indexOf("id = 1"));
  }

  @Test
  void onlyASingleSelectIsAQuery() {
    assertThat(failure("INSERT INTO a SELECT 1").reason()).isEqualTo(SqlParser.Reason.NOT_A_SELECT);
    assertThat(failure("CREATE TABLE a AS SELECT 1").reason())
        .isEqualTo(SqlParser.Reason.NOT_A_SELECT);
    SqlParser.Failure two = failure("SELECT 1;\nSELECT 2");
    assertThat(two.reason()).isEqualTo(SqlParser.Reason.NOT_A_SELECT);
    assertThat(two.message()).contains("2 statements");
    assertThat(two.offset()).isEqualTo("SELECT 1;\nSELECT ".length());
    assertThat(failure("-- nothing here\n").message()).contains("no statement");
    assertThat(failure("DESCRIBE bronze.orders").message()).contains("DESCRIBE");
  }

  @Test
  void aTrailingSemicolonIsFine() {
    assertThat(tables("SELECT * FROM bronze.orders;\n")).containsExactly("bronze.orders");
  }
}
