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
  void onlyASelectOfKnownTablesRuns() {
    Cli.Result write = cli.run("query", "DELETE FROM bronze.raw_products");
    assertThat(write.code()).isEqualTo(ExitCodes.INPUT);
    assertThat(write.err()).contains("FLOE-Q003");

    Cli.Result missing = cli.run("query", "SELECT * FROM silver.nope");
    assertThat(missing.code()).isEqualTo(ExitCodes.INPUT);
    assertThat(missing.err()).contains("FLOE-U044").contains("silver.nope");
  }
}
