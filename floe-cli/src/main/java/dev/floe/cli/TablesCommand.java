package dev.floe.cli;

import dev.floe.catalog.CatalogContext;
import dev.floe.catalog.Catalogs;
import dev.floe.catalog.OpenedCatalog;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.secret.SecretResolver;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;

final class TablesCommand extends FloeSubcommand {
  final PipelineOptions pipeline = new PipelineOptions();

  List<String> namespaces = new ArrayList<>();

  TablesCommand() {
    super(
        "tables",
        "List the tables of the pipeline's catalog with row counts, snapshot time and location.");
    pipeline.addTo(args);
    args.add(
        Arg.strings(() -> namespaces, v -> namespaces = v, "-n", "--namespace")
            .paramLabel("NS")
            .description("Only the tables of these namespaces (default: every namespace)."));
  }

  @Override
  int run(Terminal terminal, Reporter reporter) {
    CompiledArtifacts artifacts = pipeline.compile(terminal, reporter).artifacts();
    Path floeYaml = terminal.resolve(pipeline.file);
    Path projectDir = floeYaml.getParent() == null ? terminal.workDir() : floeYaml.getParent();
    List<Row> rows;
    try (OpenedCatalog catalog =
        Catalogs.open(
            CatalogContext.of(
                    artifacts.catalog(),
                    artifacts.storage(),
                    SecretResolver.fromEnvironment(terminal.env(), terminal.workDir()),
                    projectDir)
                .withEnvironment(terminal.env()))) {
      rows = list(catalog);
    } catch (ProblemException e) {
      reporter.problems(e.problems(), e.sources());
      return ExitCodes.ENVIRONMENT;
    }
    if (reporter.json()) {
      reporter.success(
          json -> {
            json.writeStringField("environment", artifacts.environment());
            json.writeStringField("catalog", artifacts.catalog().profile());
            json.writeArrayFieldStart("tables");
            for (Row r : rows) {
              json.writeStartObject();
              json.writeStringField("name", r.name());
              if (r.rows().isPresent()) {
                json.writeNumberField("rows", r.rows().get());
              } else {
                json.writeNullField("rows");
              }
              json.writeStringField(
                  "snapshot_at", r.snapshotAt().map(Instant::toString).orElse(null));
              json.writeStringField("location", r.location());
              json.writeEndObject();
            }
            json.writeEndArray();
          });
      return ExitCodes.OK;
    }
    reporter.line(
        "tables of catalog '"
            + artifacts.catalog().profile()
            + "' ("
            + artifacts.catalog().value().type().wire()
            + " "
            + Describe.endpoint(artifacts.catalog().value())
            + ") · environment "
            + artifacts.environment());
    if (rows.isEmpty()) {
      reporter.line("  no tables yet: run the pipeline first (floe run)");
      return ExitCodes.OK;
    }
    int width = "table".length();
    for (Row r : rows) {
      width = Math.max(width, r.name().length());
    }
    String format = "%-" + width + "s %10s  %-20s  %s";
    reporter.line(
        String.format(Locale.ROOT, format, "table", "rows", "snapshot (UTC)", "location"));
    for (Row r : rows) {
      reporter.line(
          String.format(
              Locale.ROOT,
              format,
              r.name(),
              r.rows().map(RunSummary::rows).orElse("-"),
              r.snapshotAt().map(t -> t.toString().substring(0, 19).replace('T', ' ')).orElse("-"),
              display(r.location(), terminal)));
    }
    return ExitCodes.OK;
  }

  private List<Row> list(OpenedCatalog opened) {
    return list(opened, namespaces);
  }

  /** The tables of {@code namespaces} (every namespace when empty), sorted by name. */
  static List<Row> list(OpenedCatalog opened, List<String> namespaces) {
    List<Row> rows = new ArrayList<>();
    List<Namespace> spaces = new ArrayList<>();
    if (namespaces.isEmpty()) {
      spaces.addAll(opened.namespaces().listNamespaces());
    } else {
      namespaces.forEach(n -> spaces.add(Namespace.of(n.split("\\.", -1))));
    }
    for (Namespace ns : spaces) {
      if (!opened.namespaces().namespaceExists(ns)) {
        continue;
      }
      for (TableIdentifier id : opened.catalog().listTables(ns)) {
        Table table = opened.catalog().loadTable(id);
        Snapshot snapshot = table.currentSnapshot();
        Optional<Long> count =
            snapshot == null
                ? Optional.of(0L)
                : Optional.ofNullable(snapshot.summary().get("total-records")).map(Long::valueOf);
        rows.add(
            new Row(
                id.toString(),
                count,
                Optional.ofNullable(snapshot).map(s -> Instant.ofEpochMilli(s.timestampMillis())),
                table.location()));
      }
    }
    rows.sort(Comparator.comparing(Row::name));
    return rows;
  }

  /** A local location relative to the working folder; anything else as it is. */
  static String display(String location, Terminal terminal) {
    String path =
        location.startsWith("file:") ? location.replaceFirst("^file:(//)?", "") : location;
    if (path.startsWith("/")) {
      return dev.floe.core.diag.SourcePaths.display(Path.of(path), terminal.workDir());
    }
    return location;
  }

  record Row(String name, Optional<Long> rows, Optional<Instant> snapshotAt, String location) {}
}
