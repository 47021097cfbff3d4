package dev.floe.catalog;

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
 * Keeps the {@code FLOE-K1xx} entries of {@code docs/errors.md} in step with {@link CatalogCode},
 * in the format of floe-core's codes: a heading {@code FLOE-K101 — title} per code, and no K
 * heading for a code that does not exist; every code is in the troubleshooting table of
 * platform-config.md.
 */
class CatalogCodeDocTest {
  private static final Pattern K_CODE = Pattern.compile("FLOE-K[0-9]{3}");

  @Test
  void everyCodeHasAHeadingWithItsTitle() throws IOException {
    List<String> headings = headings(doc("errors.md"));
    for (CatalogCode code : CatalogCode.values()) {
      assertThat(headings)
          .as("docs/errors.md needs a heading for %s", code.id())
          .contains(code.id() + " — " + code.title());
    }
  }

  @Test
  void kHeadingsNameOnlyCodesThatExist() throws IOException {
    Set<String> known = new TreeSet<>();
    Stream.of(CatalogCode.values()).forEach(c -> known.add(c.id()));
    Set<String> named = new TreeSet<>();
    for (String heading : headings(doc("errors.md"))) {
      Matcher m = K_CODE.matcher(heading);
      while (m.find()) {
        named.add(m.group());
      }
    }
    assertThat(named).isEqualTo(known);
  }

  @Test
  void everyCodeIsInTheTroubleshootingTable() throws IOException {
    String guide = Files.readString(doc("platform-config.md"), StandardCharsets.UTF_8);
    for (CatalogCode code : CatalogCode.values()) {
      assertThat(guide)
          .as("troubleshooting row for %s", code.id())
          .contains("| `" + code.id() + "` |");
    }
  }

  @Test
  void idsFollowTheProblemCodeFormat() {
    for (CatalogCode code : CatalogCode.values()) {
      assertThat(code.id()).matches("FLOE-K1[0-3][0-9]");
      assertThat(code.title()).isNotBlank();
    }
  }

  private static List<String> headings(Path file) throws IOException {
    List<String> headings = new ArrayList<>();
    boolean fenced = false;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("```")) {
        fenced = !fenced;
      } else if (!fenced && line.startsWith("#")) {
        headings.add(line.replaceFirst("^#+\\s+", "").strip());
      }
    }
    return headings;
  }

  private static Path doc(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("docs").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError("docs/" + name + " not found");
  }
}
