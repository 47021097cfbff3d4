package dev.floe.runtime;

import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.platform.PlatformRequest;
import dev.floe.core.project.FloeProject;
import dev.floe.testing.DemoProject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The demo project compiled for a test, in a folder of the test's own. */
final class TestArtifacts {
  private TestArtifacts() {}

  /**
   * The demo project copied into {@code dir} and compiled against {@code environment}, without its
   * SQL transforms: the tests bring their own assets.
   */
  static CompiledArtifacts compile(Path dir, String environment) {
    DemoProject demo = DemoProject.copyTo(dir);
    FloeProject project = FloeProject.builder().variables(Map.of()).build();
    return withoutTransforms(
        project
            .load(
                demo.floeYaml(),
                PlatformRequest.builder()
                    .environment(environment)
                    .workDir(dir)
                    .homeDir(dir)
                    .build())
            .artifacts());
  }

  /** {@code a} without its transforms. */
  static CompiledArtifacts withoutTransforms(CompiledArtifacts a) {
    return new CompiledArtifacts(
        a.version(),
        a.metadata(),
        a.environment(),
        a.platformVersion(),
        a.platformSource(),
        a.catalog(),
        a.storage(),
        a.compute(),
        a.observability(),
        a.assetPackages(),
        List.of(),
        a.governance());
  }

  /** {@code artifacts} with other asset packages. */
  static CompiledArtifacts withPackages(CompiledArtifacts a, List<String> packages) {
    return new CompiledArtifacts(
        a.version(),
        a.metadata(),
        a.environment(),
        a.platformVersion(),
        a.platformSource(),
        a.catalog(),
        a.storage(),
        a.compute(),
        a.observability(),
        packages,
        a.transforms(),
        a.governance());
  }
}
