package dev.floe.core.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.floe.core.diag.Code;
import dev.floe.core.diag.Disclosure;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.SourceTexts;
import dev.floe.core.diag.TextRenderer;
import dev.floe.core.internal.load.ConfigLoader;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The credential check of floe.yaml, through {@link ConfigLoader#pipelineText}. */
class PipelineCredentialsTest {
  private static final Random RANDOM = new Random(13);
  private static final String HEAD = "name: p\nversion: \"1.0.0\"\n";

  private final SourceTexts sources = new SourceTexts();
  private final ConfigLoader loader = new ConfigLoader(sources, Map.of());

  private List<Problem> problems(String text) {
    ProblemException e =
        catchThrowableOfType(ProblemException.class, () -> loader.pipelineText("floe.yaml", text));
    assertThat(e).as("floe.yaml must be refused:\n%s", text).isNotNull();
    return e.problems();
  }

  @Test
  void aTokenInAnyStringValueIsAnErrorAtTheValue() {
    String token = Corpus.expand("AKIA{{base32:16}}", RANDOM);
    String text = HEAD + "transforms:\n  - type: dbt\n    path: ./dbt\n    target: " + token + "\n";

    List<Problem> problems = problems(text);

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo(Code.X040.id());
              assertThat(p.message())
                  .isEqualTo(
                      "'transforms[0].target' looks like an AWS access key ID; floe.yaml never holds"
                          + " credentials: move it to platform.yaml as a secret_ref");
              assertThat(p.position().orElseThrow().toString()).isEqualTo("floe.yaml:6:13");
              assertThat(p.path()).hasValue("transforms[0].target");
              assertThat(p.disclosure()).isEqualTo(Disclosure.SECRET);
            });
    String rendered = new TextRenderer(sources, TextRenderer.Colour.PLAIN).render(problems);
    assertThat(rendered).doesNotContain(token).contains("target: ****");
  }

  @Test
  void theAllowCommentAcceptsAReviewedValue() {
    String jwt = Corpus.expand("{{jwt}}", RANDOM);
    String text =
        HEAD + "observability:\n  attributes:\n    sample: " + jwt + "  # floe:allow-secret\n";

    assertThat(loader.pipelineText("floe.yaml", text).value().observability().attributes())
        .containsKey("sample");
  }

  @Test
  void aValueAlreadyReportedAsASecretIsNotReportedTwice() {
    String text =
        HEAD
            + "password: "
            + Corpus.expand("{{password:16}}", RANDOM)
            + "\nobservability:\n  attributes:\n    hook: https://ci:"
            + Corpus.expand("{{alnum:16}}", RANDOM)
            + "@hooks.acme.io/x\n";

    assertThat(problems(text)).extracting(Problem::code).containsExactly("FLOE-S019", "FLOE-C031");
  }

  @Test
  void benignValuesPass() {
    String text =
        HEAD
            + "assets:\n  packages: [com.acme.analytics]\nobservability:\n  attributes:\n"
            + "    commit: 3f786850e387550fdab836ed7e6dc881de23001b\n"
            + "    run: 0b7c7f3e-3a1e-4c59-9a59-7d4f3c0e9d21\n"
            + "    image: ghcr.io/acme/floe@sha256:"
            + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n";

    assertThat(loader.pipelineText("floe.yaml", text).value().observability().attributes())
        .hasSize(3);
  }
}
