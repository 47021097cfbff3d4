package dev.floe.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.floe.core.diag.Code;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.SourcePaths;
import dev.floe.core.model.PlatformSpec;
import dev.floe.core.platform.LocatedPlatform;
import dev.floe.core.project.FloeProject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** {@code floe platform list-profiles}: the profiles of one environment, or of all side by side. */
final class ListProfilesCommand extends FloeSubcommand {
  final PlatformChoice choice = new PlatformChoice();

  boolean allEnvs;

  ListProfilesCommand() {
    super("list-profiles", "List storage, catalog and compute profiles with type and endpoint.");
    choice.addTo(args);
    args.add(
        Arg.option(boolean.class, v -> allEnvs = v, "--all-envs")
            .description("List every platform/*/ side by side."));
  }

  /** One profile row. */
  record Row(String kind, String name, String type, String endpoint, String credentials) {}

  @Override
  int run(Terminal terminal, Reporter reporter) throws IOException {
    List<LocatedPlatform> platforms = new ArrayList<>();
    if (allEnvs && choice.given()) {
      throw usageError(
          "--all-envs lists every environment: do not combine it with --env or --platform");
    }
    FloeProject project = terminal.project();
    if (allEnvs) {
      List<String> envs = project.environments(terminal.platformRequest().build());
      List<Problem> problems = new ArrayList<>();
      for (String env : envs) {
        try {
          platforms.add(
              project.platform(
                  terminal
                      .platformRequest()
                      .platform(Path.of("platform", env))
                      .environment(env)
                      .build()));
        } catch (ProblemException e) {
          problems.addAll(e.problems());
        }
      }
      if (!problems.isEmpty()) {
        throw new ProblemException(problems, project.sources());
      }
      if (envs.isEmpty()) {
        throw new ProblemException(
            Problem.error(
                    Code.E050,
                    "Cannot list environments: no platform/<env>/platform.yaml below "
                        + SourcePaths.display(terminal.workDir(), terminal.workDir()))
                .hint("run from the folder that holds platform/, or use --platform PATH")
                .build());
      }
    } else {
      platforms.add(project.platform(choice.request(terminal)));
    }
    if (reporter.json()) {
      reporter.success(json -> json(json, platforms));
    } else if (platforms.size() == 1) {
      LocatedPlatform p = platforms.get(0);
      reporter.line("environment  " + p.environment() + "  (" + p.source() + ")");
      reporter.line(
          String.format(
              "%-8s %-14s %-12s %-48s %s", "KIND", "NAME", "TYPE", "ENDPOINT", "CREDENTIALS"));
      for (Row r : rows(p.platform().value())) {
        reporter.line(
            String.format(
                "%-8s %-14s %-12s %-48s %s",
                r.kind(), r.name(), r.type(), r.endpoint(), r.credentials()));
      }
    } else {
      sideBySide(reporter, platforms);
    }
    return ExitCodes.OK;
  }

  static List<Row> rows(PlatformSpec p) {
    List<Row> rows = new ArrayList<>();
    p.storage()
        .forEach(
            (n, s) ->
                rows.add(
                    new Row(
                        "storage",
                        n,
                        s.type().wire(),
                        Describe.endpoint(s),
                        Describe.credentials(s.credentials()))));
    p.catalogs()
        .forEach(
            (n, c) ->
                rows.add(
                    new Row(
                        "catalog",
                        n,
                        c.type().wire(),
                        Describe.endpoint(c),
                        Describe.credentials(c.credentials()))));
    p.compute()
        .forEach(
            (n, c) ->
                rows.add(
                    new Row(
                        "compute",
                        n,
                        c.type().wire(),
                        Describe.endpoint(c),
                        Describe.credentials(c.credentials()))));
    return rows;
  }

  private static void sideBySide(Reporter reporter, List<LocatedPlatform> platforms) {
    Map<String, Map<String, Row>> byKey = new LinkedHashMap<>();
    TreeSet<String> keys = new TreeSet<>();
    for (LocatedPlatform p : platforms) {
      Map<String, Row> rows = new LinkedHashMap<>();
      for (Row r : rows(p.platform().value())) {
        rows.put(r.kind() + " " + r.name(), r);
        keys.add(r.kind() + " " + r.name());
      }
      byKey.put(p.environment(), rows);
    }
    StringBuilder header = new StringBuilder(String.format("%-22s", "PROFILE"));
    platforms.forEach(p -> header.append(String.format(" %-12s", p.environment())));
    reporter.line(header.toString().stripTrailing());
    for (String key : keys) {
      StringBuilder line = new StringBuilder(String.format("%-22s", key));
      for (LocatedPlatform p : platforms) {
        Row r = byKey.get(p.environment()).get(key);
        line.append(String.format(" %-12s", r == null ? "-" : r.type()));
      }
      reporter.line(line.toString().stripTrailing());
    }
    reporter.line("");
    for (LocatedPlatform p : platforms) {
      reporter.line(p.environment() + "  (" + p.source() + ")");
      for (Row r : rows(p.platform().value())) {
        reporter.line(
            String.format(
                "  %-8s %-14s %s  [%s]", r.kind(), r.name(), r.endpoint(), r.credentials()));
      }
    }
  }

  /**
   * The fields after the envelope: one environment's profiles beside {@code problems}, or with
   * {@code --all-envs} an {@code environments} array of them.
   */
  private void json(JsonGenerator json, List<LocatedPlatform> platforms) throws IOException {
    if (allEnvs) {
      json.writeArrayFieldStart("environments");
      for (LocatedPlatform p : platforms) {
        json.writeStartObject();
        fields(json, p);
        json.writeEndObject();
      }
      json.writeEndArray();
    } else {
      fields(json, platforms.get(0));
    }
  }

  private static void fields(JsonGenerator json, LocatedPlatform p) throws IOException {
    json.writeStringField("environment", p.environment());
    json.writeStringField("source", p.source());
    List<Row> rows = rows(p.platform().value());
    for (String[] kind :
        new String[][] {{"storage", "storage"}, {"catalogs", "catalog"}, {"compute", "compute"}}) {
      json.writeArrayFieldStart(kind[0]);
      for (Row r : rows) {
        if (r.kind().equals(kind[1])) {
          json.writeStartObject();
          json.writeStringField("name", r.name());
          json.writeStringField("type", r.type());
          json.writeStringField("endpoint", r.endpoint());
          json.writeStringField("credentials", r.credentials());
          json.writeEndObject();
        }
      }
      json.writeEndArray();
    }
  }
}
