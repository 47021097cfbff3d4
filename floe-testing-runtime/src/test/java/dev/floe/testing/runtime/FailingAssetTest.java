package dev.floe.testing.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.floe.runtime.AssetContext;
import dev.floe.runtime.FloeAsset;
import dev.floe.runtime.RunResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@FloeTest
class FailingAssetTest {
  public record Customer(long id, String name) {}

  public static final class Pipeline {
    static volatile boolean serviceDown = true;

    @FloeAsset(outputs = "bronze.customers")
    public long customers(AssetContext context) {
      return context.writeRows(
          "bronze.customers",
          Customer.class,
          List.of(new Customer(1, "Ada"), new Customer(2, "Bo")));
    }

    @FloeAsset(inputs = "bronze.customers", outputs = "silver.enriched")
    public long enrich() {
      if (serviceDown) {
        throw new IllegalStateException("the enrichment service answered 503");
      }
      return 0;
    }

    @FloeAsset(inputs = "silver.enriched", outputs = "gold.report")
    public long report() {
      return 1; // never runs: its input failed
    }
  }

  static RunResult run;

  @BeforeAll
  static void materialize(FloeTestProject project) {
    run = project.materialize(Pipeline.class);
  }

  @Test
  void aFailedAssetSkipsWhatDependsOnIt(FloeTestProject project) {
    project
        .assertThatRun(run)
        .failed()
        .assetSucceeded("customers")
        .assetFailed("enrich")
        .assetFailedWith(
            "enrich", "java.lang.IllegalStateException: the enrichment service answered 503")
        .assetSkipped("report")
        .hasRows("customers", 2);
    project.assertThatTable("bronze.customers").exists().hasRowCount(2);
    assertThatThrownBy(() -> project.assertThatTable("gold.report").exists())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting table gold.report to exist")
        .hasMessageContaining("bronze.customers");
  }

  @Test
  void theFailEventCarriesTheErrorMessage(FloeTestProject project) {
    List<JsonNode> events = project.lineageEvents("enrich");
    assertThat(events)
        .extracting(e -> e.get("eventType").asText())
        .containsExactly("START", "FAIL");
    JsonNode fail = events.get(1);
    assertThat(fail.at("/run/facets/errorMessage/message").asText())
        .isEqualTo("the enrichment service answered 503");
    assertThat(fail.at("/run/facets/errorMessage/programmingLanguage").asText()).isEqualTo("JAVA");
    assertThat(project.lineageEvents("report")).isEmpty();
    assertThat(project.span("enrich").getStatus().getStatusCode().name()).isEqualTo("ERROR");
    assertThatThrownBy(() -> project.span("report"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting a span of asset 'report'")
        .hasMessageContaining("[customers, enrich]");
  }

  @Test
  void succeededNamesWhatWentWrong(FloeTestProject project) {
    assertThatThrownBy(() -> project.assertThatRun(run).succeeded())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to succeed but 2 of 3 assets did not")
        .hasMessageContaining(
            "enrich failed: java.lang.IllegalStateException: the enrichment service answered 503")
        .hasMessageContaining("report was skipped (upstream asset enrich failed)");
    assertThatThrownBy(() -> project.assertThatRun(run).assetSucceeded("enrich"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Expecting asset enrich to have succeeded but it failed: java.lang.IllegalStateException");
    assertThatThrownBy(() -> project.assertThatRun(run).assetFailed("report"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting asset report to have failed but it was skipped");
    assertThatThrownBy(() -> project.assertThatRun(run).assetSkipped("customers"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting asset customers to have been skipped but it succeeded");
    assertThatThrownBy(() -> project.assertThatRun(run).assetFailedWith("enrich", "timeout"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to fail with an error containing \"timeout\"");
    assertThatThrownBy(() -> project.assertThatRun(run).hasRows("report", 1))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Expecting asset report to report 1 row but it reported no row count");
    assertThatThrownBy(() -> project.assertThatRun(run).hasRows("customers", 3))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to report 3 rows but it reported 2");
    assertThatThrownBy(() -> project.assertThatRun(run).assetFailed("nothing"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting asset nothing in run")
        .hasMessageContaining("[customers, enrich, report]");
  }
}
