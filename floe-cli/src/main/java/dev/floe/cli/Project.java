package dev.floe.cli;

import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.compile.Compiler;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.SourcePaths;
import dev.floe.core.diag.SourceTexts;
import dev.floe.core.internal.load.ConfigLoader;
import dev.floe.core.internal.load.PlatformLocator;
import dev.floe.core.load.Loaded;
import dev.floe.core.model.FloeSpec;
import dev.floe.core.platform.LocatedPlatform;
import dev.floe.core.platform.PlatformRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads floe.yaml and its platform, reporting the problems of both files together, then compiles.
 * The one path every command that needs a pipeline takes.
 */
final class Project {
  private final Terminal terminal;
  private final ConfigLoader loader;

  Project(Terminal terminal, SourceTexts sources) {
    this.terminal = terminal;
    this.loader = new ConfigLoader(sources, terminal.env());
  }

  ConfigLoader loader() {
    return loader;
  }

  /** The compiled pipeline with what it was compiled from. */
  record Compiled(
      Loaded<FloeSpec> pipeline, LocatedPlatform platform, CompiledArtifacts artifacts) {}

  /**
   * Loads, locates and compiles.
   *
   * @throws ProblemException with every problem of both files, or the compile problems
   */
  Compiled compile(String file, Optional<String> env, Optional<Path> platformPath) {
    Path floeFile = terminal.resolve(file);
    Path projectDir = floeFile.getParent() == null ? terminal.workDir() : floeFile.getParent();
    List<Problem> problems = new ArrayList<>();
    Loaded<FloeSpec> pipeline = null;
    try {
      pipeline = loader.pipeline(floeFile, SourcePaths.display(floeFile, terminal.workDir()));
    } catch (ProblemException e) {
      problems.addAll(e.problems());
    }
    PlatformRequest request =
        new PlatformRequest(
            platformPath,
            env,
            projectDir,
            terminal.workDir(),
            terminal.homeDir(),
            terminal.env(),
            Optional.empty());
    if (pipeline != null && pipeline.value().platform().isPresent()) {
      request =
          request.withPin(
              new PlatformRequest.Pin(
                  pipeline.value().platform().get(),
                  pipeline.sourceMap().position("platform.ref")));
    }
    LocatedPlatform platform = null;
    try {
      platform = new PlatformLocator(loader).locate(request);
    } catch (ProblemException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      throw new ProblemException(
          problems.stream().sorted(dev.floe.core.diag.ProblemList.ORDER).toList());
    }
    CompiledArtifacts artifacts =
        new Compiler(Clock.systemUTC(), terminal.env()).compile(pipeline, platform);
    return new Compiled(pipeline, platform, artifacts);
  }
}
