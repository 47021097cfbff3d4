package dev.floe.runtime;

import dev.floe.core.api.Api;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method as an asset: a step of the pipeline that produces its {@link #outputs()}
 * from its {@link #inputs()}. The method's parameters are injected by type ({@link AssetContext},
 * the Iceberg {@code Catalog}, the storage {@code FileIO}, the compute {@code java.sql.Connection}
 * or {@code javax.sql.DataSource}, and resources the application registers); it may return {@link
 * MaterializeResult}, a {@code long} row count, or nothing.
 *
 * <p>The declaring class needs a public no-argument constructor; one instance is made per run.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Api(status = Api.Status.EXPERIMENTAL)
public @interface FloeAsset {
  /** The asset name; by default the method name in snake_case ({@code rawOrders → raw_orders}). */
  String name() default "";

  /** The tables the asset writes, as {@code namespace.table}. */
  String[] outputs() default {};

  /**
   * The tables the asset reads, as {@code namespace.table}. An input that another asset writes
   * makes this asset depend on that one; an input nobody writes is an external source.
   */
  String[] inputs() default {};

  /** Names of other assets that must run first, beyond those implied by {@link #inputs()}. */
  String[] deps() default {};

  /** A group for display and selection, for example {@code bronze}. */
  String group() default "";

  /** What the asset is, for people reading the summary and the lineage. */
  String description() default "";

  /** The kind of asset, for example {@code table} or {@code ml-model}. */
  String kind() default "table";

  /** Static metadata as {@code key=value} entries, reported as span attributes and facets. */
  String[] metadata() default {};
}
