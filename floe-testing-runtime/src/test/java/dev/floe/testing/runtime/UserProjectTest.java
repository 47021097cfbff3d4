package dev.floe.testing.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.runtime.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@FloeTest(project = "src/test/resources/my-pipeline")
class UserProjectTest {
  private final FloeTestProject project;

  UserProjectTest(FloeTestProject project) {
    this.project = project;
  }

  @Test
  void compilesTheUsersProjectForLocal() {
    assertThat(project.pipeline()).isEqualTo("shop-analytics");
    assertThat(project.artifacts().environment()).isEqualTo("local");
    assertThat(project.artifacts().catalog().value().namespace()).isEqualTo("shop");
    assertThat(project.root().resolve("floe.yaml")).exists();
    assertThat(project.root().resolve("platform/local/platform.yaml")).exists();
    assertThat(project.root())
        .isNotEqualTo(Path.of("src/test/resources/my-pipeline").toAbsolutePath());
  }

  @Test
  void discoversTheAssetsOfTheProjectsPackages() {
    RunResult run = project.materialize();

    project.assertThatRun(run).succeeded().hasRows("products", 3).hasRows("cheap_products", 2);
    project
        .assertThatTable("cheap_products")
        .hasRowCount(2)
        .column("sku")
        .containsExactly("B-2", "C-3");
    project
        .assertThatTable("shop.products")
        .hasColumns("sku", "name", "price")
        .hasNoDuplicates("sku");
    assertThat(project.logs()).contains("[cheap_products] keeping products under 20");
    assertThat(project.lineageEvents()).isNotEmpty();
    // The project's own folder stays clean: the catalog and the data live in the copy.
    assertThat(Files.exists(Path.of("src/test/resources/my-pipeline/.floe"))).isFalse();
    assertThat(project.root().resolve(".floe/lake.db")).exists();
  }
}
