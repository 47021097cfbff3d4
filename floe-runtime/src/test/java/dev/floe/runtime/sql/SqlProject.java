package dev.floe.runtime.sql;

import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.model.FloeSpec;
import dev.floe.core.model.TransformType;
import dev.floe.core.platform.PlatformRequest;
import dev.floe.core.project.FloeProject;
import dev.floe.testing.DemoProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The demo project compiled for a test, with SQL files and transforms of the test's own. */
final class SqlProject {
  private SqlProject() {}

  /** The demo project copied into {@code dir}, compiled for the local platform. */
  static CompiledArtifacts compile(Path dir, List<FloeSpec.Transform> transforms) {
    DemoProject demo = DemoProject.copyTo(dir);
    // The tests write SQL files of their own: the demo's are not part of them.
    for (String file : DemoProject.SQL_FILES) {
      try {
        Files.deleteIfExists(dir.resolve(file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    // A DuckDB file named like the default namespace makes "demo" an ambiguous name in DuckDB
    // (catalog demo, schema demo) when the loader makes demo.* tables readable.
    demo.edit("platform/local/platform.yaml", ".floe/demo.duckdb", ".floe/engine.duckdb");
    CompiledArtifacts a =
        FloeProject.builder()
            .variables(Map.of())
            .build()
            .load(
                demo.floeYaml(),
                PlatformRequest.builder().environment("local").workDir(dir).homeDir(dir).build())
            .artifacts();
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
        List.of(),
        transforms,
        a.governance());
  }

  static FloeSpec.Transform sql(String path) {
    return new FloeSpec.Transform(TransformType.SQL, path, Optional.empty());
  }

  static FloeSpec.Transform dbt(String path) {
    return new FloeSpec.Transform(TransformType.DBT, path, Optional.of("prod"));
  }

  /** Writes {@code text} to {@code dir/file}, making its folders. */
  static Path write(Path dir, String file, String text) {
    Path path = dir.resolve(file);
    try {
      Files.createDirectories(path.getParent());
      Files.writeString(path, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return path;
  }
}
