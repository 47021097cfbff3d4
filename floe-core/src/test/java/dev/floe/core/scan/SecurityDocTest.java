package dev.floe.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code docs/security.md} documents every rule and the allow comment, in step with the code. */
class SecurityDocTest {
  @Test
  void everyRuleHasARowInTheRuleTable() throws IOException {
    String doc = section(read());

    for (CredentialRule rule : CredentialRule.values()) {
      assertThat(doc).as("a table row for %s", rule.id()).contains("| `" + rule.id() + "` |");
    }
    assertThat(doc)
        .contains(CredentialDetector.ALLOW_MARKER)
        .contains(SarifWriter.FINGERPRINT_KEY)
        .contains("\"version\": " + Baseline.VERSION);
  }

  @Test
  void everySyntaxIsDocumented() throws IOException {
    String doc = section(read());

    for (Syntax syntax : Syntax.values()) {
      assertThat(doc).as("syntax %s", syntax).contains("`" + syntax.name() + "`");
    }
    assertThat(doc).contains("Syntax.byName").contains("Syntax.of");
  }

  @Test
  void everySkippedFolderIsListed() throws IOException {
    String doc = section(read());

    for (String folder : RepositoryScanner.SKIPPED_FOLDERS) {
      assertThat(doc).as("skipped folder %s", folder).contains("`" + folder + "`");
    }
  }

  @Test
  void everyReasonForSkippingAFileIsListed() throws IOException {
    String doc = section(read());

    for (RepositoryScanner.Reason reason : RepositoryScanner.Reason.values()) {
      assertThat(doc).as("skip reason %s", reason).contains("`" + reason.id() + "`");
    }
  }

  /** The "Credential detection" section: other sections belong to other features. */
  private static String section(String doc) {
    int start = doc.indexOf("\n## Credential detection");
    assertThat(start).as("a '## Credential detection' section in docs/security.md").isNotNegative();
    int end = doc.indexOf("\n## ", start + 1);
    return end < 0 ? doc.substring(start) : doc.substring(start, end);
  }

  private static String read() throws IOException {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("docs").resolve("security.md");
      if (Files.isRegularFile(candidate)) {
        return Files.readString(candidate, StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("docs/security.md not found above " + start);
  }
}
