package dev.floe.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonOutputTest {
  @Test
  void writesOneDocumentInFloesLayoutWithATrailingNewline() {
    String text =
        JsonOutput.write(
            json -> {
              json.writeStartObject();
              json.writeBooleanField("ok", true);
              json.writeArrayFieldStart("problems");
              json.writeEndArray();
              json.writeObjectFieldStart("empty");
              json.writeEndObject();
              JsonOutput.writeOptional(json, "absent", Optional.empty());
              json.writeEndObject();
            });

    assertThat(text)
        .isEqualTo(
            "{\n  \"ok\": true,\n  \"problems\": [],\n  \"empty\": {},\n  \"absent\": null\n}\n");
  }

  @Test
  void escapesWhatYamlReadersRefuse() {
    String text = JsonOutput.write(json -> json.writeString("a\u2028b\u0085c"));

    assertThat(text).isEqualTo("\"a\\u2028b\\u0085c\"\n");
  }

  @Test
  void anIoFailureOfTheBodyIsUnchecked() {
    assertThatThrownBy(
            () ->
                JsonOutput.write(
                    json -> {
                      throw new IOException("disk full");
                    }))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("disk full");
  }
}
