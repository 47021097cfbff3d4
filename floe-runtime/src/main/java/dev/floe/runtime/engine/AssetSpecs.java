package dev.floe.runtime.engine;

import dev.floe.core.api.Api;
import dev.floe.core.diag.Problem;
import dev.floe.runtime.FloeAsset;
import dev.floe.runtime.RuntimeCode;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code @FloeAsset} methods of classes into {@link AssetSpec}s, collecting problems. */
@Api(status = Api.Status.INTERNAL)
public final class AssetSpecs {
  private AssetSpecs() {}

  /**
   * The assets of {@code classes}, methods in name order within each class.
   *
   * @param classes the classes to read
   * @param defaultNamespace the namespace of table names without one
   * @param problems where problems go; a method with a problem yields no asset
   */
  public static List<AssetSpec> read(
      List<Class<?>> classes, String defaultNamespace, List<Problem> problems) {
    List<AssetSpec> out = new ArrayList<>();
    for (Class<?> type : classes) {
      Method[] methods = type.getDeclaredMethods();
      Arrays.sort(methods, Comparator.comparing(Method::getName));
      boolean constructorChecked = false;
      for (Method method : methods) {
        FloeAsset asset = method.getAnnotation(FloeAsset.class);
        if (asset == null) {
          continue;
        }
        if (!constructorChecked) {
          constructorChecked = true;
          if (!instantiable(type, problems)) {
            break;
          }
        }
        read(method, asset, defaultNamespace, problems).ifPresent(out::add);
      }
    }
    return out;
  }

  /** The {@code Class#method} of a method, for messages. */
  public static String origin(Method method) {
    return method.getDeclaringClass().getName() + "#" + method.getName();
  }

  private static boolean instantiable(Class<?> type, List<Problem> problems) {
    String why = null;
    if (!Modifier.isPublic(type.getModifiers())) {
      why = "is not public";
    } else if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
      why = "is abstract";
    } else if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
      why = "is an inner class (make it a top-level or static nested class)";
    } else {
      try {
        Constructor<?> constructor = type.getConstructor();
        if (!Modifier.isPublic(constructor.getModifiers())) {
          why = "has no public no-argument constructor";
        }
      } catch (NoSuchMethodException e) {
        why = "has no public no-argument constructor";
      }
    }
    if (why == null) {
      return true;
    }
    problems.add(
        Problem.error(
                RuntimeCode.U002,
                "asset class " + type.getName() + " " + why + ": floe cannot make it")
            .hint("give " + type.getSimpleName() + " a public no-argument constructor")
            .build());
    return false;
  }

  private static Optional<AssetSpec> read(
      Method method, FloeAsset asset, String defaultNamespace, List<Problem> problems) {
    String origin = origin(method);
    int before = problems.size();
    if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
      problems.add(
          Problem.error(
                  RuntimeCode.U001,
                  "asset method "
                      + origin
                      + " must be public and not static, it is "
                      + (Modifier.isStatic(method.getModifiers()) ? "static" : "not public"))
              .hint("declare it as: public ... " + method.getName() + "(...)")
              .build());
    }
    if (!MethodBody.returnable(method.getReturnType())) {
      problems.add(
          Problem.error(
                  RuntimeCode.U001,
                  "asset method "
                      + origin
                      + " returns "
                      + method.getReturnType().getSimpleName()
                      + ", which floe cannot report")
              .hint("return MaterializeResult, a long row count, or void")
              .build());
    }
    String name = asset.name().isBlank() ? TableNames.snakeCase(method.getName()) : asset.name();
    List<String> inputs = tables(asset.inputs(), "inputs", origin, defaultNamespace, problems);
    List<String> outputs = tables(asset.outputs(), "outputs", origin, defaultNamespace, problems);
    Map<String, String> metadata = new LinkedHashMap<>();
    for (String entry : asset.metadata()) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        problems.add(
            Problem.error(
                    RuntimeCode.U009,
                    "metadata entry '" + entry + "' of asset " + origin + " is not key=value")
                .hint("write it as metadata = {\"owner=analytics\"}")
                .build());
      } else {
        metadata.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
      }
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new AssetSpec(
            name,
            asset.group().isBlank() ? Optional.empty() : Optional.of(asset.group()),
            asset.kind(),
            asset.description(),
            inputs,
            outputs,
            List.of(asset.deps()),
            metadata,
            origin,
            new MethodBody(method)));
  }

  private static List<String> tables(
      String[] names,
      String attribute,
      String origin,
      String defaultNamespace,
      List<Problem> problems) {
    List<String> out = new ArrayList<>();
    for (String name : names) {
      if (!TableNames.valid(name)) {
        problems.add(
            Problem.error(
                    RuntimeCode.U008,
                    attribute + " entry '" + name + "' of asset " + origin + " is not a table name")
                .hint("write tables as namespace.table, for example bronze.raw_orders")
                .build());
      } else {
        String normalized = TableNames.normalize(name, defaultNamespace);
        if (!out.contains(normalized)) {
          out.add(normalized);
        }
      }
    }
    return out;
  }
}
