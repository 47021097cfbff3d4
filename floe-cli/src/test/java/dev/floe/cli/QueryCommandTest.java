package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class QueryCommandTest extends OnDemoProject {
  @Test
  void queriesWhatARunBuiltInEveryFormat() {
    assertThat(cli.run("run", "--select", "raw_products").code()).isEqualTo(ExitCodes.OK);

    Cli.Result text =
        cli.run(
            "query",
            "SELECT category, count(*) AS products FROM bronze.raw_products GROUP BY category"
                + " ORDER BY category");
    assertThat(text.code()).as(text.toString()).isEqualTo(ExitCodes.OK);
    assertThat(text.out())
        .containsPattern("category\\s+products")
        .containsPattern("books\\s+19")
        .contains("5 rows");

    Cli.Result json =
        cli.run(
            "query",
            "SELECT product_id FROM bronze.raw_products",
            "--format",
            "json",
            "--limit",
            "3");
    assertThat(json.code()).isEqualTo(ExitCodes.OK);
    JsonNode doc = json.json();
    assertThat(doc.get("columns").get(0).asText()).isEqualTo("product_id");
    assertThat(doc.get("rows")).hasSize(3);
    assertThat(doc.get("truncated").asBoolean()).isTrue();

    Cli.Result csv =
        cli.run(
            "query",
            "SELECT product_id, sku FROM bronze.raw_products ORDER BY product_id",
            "--format",
            "csv",
            "--limit",
            "2");
    assertThat(csv.out()).isEqualTo("product_id,sku\n1,SKU-10001\n2,SKU-10002\n");
  }

  @Test
  void datesAndTimesReadAsSqlWritesThemInEveryFormat() {
    String sql =
        "SELECT TIMESTAMP '2026-01-01 00:00:00' AS midnight,"
            + " TIMESTAMP '2026-01-02 03:04:05.12' AS t, TIME '03:04:05.5' AS tm,"
            + " DATE '2026-01-02' AS d, TIMESTAMPTZ '2026-01-02 03:04:05+00' AS tz";

    Cli.Result csv = cli.run("query", sql, "--format", "csv");
    assertThat(csv.code()).as(csv.toString()).isEqualTo(ExitCodes.OK);
    assertThat(csv.out())
        .startsWith(
            "midnight,t,tm,d,tz\n2026-01-01 00:00:00,2026-01-02 03:04:05.12,03:04:05.5,2026-01-02,")
        .containsPattern("2026-01-0[12] [0-9]{2}:[0-9]{2}:05[+-][0-9]{2}(:[0-9]{2})?\n$");
    Cli.Result text = cli.run("query", sql);
    assertThat(text.out())
        .contains("2026-01-01 00:00:00  2026-01-02 03:04:05.12")
        .doesNotContain(":00.0");
    JsonNode row = cli.run("query", sql, "--format", "json").json().get("rows").get(0);
    assertThat(row.get(0).asText()).isEqualTo("2026-01-01 00:00:00");
    assertThat(row.get(2).asText()).isEqualTo("03:04:05.5");
  }

  @Test
  void offsetsAreWrittenAsSqlWritesThem() {
    assertThat(
            QueryOutput.value(java.time.OffsetDateTime.parse("2026-01-02T03:04:05.000001+05:30")))
        .isEqualTo("2026-01-02 03:04:05.000001+05:30");
    assertThat(QueryOutput.value(java.time.OffsetDateTime.parse("2026-01-02T03:04:05-08:00")))
        .isEqualTo("2026-01-02 03:04:05-08");
    assertThat(QueryOutput.value(java.time.OffsetDateTime.parse("2026-01-02T03:04:05Z")))
        .isEqualTo("2026-01-02 03:04:05+00");
  }

  @Test
  void onlyASelectOfKnownTablesRuns() {
    Cli.Result write = cli.run("query", "DELETE FROM bronze.raw_products");
    assertThat(write.code()).isEqualTo(ExitCodes.INPUT);
    assertThat(write.err()).contains("FLOE-Q003");

    Cli.Result missing = cli.run("query", "SELECT * FROM silver.nope");
    assertThat(missing.code()).isEqualTo(ExitCodes.INPUT);
    assertThat(missing.err()).contains("FLOE-U044").contains("silver.nope");
  }

  @Test
  void aQueryThatDoesNotParseShowsWhere() {
    Cli.Result text = cli.run("query", "SELECT a,, b FROM bronze.raw_products");
    assertThat(text.code()).isEqualTo(ExitCodes.INPUT);
    assertThat(text.err())
        .contains("FLOE-Q001")
        .contains(" --> query:1:10\n")
        .contains("1 | SELECT a,, b FROM bronze.raw_products\n  |          ^\n");

    JsonNode problem =
        cli.run("query", "SELECT a,, b FROM bronze.raw_products", "--format", "json")
            .json()
            .get("problems")
            .get(0);
    assertThat(problem.get("file").asText()).isEqualTo("query");
    assertThat(problem.get("column").asInt()).isEqualTo(10);
  }
}
