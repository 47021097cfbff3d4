package dev.floe.runtime.engine;

import dev.floe.core.api.Api;
import dev.floe.runtime.FloeAsset;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Finds the classes with {@code @FloeAsset} methods in packages of a class loader. */
@Api(status = Api.Status.INTERNAL)
public final class AssetDiscovery {
  private AssetDiscovery() {}

  /**
   * The classes in {@code packages} (and their subpackages) visible to {@code loader} that declare
   * at least one {@code @FloeAsset} method, sorted by name.
   */
  public static List<Class<?>> find(List<String> packages, ClassLoader loader) {
    if (packages.isEmpty()) {
      return List.of();
    }
    List<Class<?>> out = new ArrayList<>();
    try (ScanResult scan =
        new ClassGraph()
            .overrideClassLoaders(loader)
            .acceptPackages(packages.toArray(String[]::new))
            .enableMethodInfo()
            .enableAnnotationInfo()
            .ignoreMethodVisibility()
            .scan()) {
      for (ClassInfo info : scan.getClassesWithMethodAnnotation(FloeAsset.class)) {
        out.add(info.loadClass());
      }
    }
    out.sort(Comparator.comparing(Class::getName));
    return List.copyOf(out);
  }
}
