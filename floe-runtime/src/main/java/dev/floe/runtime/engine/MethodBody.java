package dev.floe.runtime.engine;

import dev.floe.core.api.Api;
import dev.floe.runtime.MaterializeResult;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** A {@code @FloeAsset} method, invoked on the run's one instance of its class. */
@Api(status = Api.Status.INTERNAL)
public final class MethodBody implements AssetBody {
  private final Method method;

  /**
   * @param method the public, non-static asset method
   */
  MethodBody(Method method) {
    this.method = method;
  }

  /** The method. */
  public Method method() {
    return method;
  }

  @Override
  public List<Parameter> parameters() {
    return Arrays.stream(method.getParameters())
        .map(p -> new Parameter(p.getName(), p.getType()))
        .toList();
  }

  @Override
  public MaterializeResult run(Object[] arguments, Function<Class<?>, Object> instances)
      throws Throwable {
    Object target = instances.apply(method.getDeclaringClass());
    Object returned;
    try {
      returned = method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause() == null ? e : e.getCause();
    }
    if (returned instanceof MaterializeResult result) {
      return result;
    }
    if (returned instanceof Number rows) {
      return MaterializeResult.rows(rows.longValue());
    }
    return MaterializeResult.EMPTY;
  }

  /** Whether {@code type} is a return type an asset method may have. */
  static boolean returnable(Class<?> type) {
    return type == void.class
        || type == Void.class
        || type == MaterializeResult.class
        || type == long.class
        || type == Long.class
        || type == int.class
        || type == Integer.class;
  }
}
