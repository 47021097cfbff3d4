package dev.floe.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.runtime.engine.TableNames;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetGraphTest {
  @TempDir static Path dir;
  static CompiledArtifacts artifacts;

  @BeforeAll
  static void compile() {
    artifacts = TestArtifacts.compile(dir, "local");
  }

  public static final class Chain {
    @FloeAsset(outputs = "bronze.raw", group = "bronze")
    public void raw() {}

    @FloeAsset(inputs = "bronze.raw", outputs = "silver.clean", group = "silver")
    public void clean() {}

    @FloeAsset(
        inputs = {"silver.clean", "external.lookup"},
        outputs = "gold.mart",
        group = "gold")
    public void mart() {}

    @FloeAsset(deps = "mart", name = "report")
    public void publishReport() {}

    @FloeAsset(outputs = "bronze.other")
    public void unrelated() {}
  }

  public static final class Broken {
    @FloeAsset(outputs = "bronze.x")
    public void a() {}

    @FloeAsset(name = "a", outputs = "bronze.y")
    public void duplicate() {}

    @FloeAsset(outputs = "bronze.x")
    public void secondWriter() {}

    @FloeAsset(deps = "mrt")
    public void unknownDep() {}

    @FloeAsset(inputs = "c2.out", outputs = "c1.out")
    public void cycleOne() {}

    @FloeAsset(inputs = "c1.out", outputs = "c2.out")
    public void cycleTwo() {}

    @FloeAsset
    public void needsString(String name, Connection fine) {}

    @FloeAsset(outputs = "not a table")
    public void badTable() {}

    @FloeAsset(metadata = "no-equals-sign")
    public void badMetadata() {}

    @FloeAsset
    public String badReturn() {
      return "";
    }

    @FloeAsset
    public static void isStatic() {}
  }

  static class NotPublic {
    @FloeAsset
    public void x() {}
  }

  public static final class NoConstructor {
    public NoConstructor(int ignored) {}

    @FloeAsset
    public void x() {}
  }

  private static FloeDefinitions defs(Class<?>... classes) {
    return FloeDefinitions.builder()
        .artifacts(artifacts)
        .projectDir(dir)
        .assetClasses(classes)
        .writeRunDocuments(false)
        .build();
  }

  private static List<Problem> problems(Class<?>... classes) {
    try {
      defs(classes);
    } catch (ProblemException e) {
      return e.problems();
    }
    throw new AssertionError("expected problems");
  }

  private static List<String> names(FloeDefinitions defs) {
    return defs.assets().stream().map(FloeDefinitions.Asset::name).toList();
  }

  @Test
  void namesDefaultToTheMethodInSnakeCaseAndOrderIsTopological() {
    FloeDefinitions defs = defs(Chain.class);
    assertThat(names(defs)).containsExactly("raw", "clean", "mart", "report", "unrelated");
    FloeDefinitions.Asset mart = defs.assets().get(2);
    assertThat(mart.upstream()).containsExactly("clean");
    assertThat(mart.inputs()).containsExactly("silver.clean", "external.lookup");
    assertThat(mart.origin()).isEqualTo(Chain.class.getName() + "#mart");
    assertThat(TableNames.snakeCase("rawOrderItems")).isEqualTo("raw_order_items");
    assertThat(TableNames.snakeCase("loadHTTPLogs")).isEqualTo("load_http_logs");
    assertThat(TableNames.snakeCase("already_snake")).isEqualTo("already_snake");
  }

  @Test
  void tablesWithoutANamespaceGoIntoTheCatalogNamespace() {
    assertThat(TableNames.normalize("orders", "demo")).isEqualTo("demo.orders");
    assertThat(TableNames.normalize("silver.orders", "demo")).isEqualTo("silver.orders");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    List<Problem> problems = problems(Broken.class, NotPublic.class, NoConstructor.class);
    assertThat(problems)
        .extracting(Problem::code)
        .contains(
            "FLOE-U001",
            "FLOE-U002",
            "FLOE-U003",
            "FLOE-U004",
            "FLOE-U005",
            "FLOE-U006",
            "FLOE-U007",
            "FLOE-U008",
            "FLOE-U009");
    assertThat(messages(problems, "FLOE-U003")).contains("asset name 'a' is used by 2 assets");
    assertThat(messages(problems, "FLOE-U004"))
        .contains("table bronze.x is written by a and second_writer");
    assertThat(messages(problems, "FLOE-U006"))
        .contains("cycle: cycle_one → cycle_two → cycle_one");
    assertThat(messages(problems, "FLOE-U002"))
        .contains(NotPublic.class.getName() + " is not public")
        .contains(NoConstructor.class.getName() + " has no public no-argument constructor");
    Problem inject =
        problems.stream().filter(p -> p.code().equals("FLOE-U007")).findFirst().orElseThrow();
    assertThat(inject.message())
        .contains("of type java.lang.String")
        .contains(Broken.class.getName() + "#needsString");
    assertThat(inject.hint().orElseThrow())
        .contains("AssetContext", "org.apache.iceberg.catalog.Catalog", "java.sql.Connection")
        .contains("resource(String.class");
    Problem dep =
        problems.stream().filter(p -> p.code().equals("FLOE-U005")).findFirst().orElseThrow();
    assertThat(dep.message()).contains("'mrt'");
    assertThat(messages(problems, "FLOE-U001")).contains("returns String").contains("static");
  }

  @Test
  void anUnknownDepGetsASuggestion() {
    List<Problem> problems = problems(Chain.class, Typo.class);
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo("FLOE-U005");
              assertThat(p.suggestion()).contains("clean");
            });
  }

  public static final class Typo {
    @FloeAsset(deps = "clen")
    public void typo() {}
  }

  @Test
  void selectionsTakeUpstreamDownstreamAndGroups() {
    FloeDefinitions defs = defs(Chain.class);
    assertThat(select(defs, "mart")).containsExactly("mart");
    assertThat(select(defs, "+mart")).containsExactly("raw", "clean", "mart");
    assertThat(select(defs, "clean+")).containsExactly("clean", "mart", "report");
    assertThat(select(defs, "+clean+")).containsExactly("raw", "clean", "mart", "report");
    assertThat(select(defs, "group:bronze")).containsExactly("raw");
    assertThat(select(defs, "unrelated", "raw")).containsExactly("raw", "unrelated");
    assertThatThrownBy(() -> select(defs, "mrat", "group:nope"))
        .isInstanceOf(ProblemException.class)
        .satisfies(
            e -> {
              List<Problem> p = ((ProblemException) e).problems();
              assertThat(p).extracting(Problem::code).containsOnly("FLOE-U012");
              assertThat(p).hasSize(2);
              assertThat(p.get(0).hint().orElseThrow()).contains("did you mean 'mart'?");
              assertThat(p.get(1).hint().orElseThrow()).contains("bronze", "gold", "silver");
            });
  }

  @Test
  void discoveryFindsAssetClassesInTheArtifactPackages() {
    FloeDefinitions defs =
        FloeDefinitions.builder()
            .artifacts(TestArtifacts.withPackages(artifacts, List.of("dev.floe.runtime.fixtures")))
            .projectDir(dir)
            .writeRunDocuments(false)
            .build();
    assertThat(defs.assets())
        .extracting(FloeDefinitions.Asset::name)
        .containsExactly("first", "second_step");
  }

  @Test
  void packagesWithoutAssetsAreAProblem() {
    assertThatThrownBy(
            () ->
                FloeDefinitions.builder()
                    .artifacts(TestArtifacts.withPackages(artifacts, List.of("com.example.none")))
                    .projectDir(dir)
                    .build())
        .isInstanceOf(ProblemException.class)
        .satisfies(
            e -> {
              Problem p = ((ProblemException) e).problems().get(0);
              assertThat(p.code()).isEqualTo("FLOE-U010");
              assertThat(p.message()).contains("com.example.none");
              assertThat(p.hint().orElseThrow()).contains("--classpath");
            });
  }

  private static List<String> select(FloeDefinitions defs, String... selectors) {
    return defs.select(List.of(selectors)).stream().map(FloeDefinitions.Asset::name).toList();
  }

  private static String messages(List<Problem> problems, String code) {
    return String.join(
        "\n", problems.stream().filter(p -> p.code().equals(code)).map(Problem::message).toList());
  }
}
