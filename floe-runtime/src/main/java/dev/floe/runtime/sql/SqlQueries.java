package dev.floe.runtime.sql;

import dev.floe.core.api.Api;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.SourcePosition;
import dev.floe.core.diag.SourceTexts;
import dev.floe.runtime.RuntimeCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The tables an ad-hoc query reads ({@code floe query}), found with the SQL transforms' parser. */
@Api(status = Api.Status.INTERNAL)
public final class SqlQueries {
  /** How problems name the query, which has no file. */
  static final String DISPLAY = "query";

  private SqlQueries() {}

  /**
   * The tables {@code sql} reads, as {@code namespace.table} ({@code defaultNamespace} for a bare
   * name), in the order they appear, each once.
   *
   * @throws ProblemException {@code FLOE-Q001} when it does not parse, {@code FLOE-Q003} when it is
   *     not a single SELECT (a query never writes)
   */
  public static List<String> tables(String sql, String defaultNamespace) {
    SqlText text = new SqlText(sql);
    SqlParser.Parsed parsed;
    try (SqlParser parser = new SqlParser()) {
      parsed = parser.parse(text);
    }
    if (parsed instanceof SqlParser.Failure failure) {
      // The query has no file: it is shown as "query", with a caret under what DuckDB points at.
      SourceTexts sources = new SourceTexts();
      sources.put(DISPLAY, sql);
      SourcePosition at = null;
      if (failure.offset() >= 0) {
        int[] lineColumn = text.lineColumn(failure.offset());
        at = new SourcePosition(DISPLAY, lineColumn[0], lineColumn[1], failure.length());
      }
      throw new ProblemException(
          List.of(
              Problem.error(
                      failure.reason() == SqlParser.Reason.SYNTAX
                          ? RuntimeCode.Q001
                          : RuntimeCode.Q003,
                      "the query "
                          + (failure.reason() == SqlParser.Reason.SYNTAX
                              ? "does not parse: " + failure.message()
                              : "is not a single SELECT: " + failure.message()))
                  .at(at)
                  .hint("floe query runs one read-only SELECT (WITH allowed)")
                  .build()),
          sources);
    }
    List<String> out = new ArrayList<>();
    for (TableRef ref : ((SqlParser.Query) parsed).tables()) {
      String name = (ref.schema().isEmpty() ? defaultNamespace : ref.schema()) + "." + ref.table();
      String normalized = name.toLowerCase(Locale.ROOT);
      if (!out.contains(normalized)) {
        out.add(normalized);
      }
    }
    return List.copyOf(out);
  }
}
