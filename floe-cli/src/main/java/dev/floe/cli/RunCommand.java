package dev.floe.cli;

import dev.floe.core.compile.ArtifactJson;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.SourcePaths;
import dev.floe.runtime.RuntimeCode;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

final class RunCommand extends FloeSubcommand {
  final PipelineOptions pipeline = new PipelineOptions();

  String artifacts;

  String classpath;

  List<String> select = new ArrayList<>();

  int parallelism = 4;

  RunCommand() {
    super(
        "run",
        "Run the pipeline's assets: dependency order, independent assets in parallel, a summary at"
            + " the end. Exit 0 when every asset succeeded, 3 when one failed.",
        "Every run writes its run document to .floe/runs/<run_id>.json beside floe.yaml.");
    pipeline.addTo(args);
    args.add(
        Arg.option(String.class, v -> artifacts = v, "--artifacts")
            .paramLabel("PATH")
            .description(
                "Run this compiled_artifacts.json instead of compiling floe.yaml in memory."));
    args.add(
        Arg.option(String.class, v -> classpath = v, "--classpath", "--cp")
            .paramLabel("CP")
            .description(
                "Jars and class folders holding the asset classes, separated by ':' (';' on"
                    + " Windows; default: floe's own class path)."));
    args.add(
        Arg.strings(() -> select, v -> select = v, "-s", "--select")
            .paramLabel("SEL")
            .arity("1..*")
            .description(
                "Assets to run: NAME, +NAME (with everything upstream), NAME+ (with everything"
                    + " downstream), group:GROUP. Default: every asset."));
    args.add(Arg.parallelism(v -> parallelism = v));
  }

  @Override
  int run(Terminal terminal, Reporter reporter) throws Exception {
    if (artifacts != null && pipeline.choice.given()) {
      throw usageError(
          "--artifacts already names the platform: give it without --env or --platform");
    }
    if (parallelism < 1) {
      throw usageError("--parallelism must be at least 1, got " + parallelism);
    }
    Path floeYaml = terminal.resolve(pipeline.file);
    CompiledArtifacts compiled;
    Path projectDir;
    if (artifacts != null) {
      Path file = terminal.resolve(artifacts);
      compiled = ArtifactJson.read(file);
      projectDir = projectDirOf(file, floeYaml);
    } else {
      compiled = pipeline.compile(terminal, reporter).artifacts();
      Path folder = floeYaml.getParent();
      projectDir = folder == null ? terminal.workDir() : folder;
    }
    URL[] urls;
    try {
      urls = urls(terminal);
    } catch (ProblemException e) {
      reporter.problems(e.problems(), e.sources());
      return ExitCodes.USAGE;
    }
    ClassLoader parent = RunCommand.class.getClassLoader();
    try (URLClassLoader loader = new URLClassLoader(urls, parent)) {
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(loader);
      try {
        return run(terminal, reporter, compiled, projectDir, loader);
      } finally {
        thread.setContextClassLoader(previous);
      }
    }
  }

  private int run(
      Terminal terminal,
      Reporter reporter,
      CompiledArtifacts compiled,
      Path projectDir,
      ClassLoader loader) {
    return Runs.execute(
            new Runs.Request(
                terminal, reporter, compiled, projectDir, loader, select, parallelism, debug))
        .exitCode();
  }

  /** The folder of floe.yaml for an artifact: the parent of its .floe folder, else floe.yaml's. */
  private static Path projectDirOf(Path artifactFile, Path floeYaml) {
    Path folder = artifactFile.getParent();
    if (folder != null
        && folder.getFileName() != null
        && folder.getFileName().toString().equals(".floe")
        && folder.getParent() != null) {
      return folder.getParent();
    }
    Path yamlFolder = floeYaml.getParent();
    return yamlFolder != null ? yamlFolder : artifactFile.toAbsolutePath().getParent();
  }

  private URL[] urls(Terminal terminal) {
    if (classpath == null || classpath.isBlank()) {
      return new URL[0];
    }
    List<URL> urls = new ArrayList<>();
    List<Problem> missing = new ArrayList<>();
    for (String entry : classpath.split(java.util.regex.Pattern.quote(File.pathSeparator), -1)) {
      if (entry.isBlank()) {
        continue;
      }
      Path path = terminal.resolve(entry);
      if (!Files.isReadable(path)) {
        missing.add(
            Problem.error(
                    RuntimeCode.U011,
                    "--classpath entry "
                        + SourcePaths.display(path, terminal.workDir())
                        + " does not exist or cannot be read")
                .hint("build the pipeline first (mvn package), or fix the path")
                .build());
        continue;
      }
      try {
        urls.add(path.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalStateException("a file path is always a URL: " + path, e);
      }
    }
    if (!missing.isEmpty()) {
      throw new ProblemException(missing);
    }
    return urls.toArray(URL[]::new);
  }
}
