package dev.floe.runtime.sql;

import dev.floe.runtime.AssetContext;
import dev.floe.runtime.MaterializeResult;
import dev.floe.runtime.engine.AssetBody;
import java.util.List;
import java.util.function.Function;

/** A SQL file's asset: replaces its output table with the query's result on the compute engine. */
final class SqlBody implements AssetBody {
  private static final List<Parameter> PARAMETERS =
      List.of(new Parameter("context", AssetContext.class));

  private final String output;
  private final String sql;

  SqlBody(String output, String sql) {
    this.output = output;
    this.sql = sql;
  }

  /** The query as it runs: bare table names qualified with the default namespace. */
  String sql() {
    return sql;
  }

  @Override
  public List<Parameter> parameters() {
    return PARAMETERS;
  }

  @Override
  public MaterializeResult run(Object[] arguments, Function<Class<?>, Object> instances) {
    AssetContext context = (AssetContext) arguments[0];
    return MaterializeResult.rows(context.writeTable(output, sql));
  }
}
