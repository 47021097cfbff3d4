package dev.floe.cli;

import dev.floe.catalog.CatalogContext;
import dev.floe.catalog.Catalogs;
import dev.floe.catalog.OpenedCatalog;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.secret.SecretResolver;
import dev.floe.runtime.RuntimeCode;
import dev.floe.runtime.compute.ComputeEngine;
import dev.floe.runtime.compute.ComputeEngines;
import dev.floe.runtime.sql.SqlQueries;
import dev.floe.runtime.table.IcebergRunTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

final class QueryCommand extends FloeSubcommand {
  String sql;

  final PipelineOptions pipeline = new PipelineOptions();

  int limit = 100;

  QueryCommand() {
    super(
        "query",
        "Run one read-only SELECT on the compute engine over the pipeline's Iceberg tables"
            + " (silver.stg_orders), to look at what a run built.");
    args.add(
        Arg.positional(String.class, v -> sql = v)
            .index("0")
            .arity("0..1")
            .paramLabel("SQL")
            .description("One SELECT (WITH allowed)."));
    pipeline.addTo(args);
    args.add(
        Arg.option(int.class, v -> limit = v, "--limit")
            .paramLabel("N")
            .defaultValue("100")
            .description("At most N rows (default: ${DEFAULT-VALUE})."));
  }

  @Override
  Set<Format> formats() {
    return EnumSet.of(Format.text, Format.json, Format.csv);
  }

  @Override
  int run(Terminal terminal, Reporter reporter) throws IOException {
    if (sql == null || sql.isBlank()) {
      throw usageError("give the query: floe query \"SELECT * FROM silver.stg_orders\"");
    }
    if (limit < 1) {
      throw usageError("--limit must be at least 1, got " + limit);
    }
    CompiledArtifacts artifacts = pipeline.compile(terminal, reporter).artifacts();
    List<String> tables = SqlQueries.tables(sql, artifacts.catalog().value().namespace());
    Path floeYaml = terminal.resolve(pipeline.file);
    Path projectDir = floeYaml.getParent() == null ? terminal.workDir() : floeYaml.getParent();
    SecretResolver secrets = SecretResolver.fromEnvironment(terminal.env(), terminal.workDir());
    Path scratch = Files.createTempDirectory("floe-query-");
    List<String> columns = new ArrayList<>();
    List<List<Object>> rows = new ArrayList<>();
    boolean more;
    try (OpenedCatalog catalog =
            Catalogs.open(
                CatalogContext.of(artifacts.catalog(), artifacts.storage(), secrets, projectDir)
                    .withEnvironment(terminal.env()));
        ComputeEngine engine = ComputeEngines.open(artifacts.compute(), secrets, projectDir);
        IcebergRunTables helpers = IcebergRunTables.create(catalog, engine, scratch);
        Connection connection = engine.connect()) {
      for (String table : tables) {
        helpers.load(connection, table);
      }
      more = select(connection, columns, rows);
    } catch (SQLException e) {
      // Closing the engine connection failed; the rows are read already.
      more = rows.size() > limit;
    } catch (ProblemException e) {
      reporter.problems(e.problems(), e.sources());
      return e.problems().stream().anyMatch(p -> p.code().startsWith("FLOE-U044"))
          ? ExitCodes.INPUT
          : ExitCodes.ENVIRONMENT;
    } finally {
      dev.floe.runtime.engine.RunResources.TablesFactory.deleteQuietly(scratch);
    }
    QueryOutput.print(reporter, terminal, format, columns, rows, more, limit);
    return ExitCodes.OK;
  }

  /** Runs the query; true when it had more rows than the limit. */
  private boolean select(Connection connection, List<String> columns, List<List<Object>> rows) {
    try (Statement statement = connection.createStatement()) {
      statement.setMaxRows(limit + 1);
      try (ResultSet result = statement.executeQuery(sql)) {
        ResultSetMetaData meta = result.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          columns.add(meta.getColumnLabel(i));
        }
        while (result.next()) {
          if (rows.size() == limit) {
            return true;
          }
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= columns.size(); i++) {
            row.add(result.getObject(i));
          }
          rows.add(row);
        }
        return false;
      }
    } catch (SQLException e) {
      throw new ProblemException(
          Problem.error(RuntimeCode.U041, "the query failed: " + e.getMessage())
              .hint("check the SQL against the tables: ./floe tables")
              .build());
    }
  }
}
