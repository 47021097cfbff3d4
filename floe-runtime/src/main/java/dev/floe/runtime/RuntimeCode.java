package dev.floe.runtime;

import dev.floe.core.api.Api;
import dev.floe.core.diag.ProblemCode;
import dev.floe.core.diag.ProblemCodes;
import java.util.List;

/**
 * The problem codes of the asset runtime, family {@code FLOE-U}: asset definitions and the graph
 * (001-019), runs (020-039), compute engines and table helpers (040-059); family {@code FLOE-Q}:
 * SQL transforms (001-019). Each is documented in {@code docs/errors.md}; a code never changes
 * meaning once released.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public enum RuntimeCode implements ProblemCode {
  /** An {@code @FloeAsset} method is not public, is static, or returns an unusable type. */
  U001("invalid asset method"),
  /** An asset class cannot be instantiated (no public no-argument constructor, or it threw). */
  U002("asset class cannot be instantiated"),
  /** Two assets have the same name. */
  U003("duplicate asset name"),
  /** Two assets write the same table. */
  U004("two assets write one table"),
  /** A {@code deps} entry names no asset. */
  U005("unknown asset dependency"),
  /** The assets depend on each other in a cycle. */
  U006("dependency cycle"),
  /** An asset method has a parameter that nothing can inject. */
  U007("parameter cannot be injected"),
  /** An input or output is not a valid table name. */
  U008("invalid table name"),
  /** A {@code metadata} entry is not {@code key=value}. */
  U009("invalid asset metadata"),
  /** No asset was found in the asset packages or classes. */
  U010("no assets found"),
  /** A {@code --classpath} entry does not exist or cannot be read. */
  U011("class path entry not found"),
  /** A selection names no asset. */
  U012("unknown asset in selection"),
  /** An asset failed. */
  U020("asset failed"),
  /** The run could not write its run document. */
  U021("run document not written"),
  /** The compute engine cannot be opened or reached. */
  U040("compute engine unavailable"),
  /** A query failed on the compute engine. */
  U041("query failed"),
  /** The JDBC driver of the compute engine is not on the class path. */
  U042("JDBC driver missing"),
  /** The compute engine type has no connection in this version. */
  U043("compute engine not supported yet"),
  /** A table does not exist in the catalog. */
  U044("table not found"),
  /** A table could not be written. */
  U045("table write failed"),
  /** A column type has no Iceberg equivalent. */
  U046("unsupported column type"),
  /** A table could not be made readable by the compute engine. */
  U047("table not readable by the engine"),
  /** A SQL transform's file does not parse. */
  Q001("SQL does not parse"),
  /** A SQL transform reads a table that no asset writes. */
  Q002("query reads an unknown table"),
  /** A SQL transform's file holds something other than a single SELECT. */
  Q003("not a single SELECT"),
  /** A {@code type: dbt} transform: floe cannot run dbt yet. */
  Q004("dbt transforms not supported yet"),
  /** A SQL transform's path does not exist or holds no {@code .sql} file. */
  Q005("SQL transform folder not found or empty"),
  /** A SQL file's name or folder is not a valid asset, table or namespace name. */
  Q006("invalid SQL file name"),
  /** A SQL transform reads the table it writes. */
  Q007("query reads its own output"),
  /** A SQL file cannot be read. */
  Q008("SQL file cannot be read");

  private final String title;

  RuntimeCode(String title) {
    this.title = title;
  }

  @Override
  public String id() {
    return "FLOE-" + name();
  }

  @Override
  public String title() {
    return title;
  }

  /** Registers floe-runtime's codes with {@link java.util.ServiceLoader}. */
  public static final class Provider implements ProblemCodes {
    /** Called by {@link java.util.ServiceLoader}. */
    public Provider() {}

    @Override
    public String module() {
      return "floe-runtime";
    }

    @Override
    public List<ProblemCode> codes() {
      return List.of(RuntimeCode.values());
    }
  }
}
