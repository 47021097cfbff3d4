package dev.floe.runtime.engine;

import dev.floe.core.api.Api;
import dev.floe.runtime.MaterializeResult;
import java.util.List;
import java.util.function.Function;

/** What an asset runs. */
@Api(status = Api.Status.INTERNAL)
public interface AssetBody {
  /** The types the body asks to be injected, in order; checked when the graph is built. */
  List<Parameter> parameters();

  /**
   * Runs the asset with its injected arguments.
   *
   * @param arguments one value per {@link #parameters()} entry
   * @param instances the run's instance of each asset class, made on first use
   * @return what it reported
   * @throws Throwable whatever the asset threw, unchanged
   */
  MaterializeResult run(Object[] arguments, Function<Class<?>, Object> instances) throws Throwable;

  /**
   * A parameter to inject.
   *
   * @param name its name in the source, for messages ({@code arg0} without {@code -parameters})
   * @param type its type
   */
  record Parameter(String name, Class<?> type) {}
}
