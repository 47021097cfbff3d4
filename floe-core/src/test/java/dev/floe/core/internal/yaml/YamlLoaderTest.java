package dev.floe.core.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.diag.Code;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemList;
import dev.floe.core.diag.SourcePosition;
import dev.floe.core.diag.SourceTexts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class YamlLoaderTest {
  private static final String FILE = "platform.yaml";

  private final SourceTexts sources = new SourceTexts();
  private final YamlLoader loader = new YamlLoader(sources);
  private final ProblemList problems = new ProblemList();

  @Test
  void positionsAreOneBasedAndExact() {
    YamlMapping root =
        (YamlMapping) load("version: \"1.0.0\"\ncatalogs:\n  default:\n    uri: http://h/a\n");

    assertAt(root.position(), 1, 1);
    YamlMapping.Entry version = root.entries().get(0);
    assertThat(version.key().position()).isEqualTo(new SourcePosition(FILE, 1, 1, 7));
    assertThat(version.value().position()).isEqualTo(new SourcePosition(FILE, 1, 10, 7));
    YamlMapping catalogs = (YamlMapping) root.get("catalogs").orElseThrow();
    YamlMapping.Entry profile = catalogs.entries().get(0);
    assertThat(profile.key().position()).isEqualTo(new SourcePosition(FILE, 3, 3, 7));
    YamlMapping.Entry uri = ((YamlMapping) profile.value()).entries().get(0);
    assertThat(uri.key().position()).isEqualTo(new SourcePosition(FILE, 4, 5, 3));
    assertThat(uri.value().position()).isEqualTo(new SourcePosition(FILE, 4, 10, 10));
    assertThat(((YamlScalar) uri.value()).value()).isEqualTo("http://h/a");
  }

  @Test
  void positionsInFlowCollectionsAndLists() {
    YamlMapping root = (YamlMapping) load("a: {b: [x, 'y']}\nlist:\n  - one\n  - two\n");

    YamlMapping a = (YamlMapping) root.get("a").orElseThrow();
    assertThat(a.position()).isEqualTo(new SourcePosition(FILE, 1, 4, 13));
    YamlSequence b = (YamlSequence) a.get("b").orElseThrow();
    assertThat(b.items().get(0).position()).isEqualTo(new SourcePosition(FILE, 1, 9, 1));
    assertThat(b.items().get(1).position()).isEqualTo(new SourcePosition(FILE, 1, 12, 3));
    YamlSequence list = (YamlSequence) root.get("list").orElseThrow();
    assertThat(list.items().get(1).position()).isEqualTo(new SourcePosition(FILE, 4, 5, 3));
  }

  @Test
  void scalarKindsFollowTheCoreSchema() {
    YamlMapping root =
        (YamlMapping)
            load("s: text\ni: 12\nf: 1.0\nb: true\nn:\nt: ~\ny: yes\nq: \"1.0\"\nh: 0x1F\n");

    assertThat(kind(root, "s")).isEqualTo(YamlScalar.Kind.STRING);
    assertThat(kind(root, "i")).isEqualTo(YamlScalar.Kind.INT);
    assertThat(kind(root, "f")).isEqualTo(YamlScalar.Kind.FLOAT);
    assertThat(kind(root, "b")).isEqualTo(YamlScalar.Kind.BOOL);
    assertThat(kind(root, "n")).isEqualTo(YamlScalar.Kind.NULL);
    assertThat(kind(root, "t")).isEqualTo(YamlScalar.Kind.NULL);
    // YAML 1.2: 'yes' is text, not a boolean.
    assertThat(kind(root, "y")).isEqualTo(YamlScalar.Kind.STRING);
    assertThat(kind(root, "q")).isEqualTo(YamlScalar.Kind.STRING);
    assertThat(kind(root, "h")).isEqualTo(YamlScalar.Kind.INT);
  }

  @Test
  void duplicateKeysReportBothLines() {
    loadFails("storage: {}\ncatalogs: {}\nstorage: {}\n");

    Problem p = only(Code.Y002);
    assertThat(p.message()).contains("'storage'").contains(FILE + ":1:1").contains("line 3");
    assertThat(p.position()).contains(new SourcePosition(FILE, 3, 1, 7));
    assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).contains("line 1"));
  }

  @Test
  void duplicateKeysInNestedMappingsAreAllReported() {
    loadFails("a:\n  x: 1\n  x: 2\nb:\n  y: 1\n  z: 2\n  y: 3\n");

    assertThat(problems.sorted())
        .extracting(p -> p.position().orElseThrow().line())
        .containsExactly(3, 7);
    assertThat(problems.sorted()).allMatch(p -> p.code().equals(Code.Y002.id()));
  }

  @Test
  void customTagsAreRefused() {
    loadFails("a: !custom value\nb: !!binary aGVsbG8=\nc: !!set {x: null}\nd: !env [HOME]\n");

    List<Problem> all = problems.sorted();
    assertThat(all).hasSize(4).allMatch(p -> p.code().equals(Code.Y003.id()));
    assertThat(all.get(0).message()).contains("'!custom'");
    assertThat(all.get(0).position()).contains(new SourcePosition(FILE, 1, 4, 13));
    assertThat(all).extracting(p -> p.position().orElseThrow().line()).containsExactly(1, 2, 3, 4);
  }

  @Test
  void coreTagsAreAllowed() {
    YamlMapping root =
        (YamlMapping) load("version: !!str 1.0\nn: !!int \"3\"\nm: !!map {a: b}\nl: !!seq [x]\n");

    YamlScalar version = (YamlScalar) root.get("version").orElseThrow();
    assertThat(version.value()).isEqualTo("1.0");
    assertThat(version.kind()).isEqualTo(YamlScalar.Kind.STRING);
    assertThat(kind(root, "n")).isEqualTo(YamlScalar.Kind.INT);
    assertThat(root.get("m")).containsInstanceOf(YamlMapping.class);
    assertThat(root.get("l")).containsInstanceOf(YamlSequence.class);
  }

  @Test
  void aliasesAreExpanded() {
    YamlMapping root = (YamlMapping) load("base: &b {type: s3, bucket: x}\ncopy: *b\n");

    YamlMapping copy = (YamlMapping) root.get("copy").orElseThrow();
    assertThat(((YamlScalar) copy.get("bucket").orElseThrow()).value()).isEqualTo("x");
  }

  @Test
  @Timeout(10)
  void billionLaughsEndsInALimitProblem() {
    StringBuilder yaml = new StringBuilder("a: &a [\"lol\"");
    yaml.append(", \"lol\"".repeat(9)).append("]\n");
    for (char level = 'b'; level <= 'i'; level++) {
      char previous = (char) (level - 1);
      yaml.append(level).append(": &").append(level).append(" [*").append(previous);
      yaml.append((", *" + previous).repeat(9)).append("]\n");
    }

    loadFails(yaml.toString());

    assertThat(only(Code.Y004).message()).contains("aliases");
  }

  @Test
  @Timeout(10)
  void doublingAliasBombUnderTheAliasCountEndsInALimitProblem() {
    // 2 aliases per level: 90 aliases in all, under the alias count, but 2^45 nodes expanded.
    StringBuilder yaml = new StringBuilder("l0: &l0 [x, x]\n");
    for (int i = 1; i <= 45; i++) {
      yaml.append("l").append(i).append(": &l").append(i);
      yaml.append(" [*l").append(i - 1).append(", *l").append(i - 1).append("]\n");
    }

    loadFails(yaml.toString());

    Problem p = only(Code.Y004);
    assertThat(p.message()).contains("more than " + YamlLimits.DEFAULT.maxNodes() + " nodes");
    assertThat(p.position()).isPresent();
  }

  @Test
  @Timeout(10)
  void tooManyAliasesToCollectionsIsALimitProblem() {
    StringBuilder yaml = new StringBuilder("a: &a [x]\nb: [");
    yaml.append("*a, ".repeat(YamlLimits.DEFAULT.maxAliasesForCollections() + 1)).append("x]\n");

    loadFails(yaml.toString());

    assertThat(only(Code.Y004).message()).contains("aliases");
  }

  @Test
  @Timeout(10)
  void hundredThousandDeepNestingIsAProblemNotAStackOverflow() {
    int depth = 100_000;
    String yaml = "a: " + "[".repeat(depth) + "]".repeat(depth) + "\n";

    loadFails(yaml);

    assertThat(only(Code.Y004).message()).contains("nest deeper than");
  }

  @Test
  @Timeout(10)
  void unclosedDeepNestingIsAProblemNotAStackOverflow() {
    loadFails("{a: ".repeat(100_000));

    assertThat(problems.sorted()).isNotEmpty();
  }

  @Test
  @Timeout(10)
  void hundredThousandDeepBlockNestingIsAProblemNotAStackOverflow() {
    loadFails("- ".repeat(100_000) + "x\n");

    assertThat(only(Code.Y004).message()).contains("nest deeper than");
  }

  @Test
  void nestingJustOverTheDepthLimitIsAProblemWithAPosition() {
    int depth = YamlLimits.DEFAULT.maxDepth() + 1;
    loadFails("[".repeat(depth) + "]".repeat(depth));

    Problem p = only(Code.Y004);
    assertThat(p.message()).contains(YamlLimits.DEFAULT.maxDepth() + " levels");
    assertThat(p.position()).hasValueSatisfying(at -> assertThat(at.line()).isEqualTo(1));
  }

  @Test
  void nestingAtTheDepthLimitLoads() {
    int depth = YamlLimits.DEFAULT.maxDepth();
    assertThat(load("[".repeat(depth) + "]".repeat(depth))).isInstanceOf(YamlSequence.class);
  }

  @Test
  void bracketsInsideTextAreNotNesting() {
    StringBuilder manyLines = new StringBuilder();
    for (int i = 0; i < 70; i++) {
      manyLines.append("k").append(i).append(": see [note\n");
    }
    String brackets = "[".repeat(70);
    for (String text :
        List.of(
            manyLines.toString(),
            "x-note: |\n  " + brackets + "\n",
            "regex: a" + brackets + "\n",
            "k: 'it''s " + brackets + "'\n")) {
      ProblemList own = new ProblemList();

      assertThat(loader.load(FILE, text, own)).as(text).isPresent();
    }
  }

  @Test
  void recursiveAliasIsAProblem() {
    loadFails("a: &a [*a]\n");

    Problem p = only(Code.Y004);
    assertThat(p.message()).contains("refers to itself");
    assertThat(p.position()).hasValueSatisfying(at -> assertThat(at.line()).isEqualTo(1));
  }

  @Test
  void recursiveAliasThroughAMappingIsAProblem() {
    loadFails("a: &a {b: {c: *a}}\n");

    assertThat(only(Code.Y004).message()).contains("refers to itself");
  }

  @Test
  void documentLargerThanTheLimitIsAProblem() {
    YamlLoader small = new YamlLoader(new YamlLimits(100, 100, 10, 1000, 10), sources);

    Optional<YamlNode> root = small.load(FILE, "a: " + "x".repeat(200), problems);

    assertThat(root).isEmpty();
    assertThat(only(Code.Y004).message()).contains("more than the size limit of 100 characters");
  }

  @Test
  @Timeout(10)
  void devZeroIsRefusedAfterReadingOnlyTheBound() {
    Path zero = Path.of("/dev/zero");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "a POSIX system");

    Optional<String> text = YamlLoader.readText(zero, "/dev/zero", 1024, problems);

    assertThat(text).isEmpty();
    assertThat(only(Code.Y004).message())
        .contains("larger than the size limit of 1024 bytes")
        .contains("reading stopped at the limit");
  }

  @Test
  void fileJustOverTheByteLimitSaysHowLargeItIs(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("platform.yaml");
    Files.write(file, new byte[1025]);

    assertThat(YamlLoader.readText(file, FILE, 1024, problems)).isEmpty();
    assertThat(only(Code.Y004).message())
        .contains("size limit of 1024 bytes")
        .contains("it has 1025 bytes");
  }

  @Test
  void fileAtTheByteLimitIsRead(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("platform.yaml");
    Files.writeString(file, "a: " + "x".repeat(1021));

    assertThat(YamlLoader.readText(file, FILE, 1024, problems)).isPresent();
    assertThat(problems.size()).isZero();
  }

  @Test
  void longListWithoutAliasesIsANodeCountProblemNotAnAliasBomb() {
    YamlLoader small = new YamlLoader(new YamlLimits(1 << 20, 1 << 20, 10, 1000, 10), sources);

    small.load(FILE, "a: [" + "1, ".repeat(2000) + "1]\n", problems);

    Problem p = only(Code.Y004);
    assertThat(p.message()).contains("more than 1000 nodes").contains("node limit");
    assertThat(p.message() + p.hint().orElse("")).doesNotContain("alias");
    assertThat(p.position()).isPresent();
  }

  @Test
  void aliasBombSaysHowManyNodesItHasAndExpandsTo() {
    YamlLoader small = new YamlLoader(new YamlLimits(1 << 20, 1 << 20, 100, 1000, 10), sources);

    small.load(
        FILE,
        """
        a: &a [x, x, x, x, x, x, x, x, x, x]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
        """,
        problems);

    assertThat(only(Code.Y004).message())
        .contains("aliases expand the document's")
        .contains("to more than 1000 nodes");
  }

  @Test
  void controlCharacterIsReportedWithItsPosition() {
    loadFails("a: ok\nb: x\u0001y\n");

    Problem p = only(Code.Y001);
    assertThat(p.message()).contains("U+0001").contains("control character");
    assertThat(p.position()).contains(SourcePosition.of(FILE, 2, 5));
  }

  @Test
  void nulIsNamed() {
    loadFails("a: \u0000\n");

    assertThat(only(Code.Y001).message()).contains("U+0000 (NUL)");
  }

  @Test
  void nonUtf8FileIsY006(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("platform.yaml");
    Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xff, (byte) 0xfe, '\n'});

    assertThat(loader.loadFile(file, FILE, problems)).isEmpty();

    Problem p = only(Code.Y006);
    assertThat(p.message()).contains("not valid UTF-8");
    assertThat(p.file()).contains(FILE);
  }

  @Test
  void latin1FileIsY006(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("platform.yaml");
    Files.write(file, "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThat(loader.loadFile(file, FILE, problems)).isEmpty();

    only(Code.Y006);
  }

  @Test
  void missingFileIsY006WithoutAPosition(@TempDir Path dir) {
    assertThat(loader.loadFile(dir.resolve("nope.yaml"), "nope.yaml", problems)).isEmpty();

    Problem p = only(Code.Y006);
    assertThat(p.message()).contains("does not exist");
    assertThat(p.position()).isEmpty();
    assertThat(p.file()).contains("nope.yaml");
  }

  @Test
  void utf8FileWithByteOrderMarkLoads(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("platform.yaml");
    Files.writeString(file, "\uFEFFname: caf\u00e9\n", StandardCharsets.UTF_8);

    YamlMapping root = (YamlMapping) loader.loadFile(file, FILE, problems).orElseThrow();

    assertThat(((YamlScalar) root.get("name").orElseThrow()).value()).isEqualTo("caf\u00e9");
  }

  @Test
  void twoDocumentsAreY005() {
    loadFails("a: 1\n---\nb: 2\n");

    Problem p = only(Code.Y005);
    assertThat(p.message()).contains("more than one YAML document");
    assertThat(p.position()).hasValueSatisfying(at -> assertThat(at.line()).isEqualTo(3));
  }

  @Test
  void emptyFileLoadsAsAnEmptyMapping() {
    YamlNode root = load("");

    assertThat(root).isEqualTo(new YamlMapping(List.of(), SourcePosition.of(FILE, 1, 1)));
  }

  @Test
  void commentOnlyFileLoadsAsAnEmptyMapping() {
    YamlNode root = load("# nothing here yet\n\n");

    assertThat(root).isInstanceOf(YamlMapping.class);
    assertThat(((YamlMapping) root).entries()).isEmpty();
  }

  @Test
  void syntaxErrorNamesFileLineAndColumn() {
    loadFails("catalogs:\n  default:\n    uri: a: b\n");

    Problem p = only(Code.Y001);
    assertThat(p.message()).startsWith("Cannot parse " + FILE + ": ");
    assertThat(p.position()).hasValueSatisfying(at -> assertThat(at.line()).isEqualTo(3));
    assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).contains("quoted"));
  }

  @Test
  void tabIndentationIsASyntaxErrorAtTheTab() {
    loadFails("storage:\n  a: 1\n\tb: 2\n");

    Problem p = only(Code.Y001);
    assertAt(p.position().orElseThrow(), 3, 1);
  }

  @Test
  void tabIndentationIsASyntaxErrorWithAHint() {
    loadFails("storage:\n\tdefault: {}\n");

    Problem p = only(Code.Y001);
    assertThat(p.position()).hasValueSatisfying(at -> assertThat(at.line()).isEqualTo(2));
    assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).contains("tabs"));
  }

  @Test
  void nonScalarKeysAreProblems() {
    loadFails("? [a, b]\n: value\n");

    assertThat(problems.sorted()).isNotEmpty();
  }

  @Test
  void loadedTextIsRecordedForSnippets() {
    load("a: 1\nb: 2\n");

    assertThat(sources.line(FILE, 2)).contains("b: 2");
  }

  private YamlNode load(String text) {
    Optional<YamlNode> root = loader.load(FILE, text, problems);
    assertThat(problems.sorted()).as("problems").isEmpty();
    return root.orElseThrow();
  }

  private void loadFails(String text) {
    Optional<YamlNode> root = loader.load(FILE, text, problems);
    assertThat(root).isEmpty();
    assertThat(problems.hasErrors()).isTrue();
  }

  private Problem only(Code code) {
    List<Problem> all = problems.sorted();
    assertThat(all).extracting(Problem::code).containsExactly(code.id());
    return all.get(0);
  }

  private static void assertAt(SourcePosition at, int line, int column) {
    assertThat(at.file()).isEqualTo(FILE);
    assertThat(at.line()).as("line").isEqualTo(line);
    assertThat(at.column()).as("column").isEqualTo(column);
  }

  private static YamlScalar.Kind kind(YamlMapping root, String key) {
    return ((YamlScalar) root.get(key).orElseThrow()).kind();
  }
}
