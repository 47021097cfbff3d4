package dev.floe.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** gitignore(5) semantics, pattern by pattern, as git itself decides them. */
class GitIgnoreTest {
  private static final Path ROOT = Path.of("/repo");

  private static GitIgnore.Verdict check(String patterns, String path, boolean folder) {
    return GitIgnore.parse(ROOT, patterns).check(ROOT.resolve(path), folder);
  }

  @ParameterizedTest(name = "''{0}'' ignores {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "*.env           | a.env             | true",
        "*.env           | deep/down/a.env   | true",
        "*.env           | a.env.example     | false",
        "/top.yaml       | top.yaml          | true",
        "/top.yaml       | sub/top.yaml      | false",
        "doc/*.txt       | doc/a.txt         | true",
        "doc/*.txt       | doc/x/a.txt       | false",
        "doc/*.txt       | sub/doc/a.txt     | false",
        "**/logs         | logs              | true",
        "**/logs         | a/b/logs          | true",
        "a/**/b          | a/b               | true",
        "a/**/b          | a/x/y/b           | true",
        "a/**/b          | c/a/b             | false",
        "out/**          | out/x/y.yaml      | true",
        "file?.yaml      | file1.yaml        | true",
        "file?.yaml      | file10.yaml       | false",
        "file[0-9].yaml  | file7.yaml        | true",
        "file[!0-9].yaml | file7.yaml        | false",
        "file[!0-9].yaml | fileA.yaml        | true",
        "\\#hash         | #hash             | true",
        "\\!bang         | !bang             | true",
        "'trailing   '   | trailing          | true",
        "a*b             | a/b               | false",
        "# comment       | # comment         | false",
      })
  void matchesLikeGit(String pattern, String path, boolean ignored) {
    String p = pattern.startsWith("'") ? pattern.substring(1, pattern.length() - 1) : pattern;
    assertThat(check(p, path, false))
        .isEqualTo(ignored ? GitIgnore.Verdict.IGNORED : GitIgnore.Verdict.UNDECIDED);
  }

  @Test
  void aTrailingSlashMatchesFoldersOnly() {
    assertThat(check("build/", "build", true)).isEqualTo(GitIgnore.Verdict.IGNORED);
    assertThat(check("build/", "build", false)).isEqualTo(GitIgnore.Verdict.UNDECIDED);
    assertThat(check("build/", "src/build", true)).isEqualTo(GitIgnore.Verdict.IGNORED);
  }

  @Test
  void theLastMatchingPatternDecides() {
    String patterns = "*.env\n!keep.env\n";
    assertThat(check(patterns, "a.env", false)).isEqualTo(GitIgnore.Verdict.IGNORED);
    assertThat(check(patterns, "keep.env", false)).isEqualTo(GitIgnore.Verdict.INCLUDED);
    assertThat(check("!keep.env\n*.env\n", "keep.env", false)).isEqualTo(GitIgnore.Verdict.IGNORED);
  }

  @Test
  void patternsApplyOnlyBelowTheirFolder() {
    GitIgnore nested = GitIgnore.parse(ROOT.resolve("app"), "/local.yaml\n");
    assertThat(nested.check(ROOT.resolve("app/local.yaml"), false))
        .isEqualTo(GitIgnore.Verdict.IGNORED);
    assertThat(nested.check(ROOT.resolve("local.yaml"), false))
        .isEqualTo(GitIgnore.Verdict.UNDECIDED);
  }
}
