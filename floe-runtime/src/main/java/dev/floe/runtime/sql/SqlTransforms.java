package dev.floe.runtime.sql;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.SourcePaths;
import dev.floe.core.diag.SourcePosition;
import dev.floe.core.diag.SourceTexts;
import dev.floe.core.internal.spelling.Suggestions;
import dev.floe.core.model.FloeSpec;
import dev.floe.core.model.TransformType;
import dev.floe.runtime.RuntimeCode;
import dev.floe.runtime.engine.AssetSpec;
import dev.floe.runtime.engine.TableNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the SQL transforms of a pipeline into assets: every {@code .sql} file under the path of a
 * {@code type: sql} transform is one asset, {@code sql/silver/stg_orders.sql} the asset {@code
 * stg_orders} writing {@code silver.stg_orders}. Its inputs are the tables its query reads, found
 * with DuckDB's parser; a table that no asset writes is a problem at the file, line and column of
 * the reference.
 */
@Api(status = Api.Status.INTERNAL)
public final class SqlTransforms {
  /** The kind of every SQL asset, as tracing and lineage show it. */
  public static final String KIND = "sql";

  private static final String SUFFIX = ".sql";

  private SqlTransforms() {}

  /**
   * The assets of SQL transforms and the texts of their files.
   *
   * @param assets one asset per readable, parseable file, in file order
   * @param sources the text of every file read, by the name problems give it
   */
  public record Result(List<AssetSpec> assets, SourceTexts sources) {
    public Result {
      assets = List.copyOf(assets);
      requireNonNull(sources, "sources");
    }
  }

  /**
   * Reads every transform of {@code transforms}.
   *
   * @param transforms the artifact's transforms
   * @param projectDir the folder holding floe.yaml, against which transform paths resolve
   * @param defaultNamespace the namespace of files directly under a path and of bare table names
   * @param otherOutputs the tables the other (Java) assets write, which queries may read
   * @param problems where problems go: every problem of every file
   * @return the assets without problems, and the texts of every file read
   */
  public static Result read(
      List<FloeSpec.Transform> transforms,
      Path projectDir,
      String defaultNamespace,
      Collection<String> otherOutputs,
      List<Problem> problems) {
    SourceTexts sources = new SourceTexts();
    if (transforms.isEmpty()) {
      return new Result(List.of(), sources);
    }
    List<SqlFile> files = new ArrayList<>();
    for (int i = 0; i < transforms.size(); i++) {
      FloeSpec.Transform transform = transforms.get(i);
      if (transform.type() == TransformType.DBT) {
        problems.add(dbt(transform, i));
      } else {
        files.addAll(find(transform, i, projectDir, defaultNamespace, problems));
      }
    }
    if (files.isEmpty()) {
      return new Result(List.of(), sources);
    }
    Map<String, String> known = new TreeMap<>();
    for (String table : otherOutputs) {
      known.put(table.toLowerCase(Locale.ROOT), table);
    }
    for (SqlFile file : files) {
      known.putIfAbsent(file.output.toLowerCase(Locale.ROOT), file.output);
    }
    List<AssetSpec> assets = new ArrayList<>();
    try (SqlParser parser = new SqlParser()) {
      for (SqlFile file : files) {
        read(file, parser, defaultNamespace, known, sources, problems).ifPresent(assets::add);
      }
    }
    return new Result(assets, sources);
  }

  private static Problem dbt(FloeSpec.Transform transform, int index) {
    return Problem.error(
            RuntimeCode.Q004,
            "dbt transforms are not supported yet: transforms["
                + index
                + "] (path "
                + transform.path()
                + ") cannot run")
        .path("transforms[" + index + "].type")
        .hint(
            "write each model as a SELECT in a .sql file of a `type: sql` transform, or as an"
                + " @FloeAsset method; or run dbt on its own before floe")
        .build();
  }

  /** One {@code .sql} file and the asset it becomes. */
  private record SqlFile(
      Path path,
      String display,
      String origin,
      String name,
      Optional<String> group,
      String output) {}

  private static List<SqlFile> find(
      FloeSpec.Transform transform,
      int index,
      Path projectDir,
      String defaultNamespace,
      List<Problem> problems) {
    Path root = projectDir.resolve(transform.path()).normalize();
    String field = "transforms[" + index + "].path";
    if (!Files.isDirectory(root)) {
      problems.add(
          Problem.error(
                  RuntimeCode.Q005,
                  "the SQL transform folder "
                      + transform.path()
                      + (Files.exists(root) ? " is not a folder" : " does not exist")
                      + " (resolved to "
                      + root
                      + ")")
              .path(field)
              .hint("make the folder and put one .sql file per asset in it, or fix the path")
              .build());
      return List.of();
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root)) {
      paths =
          walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(SUFFIX))
              .sorted(Comparator.comparing(p -> slashes(root.relativize(p))))
              .toList();
    } catch (IOException e) {
      problems.add(
          Problem.error(
                  RuntimeCode.Q005,
                  "the SQL transform folder " + transform.path() + " cannot be read: " + e)
              .path(field)
              .cause(e)
              .build());
      return List.of();
    }
    if (paths.isEmpty()) {
      problems.add(
          Problem.error(
                  RuntimeCode.Q005,
                  "the SQL transform folder " + transform.path() + " holds no .sql file")
              .path(field)
              .hint(
                  "add one .sql file per asset, e.g. "
                      + slashes(Path.of(transform.path()).resolve("silver/stg_orders.sql")))
              .build());
      return List.of();
    }
    List<SqlFile> out = new ArrayList<>();
    for (Path path : paths) {
      Path under = root.relativize(path);
      String fileName = path.getFileName().toString();
      String name = fileName.substring(0, fileName.length() - SUFFIX.length());
      Path parent = under.getParent();
      Optional<String> folder =
          parent == null ? Optional.empty() : Optional.of(String.valueOf(parent.getFileName()));
      String display = SourcePaths.display(path, Path.of(""));
      String origin =
          slashes(
              projectDir
                  .toAbsolutePath()
                  .normalize()
                  .relativize(path.toAbsolutePath().normalize()));
      if (!identifier(name) || folder.filter(f -> !identifier(f)).isPresent()) {
        boolean badName = !identifier(name);
        problems.add(
            Problem.error(
                    RuntimeCode.Q006,
                    "the SQL file "
                        + origin
                        + " cannot be an asset: "
                        + (badName
                            ? "'" + name + "' is not a valid asset and table name"
                            : "its folder '" + folder.orElse("") + "' is not a valid namespace"))
                .file(display)
                .hint(
                    "name SQL files and their folders with letters, digits and underscores,"
                        + " starting with a letter: silver/stg_orders.sql")
                .build());
        continue;
      }
      String namespace = folder.orElse(defaultNamespace);
      out.add(new SqlFile(path, display, origin, name, folder, namespace + "." + name));
    }
    return out;
  }

  private static Optional<AssetSpec> read(
      SqlFile file,
      SqlParser parser,
      String defaultNamespace,
      Map<String, String> known,
      SourceTexts sources,
      List<Problem> problems) {
    String raw;
    try {
      raw = Files.readString(file.path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.add(
          Problem.error(RuntimeCode.Q008, "the SQL file " + file.origin + " cannot be read: " + e)
              .file(file.display)
              .hint("save it as UTF-8 text readable by the user running floe")
              .cause(e)
              .build());
      return Optional.empty();
    }
    sources.put(file.display, raw);
    SqlText text = new SqlText(raw);
    SqlParser.Parsed parsed = parser.parse(text);
    if (parsed instanceof SqlParser.Failure failure) {
      problems.add(failure(file, text, failure));
      return Optional.empty();
    }
    List<TableRef> refs = ((SqlParser.Query) parsed).tables();
    Set<String> inputs = new LinkedHashSet<>();
    int before = problems.size();
    for (TableRef ref : refs) {
      String qualified = ref.qualified(defaultNamespace);
      String table = known.get(qualified.toLowerCase(Locale.ROOT));
      if (table == null) {
        problems.add(unknown(file, text, ref, qualified, known.values()));
      } else if (table.equals(file.output)) {
        problems.add(
            Problem.error(
                    RuntimeCode.Q007,
                    "the query of asset " + file.name + " reads " + table + ", the table it writes")
                .at(position(file, text, ref.offset(), ref.length()))
                .hint("read the tables upstream of " + table + " instead")
                .build());
      } else {
        inputs.add(table);
      }
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new AssetSpec(
            file.name,
            file.group,
            KIND,
            "SQL transform " + file.origin,
            List.copyOf(inputs),
            List.of(file.output),
            List.of(),
            Map.of(),
            file.origin,
            new SqlBody(file.output, qualify(raw, refs, defaultNamespace))));
  }

  private static Problem failure(SqlFile file, SqlText text, SqlParser.Failure failure) {
    SourcePosition at = position(file, text, failure.offset(), failure.length());
    if (failure.reason() == SqlParser.Reason.SYNTAX) {
      return Problem.error(
              RuntimeCode.Q001,
              "the SQL of asset " + file.name + " does not parse: " + failure.message())
          .at(at)
          .hint("fix the query; floe reads it as DuckDB SQL")
          .build();
    }
    return Problem.error(
            RuntimeCode.Q003,
            "the SQL file "
                + file.origin
                + " must hold a single SELECT (optionally WITH ...), but "
                + failure.message())
        .at(at)
        .hint(
            "write only the query: floe creates or replaces "
                + file.output
                + " with its result, so leave out INSERT, CREATE and other statements")
        .build();
  }

  private static Problem unknown(
      SqlFile file, SqlText text, TableRef ref, String qualified, Collection<String> known) {
    Optional<String> closest = Suggestions.closest(qualified, known);
    return Problem.error(
            RuntimeCode.Q002,
            "the query of asset "
                + file.name
                + " reads "
                + qualified
                + ", which no asset of the pipeline writes")
        .at(position(file, text, ref.offset(), ref.length()))
        .hint(
            closest
                .map(c -> "did you mean " + c + "?")
                .orElse(
                    "SQL transforms read tables that assets write; known tables: "
                        + known.stream().sorted().collect(Collectors.joining(", "))))
        .suggestionInHint(closest.orElse(null))
        .build();
  }

  private static SourcePosition position(SqlFile file, SqlText text, int offset, int length) {
    if (offset < 0) {
      return SourcePosition.of(file.display, 1, 1);
    }
    int[] lineColumn = text.lineColumn(offset);
    return new SourcePosition(file.display, lineColumn[0], lineColumn[1], length);
  }

  /**
   * The query with {@code namespace.} in front of every bare table name, at the offsets the parser
   * gave: the engine resolves table names in their namespaces only.
   */
  static String qualify(String sql, List<TableRef> refs, String defaultNamespace) {
    List<Integer> offsets =
        refs.stream()
            .filter(r -> r.bare() && r.offset() >= 0)
            .map(TableRef::offset)
            .distinct()
            .sorted(Comparator.reverseOrder())
            .toList();
    StringBuilder out = new StringBuilder(sql);
    for (int offset : offsets) {
      out.insert(offset, defaultNamespace + ".");
    }
    return out.toString();
  }

  private static boolean identifier(String name) {
    return TableNames.valid(name) && name.indexOf('.') < 0;
  }

  private static String slashes(Path path) {
    return path.toString().replace('\\', '/');
  }
}
