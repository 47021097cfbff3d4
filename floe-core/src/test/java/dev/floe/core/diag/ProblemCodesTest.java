package dev.floe.core.diag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProblemCodesTest {
  /** A module's own codes, as floe-catalog would declare them. */
  enum CatalogCode implements ProblemCode {
    K001("token request failed"),
    K002("catalog unreachable");

    private final String title;

    CatalogCode(String title) {
      this.title = title;
    }

    @Override
    public String id() {
      return "FLOE-" + name();
    }

    @Override
    public String title() {
      return title;
    }
  }

  private static final String DOC =
      """
      | letter | module | codes | what |
      |---|---|---|---|
      | `S` | `floe-core` | `FLOE-S0xx` | schema |
      | `K` | `floe-catalog` | `FLOE-K0xx` | connecting |

      ### FLOE-S010 — unknown key

      ```yaml
      # FLOE-K002 — catalog unreachable
      ```

      ### FLOE-K001 — token request failed
      """;

  private static ProblemCode code(String id, String title) {
    return new ProblemCode() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String title() {
        return title;
      }
    };
  }

  @Test
  void everyCodeOnTheClassPathIsUniqueWellFormedAndDocumented() {
    ProblemCodes.checkUniqueAndDocumented(ErrorsDocTest.errorsDoc());
  }

  @Test
  void coreCodesAreAlwaysInstalledFirst() {
    List<ProblemCodes> installed = ProblemCodes.installed();

    assertThat(installed.get(0).module()).isEqualTo(ProblemCodes.CORE_MODULE);
    assertThat(installed.get(0).codes()).isEqualTo(List.of(Code.values()));
  }

  @Test
  void aModuleCodeBuildsProblemsLikeACoreCode() {
    Problem p =
        Problem.error(CatalogCode.K001, "Cannot get a token from http://idp: HTTP 401").build();

    assertThat(p.code()).isEqualTo("FLOE-K001");
  }

  @Test
  void acceptsCodesUnderTheirOwnLetterWithAHeading() {
    List<String> violations =
        ProblemCodes.violations(
            List.of(
                ProblemCodes.of("floe-core", List.of(Code.S010)),
                ProblemCodes.of("floe-catalog", List.of(CatalogCode.K001))),
            DOC);

    assertThat(violations).isEmpty();
  }

  @Test
  void reportsAHeadingThatIsMissingOrOnlyInsideAFencedBlock() {
    List<String> violations =
        ProblemCodes.violations(
            List.of(ProblemCodes.of("floe-catalog", List.of(CatalogCode.K002))), DOC);

    assertThat(violations)
        .containsExactly("FLOE-K002 (floe-catalog): no heading 'FLOE-K002 — catalog unreachable'");
  }

  @Test
  void reportsALetterOfAnotherModuleOrOfNone() {
    List<String> violations =
        ProblemCodes.violations(
            List.of(
                ProblemCodes.of("floe-runtime", List.of(CatalogCode.K001)),
                ProblemCodes.of("floe-runtime", List.of(code("FLOE-U001", "asset failed")))),
            DOC);

    assertThat(violations)
        .contains(
            "FLOE-K001 (floe-runtime): the letter K is reserved for floe-catalog",
            "FLOE-U001 (floe-runtime): the letter U is not in the range table");
  }

  @Test
  void reportsTwoCodesWithOneId() {
    List<String> violations =
        ProblemCodes.violations(
            List.of(
                ProblemCodes.of("floe-catalog", List.of(CatalogCode.K001)),
                ProblemCodes.of(
                    "floe-catalog", List.of(code("FLOE-K001", "token request failed")))),
            DOC);

    assertThat(violations)
        .containsExactly(
            "FLOE-K001 (floe-catalog): the id is already used by "
                + CatalogCode.class.getName()
                + ".K001");
  }

  @Test
  void theSameCodeListedTwiceIsNoDuplicate() {
    List<String> violations =
        ProblemCodes.violations(
            List.of(
                ProblemCodes.of("floe-catalog", List.of(CatalogCode.K001)),
                ProblemCodes.of("floe-catalog", List.of(CatalogCode.K001))),
            DOC);

    assertThat(violations).isEmpty();
  }

  @Test
  void reportsMalformedIdsAndTitles() {
    List<String> violations =
        ProblemCodes.violations(
            List.of(
                ProblemCodes.of(
                    "floe-catalog",
                    List.of(code("FLOE-K1", "short"), code("FLOE-K003", "Ends in a period.")))),
            DOC);

    assertThat(violations)
        .contains(
            "FLOE-K1 (floe-catalog): not of the form FLOE-<letter><3 digits>",
            "FLOE-K003 (floe-catalog): the title must be a few words without a final period");
  }

  @Test
  void theCheckFailsWithEveryViolation(@TempDir Path dir) throws IOException {
    Path doc = Files.writeString(dir.resolve("errors.md"), "### FLOE-Y001 — YAML syntax error\n");

    assertThatThrownBy(() -> ProblemCodes.checkUniqueAndDocumented(doc))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("FLOE-Y001 (floe-core): the letter Y is not in the range table")
        .hasMessageContaining(
            "FLOE-X041 (floe-core): no heading 'FLOE-X041 — invalid scan baseline'");
  }
}
