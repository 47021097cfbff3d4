package dev.floe.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.floe.core.api.Api;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.jspecify.annotations.Nullable;

/**
 * The one JSON layout floe writes everywhere (artifacts, schemas, diagnostics, command output):
 * 2-space indent, {@code "key": value}, empty containers as {@code {}} and {@code []}.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class JsonOutput {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonOutput() {}

  /** Writes the content of one JSON document. */
  @FunctionalInterface
  public interface Body {
    /**
     * Writes the whole document (one value, usually an object) to {@code json}.
     *
     * @param json the generator, in floe's layout; closed by the caller of the body
     * @throws IOException passed on as {@link UncheckedIOException}
     */
    void write(JsonGenerator json) throws IOException;
  }

  /**
   * One JSON document in floe's layout, with a trailing newline: the writer, generator, pretty
   * printer and newline that every document shares, in one place.
   *
   * @param body writes the document's one value
   * @return the document's text, ending with {@code \n}
   * @throws UncheckedIOException when the body throws an {@link IOException}
   */
  public static String write(Body body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = generator(out)) {
      body.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  /** A generator writing to {@code out} in floe's layout; the caller closes it. */
  public static JsonGenerator generator(Writer out) throws IOException {
    JsonGenerator json = FACTORY.createGenerator(out);
    json.setPrettyPrinter(prettyPrinter());
    json.setCharacterEscapes(Escapes.INSTANCE);
    return json;
  }

  /**
   * Escapes the characters JSON allows raw but YAML 1.2 readers refuse (C1 controls, U+FEFF,
   * U+FFFE, U+FFFF) and the line separators U+2028/U+2029, so that every document floe writes can
   * be read back by floe.
   */
  private static final class Escapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    static final Escapes INSTANCE = new Escapes();
    private static final int[] ASCII = CharacterEscapes.standardAsciiEscapesForJSON();

    @Override
    public int[] getEscapeCodesForAscii() {
      return ASCII;
    }

    @Override
    public @Nullable SerializableString getEscapeSequence(int ch) {
      boolean escape =
          (ch >= 0x7F && ch <= 0x9F)
              || ch == 0x2028
              || ch == 0x2029
              || ch == 0xFEFF
              || ch == 0xFFFE
              || ch == 0xFFFF;
      return escape ? new SerializedString(String.format("\\u%04x", ch)) : null;
    }
  }

  /** Writes {@code name} with the value, or {@code null} when it is absent. */
  public static void writeOptional(
      JsonGenerator json, String name, java.util.Optional<String> value) throws IOException {
    if (value.isPresent()) {
      json.writeStringField(name, value.get());
    } else {
      json.writeNullField(name);
    }
  }

  /** A new pretty printer in floe's layout (printers are stateful: one per document). */
  public static DefaultPrettyPrinter prettyPrinter() {
    return new DefaultPrettyPrinter()
        .withSeparators(
            Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
  }
}
