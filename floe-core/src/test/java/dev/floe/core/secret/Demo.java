package dev.floe.core.secret;

import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.compile.Compiler;
import dev.floe.core.diag.SourceTexts;
import dev.floe.core.internal.load.ConfigLoader;
import dev.floe.core.load.Loaded;
import dev.floe.core.model.PlatformSpec;
import dev.floe.core.platform.LocatedPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Loads and compiles the demo project of the repository, with a given environment. */
final class Demo {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

  private Demo() {}

  /** The demo folder, found by walking up from the working folder. */
  static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("demo").resolve("floe.yaml"))) {
        return dir.resolve("demo");
      }
    }
    throw new IllegalStateException("no demo/ folder above " + Path.of("").toAbsolutePath());
  }

  static String platformFile(String environment) {
    return "platform/" + environment + "/platform.yaml";
  }

  /** Loads {@code platform/<environment>/platform.yaml} with {@code env}. */
  static Loaded<PlatformSpec> platform(String environment, Map<String, String> env) {
    String file = platformFile(environment);
    return new ConfigLoader(new SourceTexts(), env).platform(root().resolve(file), file);
  }

  /** Loads and compiles the demo for {@code environment}, with {@code env} everywhere. */
  static CompiledArtifacts compile(String environment, Map<String, String> env) {
    ConfigLoader loader = new ConfigLoader(new SourceTexts(), env);
    String file = platformFile(environment);
    LocatedPlatform platform =
        new LocatedPlatform(loader.platform(root().resolve(file), file), environment, file);
    return new Compiler(CLOCK, env)
        .compile(loader.pipeline(root().resolve("floe.yaml"), "floe.yaml"), platform);
  }
}
