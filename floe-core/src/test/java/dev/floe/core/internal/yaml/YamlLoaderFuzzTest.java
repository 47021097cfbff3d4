package dev.floe.core.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.floe.core.compile.ArtifactJson;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.compile.Compiler;
import dev.floe.core.diag.Code;
import dev.floe.core.diag.JsonRenderer;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.SourceTexts;
import dev.floe.core.diag.TextRenderer;
import dev.floe.core.internal.load.ConfigLoader;
import dev.floe.core.load.Loaded;
import dev.floe.core.model.FloeSpec;
import dev.floe.core.model.PlatformSpec;
import dev.floe.core.platform.LocatedPlatform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every input, however broken, ends in a result or in problems: never in another exception. A valid
 * platform or pipeline must also compile, and a valid artifact must read back from its own JSON.
 *
 * <p>The {@link FuzzTest}s run over the seeds in {@code YamlLoaderFuzzTestInputs/<method>/} during
 * {@code mvn test} (regression mode). To fuzz, run one of them at a time with {@code JAZZER_FUZZ=1
 * ./mvnw -o -pl floe-core test -Dtest='YamlLoaderFuzzTest#platformText'}: a crashing input is
 * written to the inputs folder as {@code crash-<sha1>} (then a regression test) and the corpus
 * grows in {@code floe-core/.cifuzz-corpus/}. {@link #mutatedDemoFilesEndInResultsOrProblems}
 * checks the same property with a seeded random on every build ({@code -Dfloe.seed=N} to vary it).
 */
class YamlLoaderFuzzTest {
  private static final Map<String, String> ENV = Map.of("FLOE_DEV_REGION", "eu-central-1");
  private static final Set<String> CODES =
      Arrays.stream(Code.values()).map(Code::id).collect(Collectors.toSet());
  private static final String PIPELINE = "name: fuzz\nversion: \"1.0.0\"\n";
  private static final String PLATFORM =
      """
      storage: {default: {type: local, path: .floe/warehouse}}
      catalogs: {default: {type: jdbc, uri: 'jdbc:sqlite:c.db', warehouse: w}}
      compute: {default: {type: duckdb}}
      """;
  private static final long DEFAULT_SEED = 20260101L;
  private static final int MUTATIONS = 10_000;

  /** A value after "key: " in YAML or JSON: a quoted string, or plain text up to a comment. */
  private static final Pattern VALUE =
      Pattern.compile("(?<=: )(\"(?:[^\"\\\\\n]|\\\\.)*\"|[^\\s\"{\\[#,][^\\n#,}\\]]*)");

  private static List<Sample> demoSamples;

  private static final String[] INSERTS = {
    "&a ",
    "*a",
    "!!",
    "!!str ",
    "!custom ",
    "\t",
    "{",
    "}",
    "[",
    "]",
    ": ",
    "- ",
    "\"",
    "'",
    "#",
    "\n",
    "---\n",
    "...\n",
    "? ",
    "|\n",
    ">-\n",
    "${FLOE_DEV_REGION}",
    "${UNSET}",
    "$${",
    "<<: *a\n",
    "%YAML 1.2\n",
    "x-",
    "secret_ref",
    "{secret_ref: s}",
    "~",
    "null",
    "1.0",
    "yes",
    "0x1F",
    ".nan",
    "\\",
    "\u00e9",
    "\uFFFD",
    "\u2028",
    "\r",
    "&b [*b]",
    "\u0000"
  };

  // ---- Jazzer fuzz tests ------------------------------------------------------------------------

  @FuzzTest(maxDuration = "60s")
  void platformText(byte[] input) {
    checkPlatform(new String(input, StandardCharsets.UTF_8));
  }

  @FuzzTest(maxDuration = "60s")
  void pipelineText(byte[] input) {
    checkPipeline(new String(input, StandardCharsets.UTF_8));
  }

  @FuzzTest(maxDuration = "60s")
  void artifactRead(byte[] input) {
    checkArtifact(new String(input, StandardCharsets.UTF_8));
  }

  /**
   * Keeps the demo files' structure and replaces one value with fuzzed text, written as an escaped
   * double-quoted scalar: reaches the schema, the compiler and the artifact codec far more often
   * than raw bytes do.
   */
  @FuzzTest(maxDuration = "60s")
  void demoValues(FuzzedDataProvider data) throws IOException {
    List<Sample> samples = demoSamples();
    Sample sample = samples.get(data.consumeInt(0, samples.size() - 1));
    Matcher values = VALUE.matcher(sample.text());
    List<int[]> spans = new ArrayList<>();
    while (values.find()) {
      spans.add(new int[] {values.start(), values.end()});
    }
    int[] span = spans.get(data.consumeInt(0, spans.size() - 1));
    String text =
        sample.text().substring(0, span[0])
            + quote(data.consumeRemainingAsString())
            + sample.text().substring(span[1]);
    check(sample.kind(), text);
  }

  // ---- the same property on every build ---------------------------------------------------------

  @Test
  void mutatedDemoFilesEndInResultsOrProblems() throws IOException {
    long seed = Long.getLong("floe.seed", DEFAULT_SEED);
    List<Sample> samples = demoSamples();
    Random random = new Random(seed);
    int results = 0;
    for (int i = 0; i < MUTATIONS; i++) {
      Sample sample = samples.get(random.nextInt(samples.size()));
      byte[] bytes = sample.text().getBytes(StandardCharsets.UTF_8);
      int rounds = 1 + random.nextInt(4);
      for (int r = 0; r < rounds; r++) {
        bytes = mutate(bytes, random);
      }
      String text = new String(bytes, StandardCharsets.UTF_8);
      try {
        results += check(sample.kind(), text) ? 1 : 0;
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError(
            "seed "
                + seed
                + ", mutation "
                + i
                + ": "
                + sample.kind()
                + " input ended in "
                + e
                + "; input (Java-escaped):\n"
                + escape(text),
            e);
      }
    }
    // Some mutations must survive (comments, whitespace), or the mutator is too destructive.
    assertThat(results).as("seed %d: inputs that still loaded", seed).isPositive();
  }

  // ---- oracles ---------------------------------------------------------------------------------

  private static boolean check(Kind kind, String text) {
    return switch (kind) {
      case PLATFORM -> checkPlatform(text);
      case PIPELINE -> checkPipeline(text);
      case ARTIFACT -> checkArtifact(text);
    };
  }

  /** Loads a platform; a valid one with default profiles must also compile and round-trip. */
  static boolean checkPlatform(String text) {
    SourceTexts sources = new SourceTexts();
    ConfigLoader loader = new ConfigLoader(sources, ENV);
    try {
      Loaded<PlatformSpec> platform = loader.platformText("platform.yaml", text);
      PlatformSpec spec = platform.value();
      if (spec.catalogs().containsKey("default")
          && spec.storage().containsKey("default")
          && spec.compute().containsKey("default")) {
        roundTrip(compile(loader.pipelineText("floe.yaml", PIPELINE), platform));
      }
      return true;
    } catch (ProblemException e) {
      checkProblems(e, sources);
      return false;
    }
  }

  /** Loads a pipeline; a valid one must also compile against a small platform. */
  static boolean checkPipeline(String text) {
    SourceTexts sources = new SourceTexts();
    ConfigLoader loader = new ConfigLoader(sources, ENV);
    try {
      Loaded<FloeSpec> pipeline = loader.pipelineText("floe.yaml", text);
      try {
        roundTrip(compile(pipeline, loader.platformText("platform.yaml", PLATFORM)));
      } catch (ProblemException e) {
        // Unknown profile names are expected; they must be R020 problems.
        checkProblems(e, sources);
        assertThat(e.problems()).allMatch(p -> p.code().equals(Code.R020.id()));
      }
      return true;
    } catch (ProblemException e) {
      checkProblems(e, sources);
      return false;
    }
  }

  /** Reads an artifact; a valid one must write back to JSON that reads as the same artifact. */
  static boolean checkArtifact(String text) {
    try {
      roundTrip(ArtifactJson.read("artifact.json", text));
      return true;
    } catch (ProblemException e) {
      checkProblems(e, e.sources());
      return false;
    }
  }

  private static CompiledArtifacts compile(
      Loaded<FloeSpec> pipeline, Loaded<PlatformSpec> platform) {
    Compiler compiler =
        new Compiler(
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
            Map.of("SOURCE_DATE_EPOCH", "1767225600"));
    return compiler.compile(pipeline, new LocatedPlatform(platform, "fuzz", "platform.yaml"));
  }

  private static void roundTrip(CompiledArtifacts artifacts) {
    String json = ArtifactJson.write(artifacts);
    CompiledArtifacts again;
    try {
      again = ArtifactJson.read("written.json", json);
    } catch (ProblemException e) {
      throw new AssertionError("a written artifact does not read back: " + e.getMessage(), e);
    }
    assertThat(again).as("artifact read back from its own JSON").isEqualTo(artifacts);
    assertThat(ArtifactJson.write(again)).isEqualTo(json);
  }

  private static void checkProblems(ProblemException e, SourceTexts sources) {
    List<Problem> problems = e.problems();
    assertThat(problems).isNotEmpty();
    for (Problem p : problems) {
      assertThat(CODES).as("known code").contains(p.code());
      assertThat(p.message()).isNotBlank();
    }
    assertThat(new TextRenderer(sources, TextRenderer.Colour.PLAIN).render(problems)).isNotEmpty();
    assertThat(JsonRenderer.render(problems)).startsWith("{");
  }

  // ---- mutation ---------------------------------------------------------------------------------

  private enum Kind {
    PLATFORM,
    PIPELINE,
    ARTIFACT
  }

  private record Sample(Kind kind, String text) {}

  private static byte[] mutate(byte[] in, Random random) {
    int at = in.length == 0 ? 0 : random.nextInt(in.length + 1);
    switch (random.nextInt(5)) {
      case 0 -> {
        // Flip: one byte becomes any byte, so invalid UTF-8 and control characters appear too.
        if (in.length == 0) {
          return new byte[] {(byte) random.nextInt(256)};
        }
        byte[] out = in.clone();
        out[Math.min(at, in.length - 1)] = (byte) random.nextInt(256);
        return out;
      }
      case 1 -> {
        int length = Math.min(1 + random.nextInt(16), in.length - Math.min(at, in.length));
        return splice(in, at, length, new byte[0]);
      }
      case 2 -> {
        String[] lines = new String(in, StandardCharsets.UTF_8).split("\n", -1);
        int line = random.nextInt(lines.length);
        List<String> out = new ArrayList<>(Arrays.asList(lines));
        out.add(line, lines[line]);
        return String.join("\n", out).getBytes(StandardCharsets.UTF_8);
      }
      case 3 -> {
        String[] lines = new String(in, StandardCharsets.UTF_8).split("\n", -1);
        List<String> out = new ArrayList<>(Arrays.asList(lines));
        int from = random.nextInt(out.size());
        String moved = out.remove(from);
        out.add(random.nextInt(out.size() + 1), moved);
        return String.join("\n", out).getBytes(StandardCharsets.UTF_8);
      }
      default -> {
        byte[] insert = INSERTS[random.nextInt(INSERTS.length)].getBytes(StandardCharsets.UTF_8);
        return splice(in, at, 0, insert);
      }
    }
  }

  private static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
    byte[] out = new byte[in.length - remove + insert.length];
    System.arraycopy(in, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(in, at + remove, out, at + insert.length, in.length - at - remove);
    return out;
  }

  /** floe.yaml, the four demo platforms and their artifacts; read once. */
  private static synchronized List<Sample> demoSamples() throws IOException {
    if (demoSamples == null) {
      Path demo = demoRoot();
      List<Sample> samples = new ArrayList<>();
      samples.add(new Sample(Kind.PIPELINE, Files.readString(demo.resolve("floe.yaml"))));
      for (String env : List.of("local", "dev", "staging", "prod")) {
        String platform = Files.readString(demo.resolve("platform/" + env + "/platform.yaml"));
        samples.add(new Sample(Kind.PLATFORM, platform));
        samples.add(new Sample(Kind.ARTIFACT, artifactOf(PIPELINE, platform)));
      }
      demoSamples = List.copyOf(samples);
    }
    return demoSamples;
  }

  /** A YAML double-quoted scalar (also valid in the artifact, which is read as YAML). */
  private static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    value
        .codePoints()
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
              } else if (c >= 0x20 && c < 0x7f) {
                out.appendCodePoint(c);
              } else if (c > 0xffff) {
                out.append(String.format("\\U%08x", c));
              } else {
                out.append(String.format("\\u%04x", c));
              }
            });
    return out.append('"').toString();
  }

  private static String artifactOf(String pipeline, String platform) {
    SourceTexts sources = new SourceTexts();
    ConfigLoader loader = new ConfigLoader(sources, ENV);
    return ArtifactJson.write(
        compile(
            loader.pipelineText("floe.yaml", pipeline),
            loader.platformText("platform.yaml", platform)));
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              if (c == '\n') {
                out.append("\\n\n");
              } else if (c == '\\') {
                out.append("\\\\");
              } else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c > 0xfffd) {
                out.append(String.format("\\u{%x}", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  /** The repository's demo folder, found by walking up from the working folder. */
  static Path demoRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("demo").resolve("platform"))) {
        return dir.resolve("demo");
      }
    }
    throw new IllegalStateException("no demo/ folder above " + Path.of("").toAbsolutePath());
  }
}
