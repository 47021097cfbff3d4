package dev.floe.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.SourceTexts;
import dev.floe.core.internal.load.ConfigLoader;
import dev.floe.core.schema.JsonSchemaExporterTest.Case;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The loader and the published JSON Schema agree: each broken file is refused by both, at the same
 * field, and each good file is accepted by both.
 */
class SchemaAgreementTest {
  private static final String CASES = "dev.floe.core.schema.JsonSchemaExporterTest#";

  private final ConfigLoader loader = new ConfigLoader(new SourceTexts(), Map.of());

  @ParameterizedTest
  @MethodSource(CASES + "invalidCases")
  void loaderAndSchemaRejectTheSameField(Case c) {
    assertThat(JsonSchemaExporterTest.errorPaths(c.schemaFile(), c.yaml()))
        .as("JSON Schema")
        .contains(c.path());
    assertThatThrownBy(() -> load(c))
        .as("loader")
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.problems())
                    .extracting(p -> p.path().orElse(""))
                    .as("paths of %s", e.problems().stream().map(Problem::message).toList())
                    .contains(c.path()));
  }

  @ParameterizedTest
  @MethodSource(CASES + "validCases")
  void loaderAndSchemaAcceptTheSameFile(Case c) {
    assertThat(JsonSchemaExporterTest.errors(c.schemaFile(), c.yaml())).as("JSON Schema").isEmpty();
    assertThatCode(() -> load(c)).as("loader").doesNotThrowAnyException();
  }

  private void load(Case c) {
    if (c.schemaFile().equals(JsonSchemaExporterTest.PIPELINE)) {
      loader.pipelineText("floe.yaml", c.yaml());
    } else {
      loader.platformText("platform.yaml", c.yaml());
    }
  }
}
