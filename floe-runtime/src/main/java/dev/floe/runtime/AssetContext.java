package dev.floe.runtime;

import dev.floe.core.api.Api;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every asset may need without plumbing: who it is, the run it belongs to, a logger, span
 * attributes, and table helpers that move data between the Iceberg tables and the compute engine.
 * Injected into any {@link FloeAsset} method that declares a parameter of this type.
 *
 * <p>Table names are {@code namespace.table}; a name without a namespace is taken in the catalog
 * profile's {@code namespace}.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public interface AssetContext {
  /** The asset's name, for example {@code stg_orders}. */
  String assetName();

  /** The asset's group, when it has one. */
  Optional<String> group();

  /** The pipeline's name (floe.yaml {@code name}). */
  String pipeline();

  /** The environment the run uses, for example {@code local} or {@code prod}. */
  String environment();

  /** The run's id, a UUID shared by every asset of the run. */
  String runId();

  /** The tables the asset declared as inputs. */
  List<String> inputs();

  /** The tables the asset declared as outputs. */
  List<String> outputs();

  /** The static metadata of the asset's annotation. */
  Map<String, String> metadata();

  /** The asset's logger. */
  AssetLog log();

  /** Sets an attribute on the asset's span; a later value for the same key wins. */
  void setAttribute(String key, String value);

  /** Sets a numeric attribute on the asset's span. */
  void setAttribute(String key, long value);

  /** Sets a numeric attribute on the asset's span. */
  void setAttribute(String key, double value);

  /** Sets a boolean attribute on the asset's span. */
  void setAttribute(String key, boolean value);

  /**
   * Makes the Iceberg table {@code table} readable by the compute engine and returns the name to
   * use for it in SQL (today always {@code namespace.table}). Local Parquet files are read in
   * place; files the engine cannot reach are copied once per run.
   *
   * @throws dev.floe.core.diag.ProblemException when the table does not exist
   */
  String table(String table);

  /**
   * Runs {@code sql} on the compute engine and replaces the Iceberg table {@code table} with its
   * result (created when missing, schema from the result). Every declared input of the asset is
   * made readable first, as {@link #table(String)} does.
   *
   * @return the rows written
   */
  long writeTable(String table, String sql);

  /**
   * Replaces the Iceberg table {@code table} with {@code rows}: one column per record component,
   * typed from the component's type ({@code long}, {@code int}, {@code double}, {@code boolean},
   * {@code String}, {@code BigDecimal}, {@code LocalDate}, {@code LocalDateTime}, {@code Instant}
   * and their boxed forms; a {@code BigDecimal} column takes the precision and scale of {@link
   * Decimal} on the component, {@code decimal(18, 2)} without it).
   *
   * @param type the record class, which fixes the schema even when {@code rows} is empty
   * @return the rows written
   */
  <T extends Record> long writeRows(String table, Class<T> type, Iterable<? extends T> rows);

  /** Precision and scale of a {@code BigDecimal} record component written by {@link #writeRows}. */
  @java.lang.annotation.Documented
  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @java.lang.annotation.Target({
    java.lang.annotation.ElementType.RECORD_COMPONENT,
    java.lang.annotation.ElementType.FIELD,
    java.lang.annotation.ElementType.METHOD,
    java.lang.annotation.ElementType.PARAMETER
  })
  @interface Decimal {
    /** Digits in all. */
    int precision();

    /** Digits after the point. */
    int scale();
  }
}
