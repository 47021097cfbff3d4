package dev.floe.core.diag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.floe.core.compile.ArtifactJson;
import dev.floe.core.compile.Compiler;
import dev.floe.core.internal.load.ConfigLoader;
import dev.floe.core.internal.load.PlatformLocator;
import dev.floe.core.load.Loaded;
import dev.floe.core.model.FloeSpec;
import dev.floe.core.model.PlatformSpec;
import dev.floe.core.platform.LocatedPlatform;
import dev.floe.core.platform.PlatformRequest;
import dev.floe.core.scan.CredentialDetector;
import dev.floe.core.scan.Hit;
import dev.floe.core.scan.Syntax;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files for diagnostics: every invalid input under {@code src/test/resources/diagnostics/}
 * renders exactly as the {@code <case>.err} file beside it.
 *
 * <p>Case kinds, by folder:
 *
 * <ul>
 *   <li>{@code platform/<case>.yaml}: loaded as platform.yaml;
 *   <li>{@code pipeline/<case>.yaml}: loaded as floe.yaml;
 *   <li>{@code compile/<case>/} with {@code floe.yaml} and {@code platform.yaml} (both must load
 *       cleanly), compiled for environment {@code dev}; an optional {@code compile.properties} is
 *       the compiler's environment;
 *   <li>{@code artifact/<case>.json}: read as CompiledArtifacts;
 *   <li>{@code locate/<case>/}: the project folder (and working folder) of a platform lookup;
 *       {@code request.properties} gives {@code option.env}, {@code option.platform} and {@code
 *       env.NAME} variables, and a {@code floe.yaml} there contributes its registry pin.
 * </ul>
 *
 * <p>Files are named relative to the diagnostics folder ({@code platform/<case>.yaml}); compile and
 * locate cases are shown as in a project ({@code floe.yaml}, {@code platform/dev/platform.yaml},
 * paths relative to the case folder). No expected output holds an absolute path. Every case is
 * invalid on purpose: one that loads without an error fails. A case named {@code <code>-…} (e.g.
 * {@code s010-…}) must report that code.
 *
 * <p>After an intended change of the wording, regenerate and review the diff:
 *
 * <pre>
 * ./mvnw -q -o -pl floe-core test -Dtest=GoldenDiagnosticsTest -Dfloe.regenerate=true
 * </pre>
 */
class GoldenDiagnosticsTest {
  /** The command that rewrites every {@code .err} file; printed when a comparison fails. */
  static final String REGENERATE_COMMAND =
      "./mvnw -q -o -pl floe-core test -Dtest=GoldenDiagnosticsTest -Dfloe.regenerate=true";

  private static final boolean REGENERATE = Boolean.getBoolean("floe.regenerate");

  /**
   * The environment for {@code ${VAR}} interpolation: REGION, and GITHUB_TOKEN holding a
   * GitHub-token-shaped canary that no rendering may show.
   */
  private static final String GITHUB_TOKEN = "ghp_" + "Zq7VcN2pLm8RtY4wKx9BdF3hJs6GaE1uQo5T";

  private static final Map<String, String> ENV =
      Map.of("REGION", "eu-west-1", "GITHUB_TOKEN", GITHUB_TOKEN);

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  /** Planted secret values; none may ever appear in any rendering. */
  private static final Pattern CANARY = Pattern.compile("canary-[A-Za-z0-9_-]+");

  private static final Pattern CODE_PREFIX = Pattern.compile("^([a-z][0-9]{3})-");

  /** Cases about plaintext credentials must plant a canary, or the leak check proves nothing. */
  private static final Pattern NEEDS_CANARY =
      Pattern.compile("^(c030|c031|s019-credential|x040|v004).*");

  private static final Pattern HEADLINE = Pattern.compile("(?m)^(?:error|warning)\\[(FLOE-\\w+)]");

  /** Codes no file can produce: the CLI reports them. Each needs a reason. */
  /** Codes raised by the environment or the command line, never by a file. */
  private static final Set<Code> NOT_FROM_FILES =
      EnumSet.of(Code.E053, Code.C033, Code.C034, Code.X041, Code.X042);

  /** How compile cases show their platform.yaml: as environment dev of a project. */
  private static final String COMPILE_PLATFORM = "platform/dev/platform.yaml";

  private static final int MINIMUM_CASES = 40;

  /** A hang guard for hostile inputs (alias bombs, deep nesting), not a performance check. */
  private static final Duration HANG_GUARD = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();

  enum Kind {
    PLATFORM("platform"),
    PIPELINE("pipeline"),
    COMPILE("compile"),
    ARTIFACT("artifact"),
    LOCATE("locate");

    private final String folder;

    Kind(String folder) {
      this.folder = folder;
    }
  }

  /**
   * One golden case.
   *
   * @param kind how the input is processed
   * @param name the case name, e.g. {@code s010-unknown-key}
   * @param input the input file, or the case folder
   * @param expected the {@code .err} file beside the input
   */
  record Case(Kind kind, String name, Path input, Path expected) {
    String id() {
      return kind.folder + "/" + name;
    }
  }

  @TestFactory
  Stream<DynamicTest> everyInvalidInputRendersAsItsGoldenFile() {
    return cases().stream()
        .map(c -> DynamicTest.dynamicTest(c.id(), c.input().toUri(), () -> check(c)));
  }

  @Test
  void hasAtLeastFortyCases() {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(MINIMUM_CASES);
  }

  @Test
  void everyCodeThatFilesCanProduceHasAGoldenCase() throws IOException {
    Set<String> covered = new TreeSet<>();
    for (Case c : cases()) {
      if (Files.isRegularFile(c.expected())) {
        Matcher m = HEADLINE.matcher(Files.readString(c.expected(), StandardCharsets.UTF_8));
        while (m.find()) {
          covered.add(m.group(1));
        }
      }
    }
    List<String> wanted =
        Stream.of(Code.values()).filter(c -> !NOT_FROM_FILES.contains(c)).map(Code::id).toList();
    assertThat(covered).containsAll(wanted);
  }

  @Test
  void everyGoldenFileHasItsInput() throws IOException {
    Set<Path> expected = new TreeSet<>();
    cases().forEach(c -> expected.add(c.expected()));
    try (Stream<Path> files = Files.walk(root())) {
      List<Path> orphans =
          files
              .filter(p -> p.getFileName().toString().endsWith(".err"))
              .filter(p -> !expected.contains(p))
              .toList();
      assertThat(orphans).as("stale .err files without an input").isEmpty();
    }
  }

  private static void check(Case c) throws IOException {
    SourceTexts sources = new SourceTexts();
    List<Problem> problems = assertTimeoutPreemptively(HANG_GUARD, () -> problemsOf(c, sources));
    assertThat(problems)
        .as("%s is an invalid input on purpose, but it loaded without problems", c.id())
        .isNotEmpty();
    if (!c.name().endsWith("-warning")) {
      assertThat(problems)
          .as("%s must report at least one error", c.id())
          .anyMatch(Problem::isError);
    }
    Matcher prefix = CODE_PREFIX.matcher(c.name());
    if (prefix.find()) {
      String code = "FLOE-" + prefix.group(1).toUpperCase(java.util.Locale.ROOT);
      assertThat(problems).extracting(Problem::code).as("codes of %s", c.id()).contains(code);
    }

    String text = new TextRenderer(sources, TextRenderer.Colour.PLAIN).render(problems);
    String json = JsonRenderer.render(problems);
    checkJson(c, json, problems);
    checkNoCanaryLeaks(c, text, json);

    if (REGENERATE) {
      String old =
          Files.isRegularFile(c.expected())
              ? Files.readString(c.expected(), StandardCharsets.UTF_8)
              : null;
      if (!text.equals(old)) {
        Files.writeString(c.expected(), text, StandardCharsets.UTF_8);
      }
      return;
    }
    assertThat(c.expected())
        .as("%s has no golden file; create it with: %s", c.id(), REGENERATE_COMMAND)
        .isRegularFile();
    String expected = Files.readString(c.expected(), StandardCharsets.UTF_8);
    assertThat(text)
        .as("rendering of %s (after an intended change: %s)", c.id(), REGENERATE_COMMAND)
        .isEqualTo(expected);
  }

  private static void checkJson(Case c, String json, List<Problem> problems) throws IOException {
    JsonNode document = JSON.readTree(json);
    long errors = problems.stream().filter(Problem::isError).count();
    assertThat(document.path("ok").isBoolean()).as("ok of %s", c.id()).isTrue();
    assertThat(document.path("ok").booleanValue()).as("ok of %s", c.id()).isEqualTo(errors == 0);
    assertThat(document.path("errors").asLong()).as("errors of %s", c.id()).isEqualTo(errors);
    assertThat(document.path("warnings").asLong())
        .as("warnings of %s", c.id())
        .isEqualTo(problems.size() - errors);
    assertThat(document.path("problems").size())
        .as("problems of %s", c.id())
        .isEqualTo(problems.size());
  }

  private static void checkNoCanaryLeaks(Case c, String text, String json) throws IOException {
    Set<String> canaries = canaries(c);
    if (NEEDS_CANARY.matcher(c.name()).matches()) {
      assertThat(canaries).as("%s must plant a canary-… secret value", c.id()).isNotEmpty();
    }
    for (String canary : canaries) {
      assertThat(text).as("text rendering of %s", c.id()).doesNotContain(canary);
      assertThat(json).as("JSON rendering of %s", c.id()).doesNotContain(canary);
      if (Files.isRegularFile(c.expected())) {
        assertThat(Files.readString(c.expected(), StandardCharsets.UTF_8))
            .as("golden file of %s", c.id())
            .doesNotContain(canary);
      }
    }
  }

  private static Set<String> canaries(Case c) throws IOException {
    Set<String> found = new TreeSet<>();
    List<Path> inputs;
    if (Files.isDirectory(c.input())) {
      try (Stream<Path> files = Files.walk(c.input())) {
        inputs = files.filter(Files::isRegularFile).toList();
      }
    } else {
      inputs = List.of(c.input());
    }
    for (Path input : inputs) {
      // ISO-8859-1 reads any bytes, so a case that is deliberately not UTF-8 is scanned too.
      String content = Files.readString(input, StandardCharsets.ISO_8859_1);
      Matcher m = CANARY.matcher(content);
      while (m.find()) {
        found.add(m.group());
      }
      // Every credential the detector finds in the input is a canary too, keys included.
      String[] lines = content.split("\r?\n|\r", -1);
      for (Hit hit : CredentialDetector.scan(content, Syntax.YAML).hits()) {
        found.add(lines[hit.line() - 1].substring(hit.start(), hit.end()));
      }
    }
    found.add(GITHUB_TOKEN);
    return found;
  }

  // ---- for the documentation ----------------------------------------------------------------

  /** The text rendering of the case {@code id} (e.g. {@code platform/s010-…}), as in its golden. */
  static String renderText(String id) throws IOException {
    SourceTexts sources = new SourceTexts();
    List<Problem> problems = problemsOf(find(id), sources);
    return new TextRenderer(sources, TextRenderer.Colour.PLAIN).render(problems);
  }

  /** The JSON rendering of the case {@code id}. */
  static String renderJson(String id) throws IOException {
    return JsonRenderer.render(problemsOf(find(id), new SourceTexts()));
  }

  private static Case find(String id) {
    return cases().stream()
        .filter(c -> c.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no golden case " + id));
  }

  // ---- running a case -----------------------------------------------------------------------

  /**
   * The problems a case reports; empty when it unexpectedly succeeds. A locate case that succeeds
   * reports its warnings.
   */
  private static List<Problem> problemsOf(Case c, SourceTexts sources) throws IOException {
    try {
      return run(c, sources);
    } catch (ProblemException e) {
      sources.putAll(e.sources());
      return e.problems();
    }
  }

  private static List<Problem> run(Case c, SourceTexts sources) throws IOException {
    ConfigLoader loader = new ConfigLoader(sources, ENV);
    switch (c.kind()) {
      case PLATFORM -> loader.platform(c.input(), display(c.input()));
      case PIPELINE -> loader.pipeline(c.input(), display(c.input()));
      case ARTIFACT ->
          ArtifactJson.read(
              display(c.input()), Files.readString(c.input(), StandardCharsets.UTF_8));
      case COMPILE -> compile(c, loader);
      case LOCATE -> {
        return locate(c, sources);
      }
    }
    return List.of();
  }

  private static void compile(Case c, ConfigLoader loader) throws IOException {
    Path floe = c.input().resolve("floe.yaml");
    Path platformFile = c.input().resolve("platform.yaml");
    // Shown as in a project compiled with --env dev, like the messages users see.
    Loaded<FloeSpec> pipeline =
        cleanly(c, loader.sources(), () -> loader.pipeline(floe, "floe.yaml"));
    Loaded<PlatformSpec> platform =
        cleanly(c, loader.sources(), () -> loader.platform(platformFile, COMPILE_PLATFORM));
    Map<String, String> env = properties(c.input().resolve("compile.properties"));
    new Compiler(CLOCK, env)
        .compile(pipeline, new LocatedPlatform(platform, "dev", COMPILE_PLATFORM));
  }

  private static List<Problem> locate(Case c, SourceTexts sources) throws IOException {
    Path dir = c.input();
    Map<String, String> request = properties(dir.resolve("request.properties"));
    Map<String, String> env = new LinkedHashMap<>();
    request.forEach(
        (key, value) -> {
          if (key.startsWith("env.")) {
            env.put(key.substring("env.".length()), value);
          }
        });
    ConfigLoader loader = new ConfigLoader(sources, env);
    PlatformRequest.Builder options =
        PlatformRequest.builder().workDir(dir).homeDir(dir.resolve("home"));
    Optional.ofNullable(request.get("option.platform")).map(Path::of).ifPresent(options::platform);
    Optional.ofNullable(request.get("option.env")).ifPresent(options::environment);
    PlatformLocator.Search locate = PlatformLocator.Search.of(options.build(), dir, env);
    Path floe = dir.resolve("floe.yaml");
    if (Files.isRegularFile(floe)) {
      Loaded<FloeSpec> pipeline = cleanly(c, sources, () -> loader.pipeline(floe, "floe.yaml"));
      if (pipeline.value().platform().isPresent()) {
        locate =
            locate.withPin(
                new PlatformLocator.Pin(
                    pipeline.value().platform().get(),
                    pipeline.sourceMap().position("platform.ref")));
      }
    }
    return new PlatformLocator(loader).locate(locate).warnings();
  }

  /** Loads an input that must be valid: the case is about what comes after loading. */
  private static <T> T cleanly(Case c, SourceTexts sources, Supplier<T> load) {
    try {
      return load.get();
    } catch (ProblemException e) {
      throw new AssertionError(
          c.id()
              + ": this input must load cleanly, but:\n"
              + new TextRenderer(sources, TextRenderer.Colour.PLAIN).render(e.problems()));
    }
  }

  private static Map<String, String> properties(Path file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    new TreeSet<>(properties.stringPropertyNames())
        .forEach(name -> out.put(name, properties.getProperty(name)));
    return out;
  }

  // ---- finding cases ------------------------------------------------------------------------

  /** Every case, sorted by kind and name. */
  static List<Case> cases() {
    List<Case> all = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      Path folder = root().resolve(kind.folder);
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> children = Files.list(folder)) {
        for (Path child : children.sorted().toList()) {
          toCase(kind, child).ifPresent(all::add);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all;
  }

  private static Optional<Case> toCase(Kind kind, Path child) {
    String file = child.getFileName().toString();
    boolean folderCase = kind == Kind.COMPILE || kind == Kind.LOCATE;
    String suffix = kind == Kind.ARTIFACT ? ".json" : ".yaml";
    if (folderCase && Files.isDirectory(child)) {
      return Optional.of(new Case(kind, file, child, child.resolveSibling(file + ".err")));
    }
    if (!folderCase && Files.isRegularFile(child) && file.endsWith(suffix)) {
      String name = file.substring(0, file.length() - suffix.length());
      return Optional.of(new Case(kind, name, child, child.resolveSibling(name + ".err")));
    }
    return Optional.empty();
  }

  /** The file as shown in diagnostics: relative to the diagnostics folder, '/' separated. */
  private static String display(Path file) {
    return SourcePaths.display(file, root());
  }

  /**
   * The cases in the module's source tree, not the copy on the class path, so that regeneration
   * rewrites the files under version control.
   */
  static Path root() {
    return Root.PATH;
  }

  /** Found once, on first use. */
  private static final class Root {
    static final Path PATH = findRoot();
  }

  private static Path findRoot() {
    Path relative = Path.of("src", "test", "resources", "diagnostics");
    List<Path> tried = new ArrayList<>();
    URL copy = GoldenDiagnosticsTest.class.getResource("/diagnostics");
    if (copy != null && copy.getProtocol().equals("file")) {
      try {
        // <module>/target/test-classes/diagnostics -> <module>
        Path module = Path.of(copy.toURI()).resolve("../../..").normalize();
        tried.add(module.resolve(relative));
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    tried.add(Path.of("").toAbsolutePath().resolve(relative));
    tried.add(Path.of("").toAbsolutePath().resolve("floe-core").resolve(relative));
    return tried.stream()
        .filter(Files::isDirectory)
        .findFirst()
        .map(p -> p.toAbsolutePath().normalize())
        .orElseThrow(() -> new IllegalStateException("no diagnostics folder among " + tried));
  }
}
