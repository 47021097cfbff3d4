package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class TablesCommandTest extends OnDemoProject {
  @Test
  void anEmptyCatalogSaysWhatToDo() {
    Cli.Result result = cli.run("tables");
    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCodes.OK);
    assertThat(result.out())
        .contains(
            "tables of catalog 'default' (jdbc jdbc:sqlite:.floe/catalog.db) · environment local")
        .contains("no tables yet: run the pipeline first (floe run)");
  }

  @Test
  void aRegistryPinThatTheLocalPlatformOverridesIsAWarningHereToo() {
    Cli.edit(
        project.resolve("floe.yaml"),
        "version: ",
        "platform:\n  ref: oci://registry.example.com/acme/platform\nversion: ");
    Cli.Result result = cli.run("tables");
    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCodes.OK);
    assertThat(result.err())
        .contains("warning[FLOE-R022]")
        .contains("oci://registry.example.com/acme/platform");
  }

  @Test
  void listsWhatARunWrote() {
    // The demo's bronze assets are on floe's class path.
    Cli.Result run = cli.run("run", "--select", "raw_products", "raw_customers");
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);

    Cli.Result text = cli.run("tables");
    assertThat(text.code()).isEqualTo(ExitCodes.OK);
    assertThat(text.out())
        .containsPattern(
            "bronze.raw_customers\\s+1,000\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+.floe/warehouse/bronze/raw_customers")
        .containsPattern("bronze.raw_products\\s+100\\s");

    Cli.Result json = cli.run("tables", "--format", "json", "--namespace", "bronze");
    assertThat(json.code()).isEqualTo(ExitCodes.OK);
    JsonNode tables = json.json().get("tables");
    assertThat(tables).hasSize(2);
    assertThat(tables.get(0).get("name").asText()).isEqualTo("bronze.raw_customers");
    assertThat(tables.get(0).get("rows").asLong()).isEqualTo(1000);
    assertThat(tables.get(0).get("snapshot_at").asText()).endsWith("Z");
    assertThat(tables.get(0).get("location").asText()).contains("warehouse/bronze/raw_customers");
  }

  @Test
  void anUnreachableCatalogExitsThree() {
    Cli.Result result = cli.run("tables", "--env", "dev");
    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
    assertThat(result.err()).contains("FLOE-C033");
  }
}
