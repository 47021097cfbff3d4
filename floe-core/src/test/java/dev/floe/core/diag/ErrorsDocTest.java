package dev.floe.core.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/errors.md} in step with {@link Code} and with the golden diagnostics: every
 * code has a heading {@code FLOE-X000 — title}, no heading names a code that does not exist, and
 * every example block marked {@code <!-- input: … -->}, {@code <!-- output: … -->} or {@code <!--
 * json: … -->} shows exactly the golden case's input file, text rendering or JSON rendering.
 *
 * <p>With {@code -Dfloe.regenerate=true} the marked blocks are rewritten instead of compared.
 */
class ErrorsDocTest {
  private static final boolean REGENERATE = Boolean.getBoolean("floe.regenerate");

  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*$");

  private static final Pattern CODE_ID = Pattern.compile("FLOE-[A-Z][0-9]{3}");

  /** A marker comment, then a fenced block whose text is checked. */
  private static final Pattern EXAMPLE =
      Pattern.compile(
          "<!-- (input|output|json): (\\S+) -->\\n(```[a-z]*\\n)(.*?)(```\\n)", Pattern.DOTALL);

  @Test
  void everyCodeHasAHeadingWithItsTitle() throws IOException {
    List<String> headings = headings();
    for (Code code : Code.values()) {
      assertThat(headings)
          .as("docs/errors.md needs a heading for %s", code.id())
          .contains(code.id() + " — " + code.title());
    }
  }

  /**
   * Headings of core's families name only codes of {@link Code}; families of other modules (such as
   * floe-catalog's {@code FLOE-K1xx}) are checked by those modules' own doc tests.
   */
  @Test
  void headingsNameOnlyCodesThatExist() throws IOException {
    Set<String> known = new TreeSet<>();
    Stream.of(Code.values()).forEach(c -> known.add(c.id()));
    // Codes of core's letters must exist here; other modules' letters are checked by their own
    // tests (ProblemCodes.checkUniqueAndDocumented), where their codes are on the class path.
    Set<Character> coreLetters = new TreeSet<>();
    Stream.of(Code.values()).forEach(c -> coreLetters.add(c.id().charAt("FLOE-".length())));
    Set<String> named = new TreeSet<>();
    for (String heading : headings()) {
      Matcher m = CODE_ID.matcher(heading);
      while (m.find()) {
        if (coreLetters.contains(m.group().charAt("FLOE-".length()))) {
          named.add(m.group());
        }
      }
    }
    assertThat(named).as("codes named in headings of docs/errors.md").isSubsetOf(known);
  }

  @Test
  void examplesShowTheGoldenCasesExactly() throws IOException {
    Path doc = errorsDoc();
    String text = Files.readString(doc, StandardCharsets.UTF_8);
    Matcher m = EXAMPLE.matcher(text);
    StringBuilder rewritten = new StringBuilder();
    List<String> stale = new ArrayList<>();
    int examples = 0;
    while (m.find()) {
      examples++;
      String kind = m.group(1);
      String id = m.group(2);
      String expected =
          switch (kind) {
            case "input" ->
                Files.readString(GoldenDiagnosticsTest.root().resolve(id), StandardCharsets.UTF_8);
            case "output" -> GoldenDiagnosticsTest.renderText(id);
            default -> GoldenDiagnosticsTest.renderJson(id);
          };
      if (!m.group(4).equals(expected)) {
        stale.add(kind + ": " + id);
      }
      m.appendReplacement(
          rewritten,
          Matcher.quoteReplacement(
              "<!-- " + kind + ": " + id + " -->\n" + m.group(3) + expected + m.group(5)));
    }
    m.appendTail(rewritten);
    assertThat(examples).as("marked examples in %s", doc).isPositive();
    if (REGENERATE) {
      if (!stale.isEmpty()) {
        Files.writeString(doc, rewritten.toString(), StandardCharsets.UTF_8);
      }
      return;
    }
    assertThat(stale)
        .as(
            "examples in docs/errors.md that differ from the golden cases (rewrite them with: %s)",
            GoldenDiagnosticsTest.REGENERATE_COMMAND.replace(
                "GoldenDiagnosticsTest", "'GoldenDiagnosticsTest,ErrorsDocTest'"))
        .isEmpty();
  }

  /** Markdown headings, outside fenced blocks (where '#' starts a YAML comment). */
  private static List<String> headings() throws IOException {
    List<String> headings = new ArrayList<>();
    boolean fenced = false;
    for (String line : Files.readAllLines(errorsDoc(), StandardCharsets.UTF_8)) {
      if (line.startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      Matcher m = HEADING.matcher(line);
      if (!fenced && m.matches()) {
        headings.add(m.group(1));
      }
    }
    return headings;
  }

  /** {@code docs/errors.md}, found by walking up from the working folder. */
  static Path errorsDoc() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("docs").resolve("errors.md");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError("docs/errors.md not found in " + start + " or any folder above it");
  }
}
