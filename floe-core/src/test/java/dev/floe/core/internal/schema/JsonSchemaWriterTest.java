package dev.floe.core.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.internal.pipeline.PipelineSchema;
import org.junit.jupiter.api.Test;

/** The translation of a {@link SchemaType} into JSON Schema 2020-12: layout and patterns. */
class JsonSchemaWriterTest {
  @Test
  void exportIsDeterministicAndPrettyPrinted() {
    String first = JsonSchemaWriter.export(PipelineSchema.document(), "urn:t", "t");
    String second = JsonSchemaWriter.export(PipelineSchema.document(), "urn:t", "t");
    assertThat(first).isEqualTo(second);
    assertThat(first)
        .startsWith(
            "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n"
                + "  \"$id\": \"urn:t\",\n  \"title\": \"t\",\n  \"description\": ")
        .endsWith("}\n")
        .doesNotContain("\r", "\t", "\" :", "{ }", "[ ]")
        .contains("\"patternProperties\": {\n    \"^x-\": {}\n  }");
  }

  // ---- ECMA 262 patterns -------------------------------------------------------------------

  @Test
  void nonEmptyTextBecomesMinLengthAndANonSpaceCharacter() {
    String json = JsonSchemaWriter.export(Strings.nonEmpty("Some text."), "urn:t", "t");
    assertThat(json).contains("\"minLength\": 1,\n  \"pattern\": \"\\\\S\"").doesNotContain("(?s)");
  }

  @Test
  void patternsAreAnchoredAndJavaOnlySyntaxIsRefused() {
    assertThat(JsonSchemaWriter.ecma("^a+$")).isEqualTo("^a+$");
    assertThat(JsonSchemaWriter.ecma("a|b")).isEqualTo("^(?:a|b)$");
    assertThatThrownBy(() -> JsonSchemaWriter.ecma("(?i)^abc$"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ECMA 262");
    assertThatThrownBy(() -> JsonSchemaWriter.ecma("^a++$"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
