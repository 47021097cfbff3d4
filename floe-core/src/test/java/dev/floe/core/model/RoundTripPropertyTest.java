package dev.floe.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.compile.ArtifactJson;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.compile.Compiler;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.SourceTexts;
import dev.floe.core.diag.TextRenderer;
import dev.floe.core.internal.credential.CredentialKeys;
import dev.floe.core.internal.load.ConfigLoader;
import dev.floe.core.internal.pipeline.PipelineTrees;
import dev.floe.core.internal.platform.PlatformTrees;
import dev.floe.core.load.Loaded;
import dev.floe.core.platform.LocatedPlatform;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Property-style round trips with seeded random models: model → YAML → model for both configuration
 * files, and model → CompiledArtifacts → JSON → CompiledArtifacts. Run with {@code -Dfloe.seed=N}
 * to replay a failure and {@code -Dfloe.iterations=N} to explore longer; every failure names the
 * seed and iteration.
 */
class RoundTripPropertyTest {
  private static final long SEED = Long.getLong("floe.seed", 0x5EEDF10EL);
  private static final int ITERATIONS = Integer.getInteger("floe.iterations", 500);
  private static final Pattern NON_BLANK = Pattern.compile("(?s).*\\S.*");

  /**
   * Strings that YAML writers and readers get wrong: indicators, look-alike scalars of other types,
   * quotes, comments, line breaks, unicode. C1 controls and U+FFFE are left out: see
   * ArtifactJsonTest#everyValueThePlatformAcceptsRoundTrips.
   */
  private static final List<String> AWKWARD =
      List.of(
          "plain",
          "with space",
          " leading",
          "trailing ",
          "  both  ",
          "\"double\"",
          "'single'",
          "it's",
          "a: b",
          "a:b",
          "key: value # comment",
          "# hash",
          "#",
          "a #b",
          "-",
          "- item",
          "--- ",
          "...",
          "? q",
          "!tag",
          "!!str",
          "&anchor",
          "*alias",
          "%percent",
          "@at",
          "`tick`",
          "|",
          ">",
          "[list]",
          "{map}",
          "a, b",
          "yes",
          "no",
          "on",
          "off",
          "y",
          "true",
          "True",
          "FALSE",
          "null",
          "Null",
          "~",
          "1.0",
          "1",
          "-1",
          "0x1F",
          "0o17",
          "1e3",
          ".inf",
          "-.inf",
          ".nan",
          "1_000",
          "+1",
          "007",
          "2026-01-01",
          "12:30:45",
          "\u00fcn\u00efc\u00f6d\u00e9",
          "\u65e5\u672c\u8a9e",
          "emoji \ud83c\udf89",
          "tab\there",
          "line\nbreak",
          "two\n\nparagraphs",
          "trailing newline\n",
          "cr\rlf",
          "back\\slash",
          "\\n literal",
          "nel\u0085x",
          "ls\u2028x",
          "\ufeffbom",
          "nul\u0000x",
          "del\u007fx",
          "$dollar",
          "$$",
          "50%",
          "a=b&c=d",
          "C:\\path\\to",
          "/abs/path",
          "./rel",
          "x-not-ignored",
          "<<",
          "=",
          "\u00a0nbsp",
          "mailto:ops@example.com",
          "word ".repeat(30).trim());

  /** Awkward only in platform.yaml, where ${...} is interpolated (and written as $${...}). */
  private static final List<String> INTERPOLATION_LOOKALIKES =
      List.of("${NOT_A_VARIABLE}", "pre ${X:-y} post", "$${already}", "${", "}$");

  // ---- properties -------------------------------------------------------------------------------

  @Test
  void platformSpecSurvivesYaml() {
    forEachIteration(
        (gen, label) -> {
          PlatformSpec spec = gen.platform(false);
          String yaml = gen.yaml(PlatformTrees.tree(spec), true);
          PlatformSpec loaded = loadPlatform(yaml, label).value();
          assertThat(loaded).as(label + "\n" + yaml).isEqualTo(spec);
        });
  }

  @Test
  void floeSpecSurvivesYaml() {
    forEachIteration(
        (gen, label) -> {
          FloeSpec spec = gen.pipeline(List.of(), List.of(), List.of());
          String yaml = gen.yaml(PipelineTrees.tree(spec), false);
          FloeSpec loaded = loadPipeline(yaml, label).value();
          assertThat(loaded).as(label + "\n" + yaml).isEqualTo(spec);
        });
  }

  @Test
  void compiledArtifactsSurviveJson() {
    forEachIteration(
        (gen, label) -> {
          PlatformSpec platformSpec = gen.platform(true);
          FloeSpec floeSpec =
              gen.pipeline(
                  List.copyOf(platformSpec.catalogs().keySet()),
                  List.copyOf(platformSpec.storage().keySet()),
                  List.copyOf(platformSpec.compute().keySet()));
          String platformYaml = gen.yaml(PlatformTrees.tree(platformSpec), true);
          String pipelineYaml = gen.yaml(PipelineTrees.tree(floeSpec), false);
          LocatedPlatform platform =
              new LocatedPlatform(
                  loadPlatform(platformYaml, label), gen.environment(), gen.platformSource());
          Map<String, String> env =
              Map.of("SOURCE_DATE_EPOCH", Long.toString(gen.nextLong(0, 253_402_300_799L)));
          Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

          CompiledArtifacts artifacts;
          try {
            artifacts =
                new Compiler(clock, env).compile(loadPipeline(pipelineYaml, label), platform);
          } catch (ProblemException e) {
            throw new AssertionError(label + ": compile failed: " + e.problems(), e);
          }
          String json = ArtifactJson.write(artifacts);
          CompiledArtifacts read;
          try {
            read = ArtifactJson.read("artifact.json", json);
          } catch (ProblemException e) {
            throw new AssertionError(
                label + ": written JSON does not read back: " + e.problems() + "\n" + json, e);
          }
          assertThat(read).as(label + "\n" + json).isEqualTo(artifacts);
          assertThat(ArtifactJson.write(read)).as(label).isEqualTo(json);
          assertThat(read.catalog().value())
              .as(label)
              .isEqualTo(platformSpec.catalogs().get(floeSpec.catalog()));
          assertThat(read.storage().value())
              .as(label)
              .isEqualTo(platformSpec.storage().get(floeSpec.storage()));
          assertThat(read.compute().value())
              .as(label)
              .isEqualTo(platformSpec.compute().get(floeSpec.compute()));
        });
  }

  @Test
  void yamlWriterWritesSecretRefsAsMappingsAndLiteralsAsText() {
    Gen gen = new Gen(new Random(SEED));
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("ref", new SecretRef("polaris-secret"));
    tree.put("literal", StringOrSecret.literal("http://h/${X}"));
    tree.put("list", List.of(true, 3L, 0.5));

    String yaml = gen.yaml(tree, true);

    assertThat(yaml)
        .contains("secret_ref: polaris-secret")
        .contains("http://h/$${X}")
        .doesNotContain("Literal");
  }

  // ---- harness ----------------------------------------------------------------------------------

  private interface Property {
    void check(Gen gen, String label);
  }

  private static void forEachIteration(Property property) {
    Random seeds = new Random(SEED);
    for (int i = 0; i < ITERATIONS; i++) {
      long iterationSeed = seeds.nextLong();
      String label =
          "seed " + SEED + " (-Dfloe.seed), iteration " + i + " (seed " + iterationSeed + ")";
      try {
        property.check(new Gen(new Random(iterationSeed)), label);
      } catch (RuntimeException e) {
        throw new AssertionError(label + ": " + e, e);
      }
    }
  }

  private static Loaded<PlatformSpec> loadPlatform(String yaml, String label) {
    SourceTexts sources = new SourceTexts();
    try {
      return new ConfigLoader(sources, Map.of()).platformText("platform.yaml", yaml);
    } catch (ProblemException e) {
      throw new AssertionError(
          label + ": generated platform.yaml is refused:\n" + render(e, sources) + yaml, e);
    }
  }

  private static Loaded<FloeSpec> loadPipeline(String yaml, String label) {
    SourceTexts sources = new SourceTexts();
    try {
      return new ConfigLoader(sources, Map.of()).pipelineText("floe.yaml", yaml);
    } catch (ProblemException e) {
      throw new AssertionError(
          label + ": generated floe.yaml is refused:\n" + render(e, sources) + yaml, e);
    }
  }

  private static String render(ProblemException e, SourceTexts sources) {
    return new TextRenderer(sources, TextRenderer.Colour.PLAIN).render(e.problems());
  }

  // ---- generators -------------------------------------------------------------------------------

  /** Random valid models and their YAML text. Not thread-safe. */
  private static final class Gen {
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGITS = "0123456789";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";

    private final Random random;

    Gen(Random random) {
      this.random = random;
    }

    // -- YAML ---------------------------------------------------------------------------------

    /** The tree as YAML; platform.yaml strings have <code>${</code> escaped as <code>$${</code>. */
    String yaml(Object tree, boolean platform) {
      DumpSettings settings =
          DumpSettings.builder()
              .setSchema(new CoreSchema())
              .setDefaultFlowStyle(pick(List.of(FlowStyle.BLOCK, FlowStyle.FLOW, FlowStyle.AUTO)))
              .setIndent(2 + random.nextInt(3))
              .setWidth(pick(List.of(20, 80, 1000)))
              // snakeyaml-engine 3.2 mis-splits a long double-quoted scalar at an escaped space
              // ("\t \u2026" is written back as "\t\\  \u2026"): a writer bug, not a reader one.
              .setSplitLines(false)
              .build();
      return new Dump(settings).dumpToString(plain(tree, platform));
    }

    private static Object plain(Object value, boolean platform) {
      if (value instanceof Map<?, ?> map) {
        Map<Object, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, plain(v, platform)));
        return out;
      } else if (value instanceof List<?> list) {
        List<Object> out = new ArrayList<>();
        list.forEach(v -> out.add(plain(v, platform)));
        return out;
      } else if (value instanceof SecretRef ref) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("secret_ref", ref.name());
        return out;
      } else if (value instanceof StringOrSecret.Literal literal) {
        return plain(literal.value(), platform);
      } else if (value instanceof String text) {
        return platform ? text.replace("${", "$${") : text;
      } else if (value instanceof Boolean || value instanceof Long || value instanceof Double) {
        return value;
      }
      throw new IllegalArgumentException("unexpected " + value.getClass());
    }

    // -- platform -----------------------------------------------------------------------------

    PlatformSpec platform(boolean everySection) {
      int min = everySection ? 1 : 0;
      Map<String, StorageProfile> storage = new TreeMap<>();
      repeat(min, 3, () -> storage.put(profileName(), storage()));
      Map<String, CatalogProfile> catalogs = new TreeMap<>();
      repeat(min, 3, () -> catalogs.put(profileName(), catalog()));
      Map<String, ComputeProfile> compute = new TreeMap<>();
      repeat(min, 3, () -> compute.put(profileName(), compute()));
      PlatformObservability observability =
          random.nextInt(5) == 0 ? PlatformObservability.DEFAULT : observability();
      return new PlatformSpec(platformVersion(), storage, catalogs, compute, observability);
    }

    StorageProfile storage() {
      StorageType type = pick(List.of(StorageType.values()));
      Credentials noOauth2 = random.nextBoolean() ? Credentials.NONE : credentials(false);
      return switch (type) {
        case S3 ->
            new StorageProfile(
                type,
                maybe(this::storageEndpoint),
                Optional.of(nonEmpty(true)),
                Optional.of(bucket()),
                Optional.empty(),
                random.nextBoolean(),
                noOauth2);
        case GCS, AZURE ->
            new StorageProfile(
                type,
                maybe(this::storageEndpoint),
                Optional.empty(),
                Optional.of(bucket()),
                Optional.empty(),
                false,
                noOauth2);
        case LOCAL ->
            new StorageProfile(
                type,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(nonEmpty(true)),
                false,
                Credentials.NONE);
      };
    }

    CatalogProfile catalog() {
      CatalogType type = pick(List.of(CatalogType.values()));
      Optional<StringOrSecret> uri =
          type == CatalogType.GLUE && random.nextBoolean()
              ? Optional.empty()
              : Optional.of(uri(type));
      Map<String, StringOrSecret> properties = new TreeMap<>();
      repeat(
          0,
          3,
          () ->
              properties.put(
                  mapKey(true),
                  random.nextInt(3) == 0 ? secretRef() : StringOrSecret.literal(text(true))));
      if (random.nextInt(4) == 0) {
        properties.put(
            pick(List.of("password", "token", "client.secret", "s3.secret-access-key")),
            secretRef());
      }
      return new CatalogProfile(
          type,
          uri,
          nonEmpty(true),
          nonEmpty(true),
          pick(List.of(AccessDelegation.values())),
          random.nextBoolean(),
          properties,
          random.nextInt(3) == 0 ? Credentials.NONE : credentials(true));
    }

    private StringOrSecret uri(CatalogType type) {
      if (random.nextInt(4) == 0) {
        return secretRef();
      }
      return StringOrSecret.literal(
          switch (type) {
            case JDBC ->
                pick(List.of("jdbc:sqlite:", "jdbc:postgresql://db:5432/", "jdbc:h2:"))
                    + pick(List.of("catalog.db", ".floe/catalog.db", "iceberg?ssl=true", "x"));
            case HIVE -> "thrift://" + host() + ":9083";
            default -> url();
          });
    }

    ComputeProfile compute() {
      ComputeType type = pick(List.of(ComputeType.values()));
      Map<String, Object> p = new TreeMap<>();
      switch (type) {
        case DUCKDB -> {
          maybePut(p, "database", () -> nonEmpty(true));
          maybePut(p, "threads", () -> nextLong(1, 1024));
          maybePut(p, "memory_limit", this::memoryLimit);
          maybePut(p, "temp_directory", () -> nonEmpty(true));
        }
        case POSTGRES -> {
          textProperties(p, "host", "database", "schema");
          maybePut(p, "port", () -> nextLong(1, 65535));
          maybePut(
              p,
              "sslmode",
              () ->
                  pick(
                      List.of(
                          "disable", "allow", "prefer", "require", "verify-ca", "verify-full")));
        }
        case SNOWFLAKE -> textProperties(p, "account", "warehouse", "database", "schema", "role");
        case BIGQUERY -> textProperties(p, "project", "dataset", "location");
        case REDSHIFT -> {
          textProperties(p, "host", "database", "schema");
          maybePut(p, "port", () -> nextLong(1, 65535));
        }
        case DATABRICKS -> textProperties(p, "host", "http_path", "catalog", "schema");
        case SPARK -> {
          textProperties(p, "master", "app_name");
          if (random.nextBoolean()) {
            Map<String, String> conf = new TreeMap<>();
            repeat(0, 3, () -> conf.put(mapKey(true), text(true)));
            p.put("conf", SortedMaps.copyOf(conf));
          }
        }
        case TRINO -> {
          textProperties(p, "host", "catalog", "schema");
          maybePut(p, "port", () -> nextLong(1, 65535));
          maybePut(p, "ssl", random::nextBoolean);
        }
      }
      return new ComputeProfile(
          type, p, random.nextBoolean() ? Credentials.NONE : credentials(true));
    }

    private void textProperties(Map<String, Object> properties, String... names) {
      for (String name : names) {
        maybePut(properties, name, () -> nonEmpty(true));
      }
    }

    Credentials credentials(boolean oauth2Allowed) {
      List<CredentialMode> modes = new ArrayList<>(List.of(CredentialMode.values()));
      if (!oauth2Allowed) {
        modes.remove(CredentialMode.OAUTH2);
      }
      return switch (pick(modes)) {
        case STATIC -> new Credentials.Static(maybe(() -> new SecretRef(secretName())));
        case OAUTH2 ->
            new Credentials.OAuth2(
                random.nextBoolean() ? secretRef() : StringOrSecret.literal(nonEmpty(true)),
                secretRef(),
                maybe(() -> nonEmpty(true)),
                maybe(() -> random.nextInt(4) == 0 ? "" : url()),
                maybe(() -> nonEmpty(true)));
        case IAM_ROLE ->
            new Credentials.IamRole(
                roleArn(),
                maybe(() -> nonEmpty(true)),
                maybe(() -> nonEmpty(true)),
                maybe(() -> nonEmpty(true)),
                maybe(this::duration));
        case SERVICE_ACCOUNT ->
            new Credentials.ServiceAccount(
                maybe(() -> nonEmpty(true)),
                maybe(() -> nonEmpty(true)),
                maybe(() -> pick(List.of(IdentityProvider.values()))));
      };
    }

    PlatformObservability observability() {
      Map<String, String> attributes = new TreeMap<>();
      repeat(0, 4, () -> attributes.put(mapKey(true), text(true)));
      return new PlatformObservability(
          new Signals(random.nextBoolean(), random.nextBoolean(), random.nextBoolean()),
          maybe(() -> random.nextInt(3) == 0 ? secretRef() : StringOrSecret.literal(url())),
          pick(List.of(OtlpProtocol.values())),
          maybe(() -> random.nextInt(3) == 0 ? secretRef() : StringOrSecret.literal(url())),
          maybe(() -> nonEmpty(true)),
          sampling(),
          attributes);
    }

    // -- floe.yaml ----------------------------------------------------------------------------

    /** A pipeline; it picks its profiles from the given names when there are any. */
    FloeSpec pipeline(List<String> catalogs, List<String> storage, List<String> compute) {
      List<String> packages = new ArrayList<>();
      repeat(0, 3, () -> packages.add(javaPackage()));
      List<FloeSpec.Transform> transforms = new ArrayList<>();
      repeat(
          0,
          3,
          () ->
              transforms.add(
                  new FloeSpec.Transform(
                      pick(List.of(TransformType.values())),
                      nonEmpty(false),
                      maybe(() -> nonEmpty(false)))));
      Map<String, String> attributes = new TreeMap<>();
      repeat(0, 4, () -> attributes.put(mapKey(false), text(false)));
      return new FloeSpec(
          pipelineName(),
          semver(random.nextInt(4)),
          maybe(() -> new FloeSpec.PlatformPin(ociRef(), maybe(this::versionRange))),
          catalogs.isEmpty() ? profileName() : pick(catalogs),
          storage.isEmpty() ? profileName() : pick(storage),
          compute.isEmpty() ? profileName() : pick(compute),
          packages,
          transforms,
          new FloeSpec.Governance(
              pick(List.of(ClassificationSource.values())), random.nextBoolean()),
          new FloeSpec.Observability(
              new Signals(random.nextBoolean(), random.nextBoolean(), random.nextBoolean()),
              attributes));
    }

    // -- values -------------------------------------------------------------------------------

    String environment() {
      return pick(List.of("local", "dev", "staging", "prod", "sandbox-team-a", "dr-region-2", "x"))
          + (random.nextBoolean() ? "" : "-" + random.nextInt(100));
    }

    String platformSource() {
      return pick(List.of("platform/dev/platform.yaml", "env", "builtin:local", nonEmpty(true)));
    }

    String profileName() {
      if (random.nextInt(6) == 0) {
        return pick(List.of("default", "True", "null", "no", "NaN", "y", "Inf", "prod-2", "a_b"));
      }
      String name;
      do {
        name = chars(LETTERS, 1) + chars(LETTERS + DIGITS + "_-", random.nextInt(12));
        // Credential-like names are refused: see SchemaValidatorTest#profileNamedLikeACredential.
      } while (name.startsWith("x-") || CredentialKeys.isCredential(name));
      return name;
    }

    String pipelineName() {
      return chars(LETTERS, 1)
          + chars(LETTERS + DIGITS + "_-", random.nextInt(random.nextBoolean() ? 10 : 100));
    }

    String secretName() {
      int length = random.nextInt(10) == 0 ? 253 : 1 + random.nextInt(30);
      return chars(LETTERS + DIGITS, 1) + chars(LETTERS + DIGITS + "_-", length - 1);
    }

    SecretRef secretRef() {
      return new SecretRef(secretName());
    }

    String platformVersion() {
      return random.nextInt(4) == 0 ? "1.0.0" : "1" + semver(random.nextInt(4)).substring(1);
    }

    String semver(int extras) {
      String core = random.nextInt(10) + "." + random.nextInt(20) + "." + random.nextInt(200);
      String pre =
          extras % 2 == 1 ? "-" + pick(List.of("rc.1", "alpha", "beta.2", "0.3.7", "x-y")) : "";
      String build = extras >= 2 ? "+" + pick(List.of("build.5", "sha.abc123", "001")) : "";
      return core + pre + build;
    }

    String versionRange() {
      return pick(List.of("^1.4.0", "~1.4", ">=1.2.0 <2.0.0", "1.x", "=2.0.0-rc.1", "*", "1"))
          .replace("*", "1.*");
    }

    String ociRef() {
      return "oci://"
          + host()
          + (random.nextBoolean() ? "" : ":" + (1 + random.nextInt(65535)))
          + "/"
          + chars(LOWER + DIGITS + "._-", 1 + random.nextInt(8))
          + (random.nextBoolean() ? "" : "/" + chars(LOWER, 1 + random.nextInt(8)));
    }

    String javaPackage() {
      StringBuilder name = new StringBuilder();
      int parts = 1 + random.nextInt(4);
      for (int i = 0; i < parts; i++) {
        name.append(i == 0 ? "" : ".")
            .append(chars(LETTERS + "_", 1))
            .append(chars(LETTERS + DIGITS + "_", random.nextInt(8)));
      }
      return name.toString();
    }

    String host() {
      return chars(LOWER, 1)
          + chars(LOWER + DIGITS + "-", random.nextInt(10))
          + chars(LOWER, 1)
          + (random.nextBoolean() ? "" : "." + chars(LOWER, 2 + random.nextInt(5)));
    }

    String url() {
      return pick(List.of("http", "https", "HTTPS"))
          + "://"
          + host()
          + (random.nextBoolean() ? "" : ":" + (1 + random.nextInt(65535)))
          + pick(List.of("", "/", "/api/catalog", "/v1?x=1&y=2", "/a%20b#frag", "/~user/x.y"));
    }

    StringOrSecret storageEndpoint() {
      int kind = random.nextInt(4);
      return kind == 0 ? secretRef() : StringOrSecret.literal(kind == 1 ? "" : url());
    }

    String bucket() {
      String middle = chars(LOWER + DIGITS + "-", 1 + random.nextInt(20));
      return chars(LOWER + DIGITS, 1) + middle + chars(LOWER + DIGITS, 1);
    }

    String roleArn() {
      return "arn:aws"
          + pick(List.of("", "-cn", "-iso"))
          + ":iam::"
          + chars(DIGITS, 12)
          + ":role/"
          + chars(LETTERS + DIGITS + "+=,.@/-_", 1 + random.nextInt(30));
    }

    /** 15m to 12h, in each unit floe writes: whole hours, whole minutes, or seconds. */
    Duration duration() {
      return switch (random.nextInt(3)) {
        case 0 -> Duration.ofSeconds(900 + random.nextInt(42_301));
        case 1 -> Duration.ofMinutes(15 + random.nextInt(706));
        default -> Duration.ofHours(1 + random.nextInt(12));
      };
    }

    String memoryLimit() {
      return (1 + random.nextInt(64))
          + (random.nextBoolean() ? "" : "." + random.nextInt(10))
          + (random.nextBoolean() ? "" : " ")
          + pick(List.of("B", "KB", "MB", "GB", "TB", "KiB", "MiB", "GiB", "TiB", "%"));
    }

    double sampling() {
      return random.nextBoolean()
          ? random.nextDouble()
          : pick(List.of(0.0, 1.0, 0.5, 0.1, 1e-7, 0.30000000000000004, 0.999999999999));
    }

    /** Any text, empty included. */
    String text(boolean platform) {
      int kind = random.nextInt(10);
      if (kind == 0) {
        return pick(List.of("", " ", "\t", "\n"));
      }
      return kind < 4 ? randomText(platform) : awkward(platform);
    }

    /** Text with at least one non-blank character. */
    String nonEmpty(boolean platform) {
      String text;
      do {
        text = text(platform);
      } while (!NON_BLANK.matcher(text).matches());
      return text;
    }

    /** A key of a free-form map: not blank (in the Unicode sense) and not credential-like. */
    String mapKey(boolean platform) {
      String key;
      do {
        key = nonEmpty(platform);
      } while (key.isBlank() || CredentialKeys.isCredential(key));
      return key;
    }

    private String awkward(boolean platform) {
      if (platform && random.nextInt(8) == 0) {
        return pick(INTERPOLATION_LOOKALIKES);
      }
      return pick(AWKWARD);
    }

    private String randomText(boolean platform) {
      StringBuilder out = new StringBuilder();
      int length = random.nextInt(random.nextInt(10) == 0 ? 300 : 24);
      while (out.length() < length) {
        int c =
            switch (random.nextInt(10)) {
              case 0 -> pick(List.of(' ', '\t', '\n', ':', '#', '-', '"', '\'', '\\', '{', '['));
              case 1 -> 0xa0 + random.nextInt(0x2000);
              case 2 -> 0x1f300 + random.nextInt(0x200);
              case 3 -> 0x3040 + random.nextInt(0x100);
              default -> 0x20 + random.nextInt(0x5f);
            };
        out.appendCodePoint(c);
      }
      String text = out.toString();
      // Keep clear of the rules that rightly refuse some values: URL user-info and ${ in floe.yaml.
      if (text.contains("@") || text.contains("=") || (!platform && text.contains("${"))) {
        return awkward(platform);
      }
      return text;
    }

    // -- helpers -------------------------------------------------------------------------------

    long nextLong(long min, long max) {
      return min + (long) (random.nextDouble() * (max - min + 1));
    }

    private <T> T pick(List<T> values) {
      return values.get(random.nextInt(values.size()));
    }

    private <T> Optional<T> maybe(Supplier<T> value) {
      return random.nextBoolean() ? Optional.of(value.get()) : Optional.empty();
    }

    private void maybePut(Map<String, Object> map, String key, Supplier<Object> value) {
      if (random.nextBoolean()) {
        map.put(key, value.get());
      }
    }

    private void repeat(int min, int max, Runnable action) {
      int times = min + random.nextInt(max - min + 1);
      for (int i = 0; i < times; i++) {
        action.run();
      }
    }

    private String chars(String alphabet, int count) {
      StringBuilder out = new StringBuilder(count);
      for (int i = 0; i < count; i++) {
        out.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      return out.toString();
    }
  }
}
