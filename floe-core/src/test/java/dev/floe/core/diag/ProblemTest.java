package dev.floe.core.diag;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ProblemTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Problem withCause(@Nullable Throwable cause) {
    return Problem.error(Code.Y006, "Cannot read floe.yaml: access denied")
        .file("floe.yaml")
        .hint("check that the path is a readable file")
        .cause(cause)
        .build();
  }

  @Test
  void theCauseIsNotPartOfTheValue() {
    Problem a = withCause(new java.nio.file.AccessDeniedException("floe.yaml"));
    Problem b = withCause(null);

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.cause()).isPresent();
    assertThat(a.toString()).doesNotContain("AccessDeniedException").isEqualTo(b.toString());
  }

  @Test
  void normalRenderingsNeverShowTheCause() throws IOException {
    Problem p = withCause(new IllegalStateException("boom"));

    String text = new TextRenderer(new SourceTexts(), TextRenderer.Colour.PLAIN).render(p);
    JsonNode json = JSON.readTree(JsonRenderer.render(List.of(p)));

    assertThat(text).doesNotContain("boom").doesNotContain("IllegalStateException");
    assertThat(json.path("problems").get(0).has("cause")).isFalse();
  }

  @Test
  void debugTextEndsWithTheCauseAndItsStackTrace() {
    Problem p = withCause(new IllegalStateException("boom", new ArithmeticException("zero")));

    String text =
        new TextRenderer(new SourceTexts(), TextRenderer.Colour.PLAIN, Verbosity.DEBUG).render(p);

    assertThat(text)
        .startsWith(
            """
            error[FLOE-Y006]: Cannot read floe.yaml: access denied
             --> floe.yaml
              = help: check that the path is a readable file
              = cause: java.lang.IllegalStateException: boom
                    at dev.floe.core.diag.ProblemTest.\
            """)
        .contains("Caused by: java.lang.ArithmeticException: zero");
  }

  @Test
  void debugTextOfAProblemWithoutCauseIsTheNormalText() {
    Problem p = withCause(null);

    assertThat(
            new TextRenderer(new SourceTexts(), TextRenderer.Colour.PLAIN, Verbosity.DEBUG)
                .render(p))
        .isEqualTo(new TextRenderer(new SourceTexts(), TextRenderer.Colour.PLAIN).render(p));
  }

  @Test
  void debugJsonHasACauseFieldOnEveryProblem() throws IOException {
    List<Problem> problems = List.of(withCause(new IllegalStateException("boom")), withCause(null));

    JsonNode json = JSON.readTree(JsonRenderer.render(problems, Verbosity.DEBUG));

    assertThat(json.path("problems").get(0).path("cause").asText())
        .startsWith("java.lang.IllegalStateException: boom\n    at ");
    assertThat(json.path("problems").get(1).path("cause").isNull()).isTrue();
  }

  @Test
  void causesAreMaskedLikeSnippets() {
    Problem p =
        withCause(new IllegalStateException("connect https://floe:hunter2@db.internal failed"));

    String text =
        new TextRenderer(new SourceTexts(), TextRenderer.Colour.PLAIN, Verbosity.DEBUG).render(p);

    assertThat(text).doesNotContain("hunter2").contains("https://****@db.internal");
  }

  @Test
  void choicesAndSuggestionAreAddedUnlessTheTextAlreadyShowsThem() {
    TextRenderer renderer = new TextRenderer(new SourceTexts(), TextRenderer.Colour.PLAIN);
    Problem listed =
        Problem.error(Code.S015, "Value 'DBT' of 'type' is not one of: dbt, sql")
            .choicesInMessage(List.of("dbt", "sql"))
            .suggestionInHint("dbt")
            .hint("did you mean 'dbt'?")
            .build();
    Problem added =
        Problem.error(Code.S014, "Value 'yes' of 'x' is not a boolean: use true or false")
            .choices(List.of("true", "false"))
            .suggestion("true")
            .build();

    assertThat(renderer.render(listed))
        .isEqualTo(
            "error[FLOE-S015]: Value 'DBT' of 'type' is not one of: dbt, sql\n"
                + "  = help: did you mean 'dbt'?");
    assertThat(renderer.render(added))
        .isEqualTo(
            """
            error[FLOE-S014]: Value 'yes' of 'x' is not a boolean: use true or false
              = valid values: true, false
              = help: did you mean 'true'?\
            """);
    assertThat(listed.shown())
        .containsExactlyInAnyOrder(
            Problem.Shown.CHOICES_IN_MESSAGE, Problem.Shown.SUGGESTION_IN_HINT);
    assertThat(added.shown()).isEmpty();
  }

  @Test
  void problemExceptionSortsItsProblems() {
    Problem late =
        Problem.error(Code.S010, "Unknown key 'b'")
            .at(new SourcePosition("a.yaml", 9, 1, 1))
            .build();
    Problem early =
        Problem.error(Code.S010, "Unknown key 'a'")
            .at(new SourcePosition("a.yaml", 2, 5, 1))
            .build();
    Problem whole =
        Problem.error(Code.A061, "Cannot read a.yaml: it is broken").file("a.yaml").build();
    Problem other =
        Problem.error(Code.S010, "Unknown key 'c'")
            .at(new SourcePosition("0.yaml", 30, 1, 1))
            .build();

    ProblemException e = new ProblemException(List.of(late, early, whole, other));

    assertThat(e.problems()).containsExactly(other, whole, early, late);
    assertThat(e.getMessage()).startsWith("FLOE-S010: Unknown key 'c' (and 3 more)");
  }
}
