package dev.floe.runtime.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemCodes;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.SourcePaths;
import dev.floe.core.diag.SourcePosition;
import dev.floe.core.diag.TextRenderer;
import dev.floe.core.model.FloeSpec;
import dev.floe.runtime.AssetContext;
import dev.floe.runtime.FloeAsset;
import dev.floe.runtime.FloeDefinitions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Load-time problems of SQL transforms, at the file, line and column of the .sql file. */
class SqlDiagnosticsTest {
  @TempDir Path dir;

  private List<Problem> problems(List<FloeSpec.Transform> transforms, List<String> javaOutputs) {
    List<Problem> problems = new ArrayList<>();
    SqlTransforms.read(transforms, dir, "demo", javaOutputs, problems);
    return problems;
  }

  private String display(String file) {
    return SourcePaths.display(dir.resolve(file), Path.of(""));
  }

  @Test
  void anUnknownTableIsReportedAtItsLineAndColumnWithTheClosestName() {
    SqlProject.write(
        dir,
        "sql/silver/stg_orders.sql",
        """
        SELECT o.order_id,
               c.name
        FROM bronze.raw_orders o
          JOIN bronze.raw_customer c USING (customer_id)
        """);
    List<Problem> problems =
        problems(
            List.of(SqlProject.sql("sql")), List.of("bronze.raw_orders", "bronze.raw_customers"));
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo("FLOE-Q002");
              assertThat(p.message())
                  .isEqualTo(
                      "the query of asset stg_orders reads bronze.raw_customer, which no asset of the"
                          + " pipeline writes");
              assertThat(p.position())
                  .hasValue(
                      new SourcePosition(
                          display("sql/silver/stg_orders.sql"),
                          4,
                          8,
                          "bronze.raw_customer".length()));
              assertThat(p.suggestion()).hasValue("bronze.raw_customers");
              assertThat(p.hint()).hasValue("did you mean bronze.raw_customers?");
            });
  }

  @Test
  void theRenderedProblemShowsTheLineWithACaret() {
    SqlProject.write(dir, "sql/gold/mart.sql", "SELECT *\nFROM silver.nothing\n");
    ProblemException e = build(List.of(SqlProject.sql("sql")));
    String text = new TextRenderer(e.sources(), TextRenderer.Colour.PLAIN).render(e.problems());
    assertThat(text)
        .contains("error[FLOE-Q002]")
        .contains(display("sql/gold/mart.sql") + ":2:6")
        .contains("FROM silver.nothing")
        .contains("^^^^^^^^^^^^^^");
  }

  @Test
  void aParseErrorCarriesDuckDbsMessageAtItsPosition() {
    SqlProject.write(dir, "sql/silver/bad.sql", "SELECT id,\n  name\nFROM bronze.t\nWHER id = 1\n");
    List<Problem> problems = problems(List.of(SqlProject.sql("sql")), List.of("bronze.t"));
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo("FLOE-Q001");
              assertThat(p.message())
                  .startsWith("the SQL of asset bad does not parse: syntax error");
              assertThat(p.position())
                  .hasValueSatisfying(
                      pos -> {
                        assertThat(pos.line()).isEqualTo(4);
                        assertThat(pos.column()).isEqualTo(6);
                      });
            });
  }

  @Test
  void onlyASingleSelectIsAllowed() {
    SqlProject.write(dir, "sql/a.sql", "INSERT INTO demo.x SELECT 1");
    SqlProject.write(dir, "sql/b.sql", "SELECT 1;\nSELECT 2;\n");
    SqlProject.write(dir, "sql/c.sql", "CREATE TABLE demo.c AS SELECT 1");
    List<Problem> problems = problems(List.of(SqlProject.sql("sql")), List.of());
    assertThat(problems).extracting(Problem::code).containsOnly("FLOE-Q003").hasSize(3);
    assertThat(problems.get(1).message()).contains("2 statements");
    assertThat(problems.get(1).position().orElseThrow().line()).isEqualTo(2);
    assertThat(problems.get(0).hint().orElseThrow()).contains("demo.a").contains("INSERT");
  }

  @Test
  void dbtIsAClearNotSupportedYetError() {
    List<Problem> problems = problems(List.of(SqlProject.dbt("./dbt")), List.of());
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo("FLOE-Q004");
              assertThat(p.message())
                  .contains("dbt transforms are not supported yet")
                  .contains("./dbt");
              assertThat(p.path()).hasValue("transforms[0].type");
              assertThat(p.hint().orElseThrow()).contains("type: sql").contains("@FloeAsset");
            });
  }

  @Test
  void aMissingOrEmptyFolderIsReported() throws Exception {
    Files.createDirectories(dir.resolve("empty/silver"));
    SqlProject.write(dir, "empty/silver/notes.txt", "not SQL");
    SqlProject.write(dir, "file.sql", "SELECT 1");
    List<Problem> problems =
        problems(
            List.of(SqlProject.sql("missing"), SqlProject.sql("empty"), SqlProject.sql("file.sql")),
            List.of());
    assertThat(problems).extracting(Problem::code).containsOnly("FLOE-Q005");
    assertThat(problems)
        .extracting(p -> p.path().orElseThrow())
        .containsExactly("transforms[0].path", "transforms[1].path", "transforms[2].path");
    assertThat(problems.get(0).message()).contains("missing does not exist");
    assertThat(problems.get(1).message()).contains("holds no .sql file");
    assertThat(problems.get(2).message()).contains("is not a folder");
  }

  @Test
  void fileAndFolderNamesMustBeNames() {
    SqlProject.write(dir, "sql/silver/stg-orders.sql", "SELECT 1");
    SqlProject.write(dir, "sql/gold layer/mart.sql", "SELECT 1");
    SqlProject.write(dir, "sql/silver/ok.sql", "SELECT 1");
    List<Problem> problems = problems(List.of(SqlProject.sql("sql")), List.of());
    assertThat(problems).extracting(Problem::code).containsExactly("FLOE-Q006", "FLOE-Q006");
    assertThat(problems.get(0).message()).contains("'gold layer' is not a valid namespace");
    assertThat(problems.get(1).message()).contains("'stg-orders' is not a valid asset");
    assertThat(problems.get(1).file()).hasValue(display("sql/silver/stg-orders.sql"));
  }

  @Test
  void aQueryMayNotReadItsOwnTable() {
    SqlProject.write(dir, "sql/silver/loop.sql", "SELECT * FROM silver.loop");
    List<Problem> problems = problems(List.of(SqlProject.sql("sql")), List.of());
    assertThat(problems).singleElement().extracting(Problem::code).isEqualTo("FLOE-Q007");
  }

  @Test
  void bareNamesAreQualifiedForTheEngine() {
    SqlProject.write(
        dir,
        "sql/gold/g.sql",
        "WITH o AS (SELECT * FROM orders) SELECT * FROM o JOIN \"customers\" USING (id)");
    List<Problem> problems = new ArrayList<>();
    SqlTransforms.Result result =
        SqlTransforms.read(
            List.of(SqlProject.sql("sql")),
            dir,
            "demo",
            List.of("demo.orders", "demo.customers"),
            problems);
    assertThat(problems).isEmpty();
    assertThat(result.assets())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.inputs()).containsExactly("demo.orders", "demo.customers");
              assertThat(a.body())
                  .asInstanceOf(type(SqlBody.class))
                  .extracting(SqlBody::sql)
                  .isEqualTo(
                      "WITH o AS (SELECT * FROM demo.orders) SELECT * FROM o JOIN demo.\"customers\""
                          + " USING (id)");
            });
  }

  @Test
  void tableNamesMatchWithoutRegardToCase() {
    SqlProject.write(dir, "sql/silver/s.sql", "SELECT * FROM Bronze.Raw_Orders");
    List<Problem> problems = new ArrayList<>();
    SqlTransforms.Result result =
        SqlTransforms.read(
            List.of(SqlProject.sql("sql")), dir, "demo", List.of("bronze.raw_orders"), problems);
    assertThat(problems).isEmpty();
    assertThat(result.assets().get(0).inputs()).containsExactly("bronze.raw_orders");
  }

  public static final class Broken {
    @FloeAsset(outputs = "bronze.orders", deps = "nothing")
    public long orders(AssetContext context) {
      return 0;
    }
  }

  private ProblemException build(List<FloeSpec.Transform> transforms) {
    CompiledArtifacts artifacts = SqlProject.compile(dir, transforms);
    try {
      FloeDefinitions.builder()
          .artifacts(artifacts)
          .projectDir(dir)
          .assetClasses(Broken.class)
          .writeRunDocuments(false)
          .build();
    } catch (ProblemException e) {
      return e;
    }
    throw new AssertionError("expected problems");
  }

  @Test
  void sqlAndJavaProblemsAreReportedTogether() {
    SqlProject.write(dir, "sql/silver/a.sql", "SELECT * FROM bronze.order");
    SqlProject.write(dir, "sql/silver/b.sql", "SELEC 1");
    ProblemException e = build(List.of(SqlProject.sql("sql"), SqlProject.dbt("dbt")));
    assertThat(e.problems())
        .extracting(Problem::code)
        .containsExactlyInAnyOrder("FLOE-Q001", "FLOE-Q002", "FLOE-Q004", "FLOE-U005");
    assertThat(e.sources().line(display("sql/silver/b.sql"), 1)).hasValue("SELEC 1");
  }

  @Test
  void aPipelineOfSqlTransformsAloneNeedsNoJavaAsset() {
    SqlProject.write(dir, "sql/numbers.sql", "SELECT * FROM range(3) t(n)");
    CompiledArtifacts artifacts = SqlProject.compile(dir, List.of(SqlProject.sql("sql")));
    FloeDefinitions defs = FloeDefinitions.builder().artifacts(artifacts).projectDir(dir).build();
    assertThat(defs.assets())
        .singleElement()
        .satisfies(a -> assertThat(a.outputs()).containsExactly("demo.numbers"));
  }

  @Test
  void everyCodeIsDocumented() {
    ProblemCodes.checkUniqueAndDocumented(Path.of("..", "docs", "errors.md"));
  }
}
