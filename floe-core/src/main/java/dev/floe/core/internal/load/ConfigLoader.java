package dev.floe.core.internal.load;

import dev.floe.core.diag.Code;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.ProblemList;
import dev.floe.core.diag.SourceTexts;
import dev.floe.core.internal.digest.Hashes;
import dev.floe.core.internal.pipeline.PipelineSchema;
import dev.floe.core.internal.pipeline.PipelineTrees;
import dev.floe.core.internal.platform.PlatformSchema;
import dev.floe.core.internal.platform.PlatformTrees;
import dev.floe.core.internal.schema.Keys;
import dev.floe.core.internal.schema.SchemaValidator;
import dev.floe.core.internal.schema.Strings;
import dev.floe.core.internal.schema.Tier;
import dev.floe.core.internal.yaml.YamlLimits;
import dev.floe.core.internal.yaml.YamlLoader;
import dev.floe.core.internal.yaml.YamlMapping;
import dev.floe.core.internal.yaml.YamlNode;
import dev.floe.core.internal.yaml.YamlScalar;
import dev.floe.core.load.Loaded;
import dev.floe.core.model.FloeSpec;
import dev.floe.core.model.PlatformSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Loads and validates floe.yaml and platform.yaml into immutable models, reporting every problem of
 * a file at once as a {@link ProblemException}. Nothing here resolves a secret. Thread-safe.
 */
public final class ConfigLoader {
  private static final Set<String> PLATFORM_ONLY_KEYS = platformOnlyKeys();

  private final SourceTexts sources;
  private final Map<String, String> env;
  private final YamlLoader yaml;

  /**
   * A loader.
   *
   * @param sources records loaded texts for rendering snippets
   * @param env the environment used for {@code ${VAR}} interpolation in platform.yaml
   */
  public ConfigLoader(SourceTexts sources, Map<String, String> env) {
    this(sources, env, YamlLimits.DEFAULT);
  }

  /** A loader with explicit YAML limits. */
  public ConfigLoader(SourceTexts sources, Map<String, String> env, YamlLimits limits) {
    this.sources = sources;
    this.env = Map.copyOf(env);
    this.yaml = new YamlLoader(limits, sources);
  }

  /** The texts this loader has read. */
  public SourceTexts sources() {
    return sources;
  }

  /** Reads and validates a platform.yaml file. */
  public Loaded<PlatformSpec> platform(Path file, String displayName) {
    return platformText(displayName, read(file, displayName));
  }

  /** Validates platform.yaml text. */
  public Loaded<PlatformSpec> platformText(String displayName, String text) {
    ProblemList problems = new ProblemList();
    Optional<YamlNode> root = yaml.load(displayName, text, problems);
    problems.throwIfErrors();
    checkPlatformVersion(root.orElseThrow());
    SchemaValidator validator = new SchemaValidator(Tier.PLATFORM, env, Set.of(), problems);
    Optional<Object> tree = validator.validate(root.get(), PlatformSchema.document());
    problems.throwIfErrors();
    PlatformSpec spec = PlatformTrees.spec(cast(tree.orElseThrow()));
    return new Loaded<>(spec, displayName, validator.sourceMap(), Hashes.sha256(text));
  }

  /** Reads and validates a floe.yaml file. */
  public Loaded<FloeSpec> pipeline(Path file, String displayName) {
    return pipelineText(displayName, read(file, displayName));
  }

  /** Validates floe.yaml text. */
  public Loaded<FloeSpec> pipelineText(String displayName, String text) {
    ProblemList problems = new ProblemList();
    Optional<YamlNode> root = yaml.load(displayName, text, problems);
    problems.throwIfErrors();
    SchemaValidator validator =
        new SchemaValidator(Tier.PIPELINE, Map.of(), PLATFORM_ONLY_KEYS, problems);
    Optional<Object> tree = validator.validate(root.orElseThrow(), PipelineSchema.document());
    PipelineCredentials.check(root.get(), sources, problems);
    problems.throwIfErrors();
    FloeSpec spec = PipelineTrees.spec(cast(tree.orElseThrow()));
    return new Loaded<>(spec, displayName, validator.sourceMap(), Hashes.sha256(text));
  }

  private String read(Path file, String displayName) {
    ProblemList problems = new ProblemList();
    Optional<String> text = YamlLoader.readText(file, displayName, problems);
    problems.throwIfErrors();
    return text.orElseThrow();
  }

  /** A major version other than 1 stops validation at once: the rest would only be noise. */
  private static void checkPlatformVersion(YamlNode root) {
    if (!(root instanceof YamlMapping mapping)) {
      return;
    }
    Optional<YamlNode> version = mapping.get("version");
    if (version.isEmpty() || !(version.get() instanceof YamlScalar scalar)) {
      return;
    }
    Matcher m = Strings.SEMVER.matcher(scalar.value());
    if (scalar.kind() == YamlScalar.Kind.STRING
        && m.matches()
        && !m.group(1).equals(Integer.toString(PlatformSchema.MAJOR_VERSION))) {
      throw new ProblemException(
          Problem.error(
                  Code.S001,
                  "Platform schema version '"
                      + scalar.value()
                      + "' is not supported: this floe reads platform.yaml major version "
                      + PlatformSchema.MAJOR_VERSION)
              .at(scalar.position())
              .path("version")
              .hint(
                  "write version: \"1.0.0\", or upgrade floe to one that reads major version "
                      + m.group(1))
              .build());
    }
  }

  private static Set<String> platformOnlyKeys() {
    Set<String> keys = new TreeSet<>(PlatformSchema.keyNames());
    keys.removeAll(Keys.of(PipelineSchema.document()));
    keys.addAll(Set.of("credentials", "secret_ref", "uri", "endpoint", "otlp_endpoint"));
    return Set.copyOf(keys);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object tree) {
    return (Map<String, Object>) tree;
  }

  /** The keys floe.yaml refuses because they belong in platform.yaml. */
  public static Set<String> platformOnly() {
    return PLATFORM_ONLY_KEYS;
  }
}
