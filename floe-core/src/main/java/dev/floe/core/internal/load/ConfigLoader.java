package dev.floe.core.internal.load;

import dev.floe.core.diag.Code;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.ProblemList;
import dev.floe.core.diag.SourceTexts;
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
import java.util.List;
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
  /**
   * The platform's key names are computed from both schemas on first use: a floe.yaml without a
   * stray key never needs them, and walking the schemas is start-up time of every command.
   */
  private static final Set<String> PLATFORM_ONLY_KEYS =
      new java.util.AbstractSet<>() {
        @Override
        public boolean contains(Object key) {
          return PlatformOnly.KEYS.contains(key);
        }

        @Override
        public java.util.Iterator<String> iterator() {
          return PlatformOnly.KEYS.iterator();
        }

        @Override
        public int size() {
          return PlatformOnly.KEYS.size();
        }
      };

  private static final class PlatformOnly {
    static final Set<String> KEYS = platformOnlyKeys();
  }

  private static final Set<String> PLATFORM_SECTIONS = Set.of("storage", "compute", "catalogs");
  private static final Set<String> PLATFORM_KEYS =
      Set.of("storage", "compute", "catalogs", "observability");
  private static final Set<String> PIPELINE_SECTIONS =
      Set.of("name", "assets", "transforms", "governance", "platform");

  private final SourceTexts sources;
  private final Map<String, String> env;
  private final YamlLoader yaml;
  private final YamlLimits limits;

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
    this.limits = limits;
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
    failOnErrors(problems, displayName, text);
    checkKind(Tier.PLATFORM, root.orElseThrow(), displayName);
    checkPlatformVersion(root.get());
    SchemaValidator validator = new SchemaValidator(Tier.PLATFORM, env, Set.of(), problems);
    Optional<Object> tree = validator.validate(root.get(), PlatformSchema.document());
    ConfigCredentials.check(Tier.PLATFORM, root.get(), sources, env, problems);
    failOnErrors(problems, displayName, text);
    PlatformSpec spec = PlatformTrees.spec(cast(tree.orElseThrow()));
    return Loaded.ofText(spec, displayName, validator.sourceMap(), text);
  }

  /** Reads and validates a floe.yaml file. */
  public Loaded<FloeSpec> pipeline(Path file, String displayName) {
    return pipelineText(displayName, read(file, displayName));
  }

  /** Validates floe.yaml text. */
  public Loaded<FloeSpec> pipelineText(String displayName, String text) {
    ProblemList problems = new ProblemList();
    Optional<YamlNode> root = yaml.load(displayName, text, problems);
    failOnErrors(problems, displayName, text);
    checkKind(Tier.PIPELINE, root.orElseThrow(), displayName);
    SchemaValidator validator =
        new SchemaValidator(Tier.PIPELINE, Map.of(), PLATFORM_ONLY_KEYS, problems);
    Optional<Object> tree = validator.validate(root.get(), PipelineSchema.document());
    ConfigCredentials.check(Tier.PIPELINE, root.get(), sources, Map.of(), problems);
    failOnErrors(problems, displayName, text);
    FloeSpec spec = PipelineTrees.spec(cast(tree.orElseThrow()));
    return Loaded.ofText(spec, displayName, validator.sourceMap(), text);
  }

  /**
   * Throws the problems when there is an error, after hiding every credential of the text from
   * snippets and masking any in the problems' own texts: a key can be a credential too.
   */
  private void failOnErrors(ProblemList problems, String displayName, String text) {
    if (!problems.hasErrors()) {
      return;
    }
    List<Problem> sorted = problems.sorted();
    ProblemRedaction.hideCredentials(sources, displayName, text, sorted);
    throw new ProblemException(ProblemRedaction.redact(sorted));
  }

  /**
   * A floe.yaml given where a platform.yaml is expected (or the reverse) is said so once, instead
   * of as a dozen unknown keys.
   */
  private static void checkKind(Tier tier, YamlNode root, String displayName) {
    if (!(root instanceof YamlMapping mapping) || mapping.entries().isEmpty()) {
      return;
    }
    // Loops, not streams: every command checks both files, and each lambda costs an
    // invokedynamic link on a cold JVM.
    Set<String> keys = new TreeSet<>();
    for (YamlMapping.Entry e : mapping.entries()) {
      keys.add(e.key().value());
    }
    boolean platformShaped = keys.contains("catalogs");
    for (String section : PLATFORM_SECTIONS) {
      Optional<YamlNode> value = mapping.get(section);
      platformShaped |= value.isPresent() && value.get() instanceof YamlMapping;
    }
    boolean pipelineShaped = false;
    for (String key : keys) {
      pipelineShaped |= PIPELINE_SECTIONS.contains(key);
    }
    boolean wrong =
        tier == Tier.PLATFORM
            ? pipelineShaped && !platformShaped
            : platformShaped && !pipelineShaped;
    if (!wrong) {
      return;
    }
    String other = tier == Tier.PLATFORM ? "floe.yaml" : "platform.yaml";
    String expected = tier == Tier.PLATFORM ? "platform.yaml" : "floe.yaml";
    Set<String> telling = new TreeSet<>(keys);
    telling.retainAll(tier == Tier.PLATFORM ? PIPELINE_SECTIONS : PLATFORM_KEYS);
    throw new ProblemException(
        Problem.error(
                Code.S002,
                "Cannot validate "
                    + displayName
                    + " as a "
                    + expected
                    + ": this looks like a "
                    + other
                    + " (it has "
                    + String.join(", ", telling.stream().map(k -> "'" + k + "'").toList())
                    + ")")
            .file(displayName)
            .hint(
                tier == Tier.PLATFORM
                    ? "check a floe.yaml with 'floe validate -f FILE'; 'floe platform validate'"
                        + " takes a platform/<env>/platform.yaml"
                    : "check a platform.yaml with 'floe platform validate PATH'; 'floe validate"
                        + " -f' takes a floe.yaml")
            .build());
  }

  private String read(Path file, String displayName) {
    ProblemList problems = new ProblemList();
    Optional<String> text = YamlLoader.readText(file, displayName, limits.maxBytes(), problems);
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
