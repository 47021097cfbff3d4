package dev.floe.core.compile;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.floe.core.api.Api;
import dev.floe.core.diag.Code;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.ProblemList;
import dev.floe.core.diag.SourceTexts;
import dev.floe.core.internal.artifact.ArtifactSchema;
import dev.floe.core.internal.pipeline.PipelineTrees;
import dev.floe.core.internal.platform.PlatformTrees;
import dev.floe.core.internal.schema.SchemaValidator;
import dev.floe.core.internal.schema.Strings;
import dev.floe.core.internal.schema.Tier;
import dev.floe.core.internal.yaml.YamlLoader;
import dev.floe.core.internal.yaml.YamlMapping;
import dev.floe.core.internal.yaml.YamlNode;
import dev.floe.core.internal.yaml.YamlScalar;
import dev.floe.core.json.JsonOutput;
import dev.floe.core.model.FloeSpec;
import dev.floe.core.model.PlatformSource;
import dev.floe.core.model.SecretRef;
import dev.floe.core.model.StringOrSecret;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Writes and reads CompiledArtifacts JSON, the contract between compiling and running. Writing is
 * deterministic: fixed key order, sorted maps, 2-space indent, trailing newline. Reading validates
 * against the artifact schema (the one {@code schemas/compiled-artifacts.schema.json} is written
 * from) and refuses an unknown major contract version. Stateless and thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class ArtifactJson {

  private ArtifactJson() {}

  /**
   * The JSON text of an artifact: deterministic, ending in a newline.
   *
   * @param artifacts the artifacts; not null
   */
  public static String write(CompiledArtifacts artifacts) {
    return writeTree(tree(artifacts));
  }

  /** Writes a plain tree (maps, lists, strings, numbers, booleans, secret refs) as JSON. */
  private static String writeTree(Object tree) {
    return JsonOutput.write(json -> writeValue(json, tree));
  }

  private static void writeValue(JsonGenerator json, Object value) throws IOException {
    if (value instanceof Map<?, ?> map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        json.writeFieldName((String) e.getKey());
        writeValue(json, e.getValue());
      }
      json.writeEndObject();
    } else if (value instanceof List<?> list) {
      json.writeStartArray();
      for (Object item : list) {
        writeValue(json, item);
      }
      json.writeEndArray();
    } else if (value instanceof SecretRef ref) {
      json.writeStartObject();
      json.writeStringField("secret_ref", ref.name());
      json.writeEndObject();
    } else if (value instanceof StringOrSecret.Literal literal) {
      json.writeString(literal.value());
    } else if (value instanceof String s) {
      json.writeString(s);
    } else if (value instanceof Boolean b) {
      json.writeBoolean(b);
    } else if (value instanceof Double d) {
      json.writeNumber(d);
    } else if (value instanceof Number n) {
      json.writeNumber(n.longValue());
    } else {
      throw new IllegalArgumentException("cannot write " + value.getClass().getName());
    }
  }

  /** The plain tree of an artifact, in contract key order. */
  private static Map<String, Object> tree(CompiledArtifacts a) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("version", a.version());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", a.metadata().name());
    m.put("version", a.metadata().version());
    m.put("compiled_at", a.metadata().compiledAt().toString());
    m.put("floe_version", a.metadata().floeVersion());
    m.put("floe_spec_path", a.metadata().floeSpecPath());
    m.put("source_hash", a.metadata().sourceHash());
    m.put("platform_hash", a.metadata().platformHash());
    t.put("metadata", m);
    t.put("environment", a.environment());
    t.put("platform_version", a.platformVersion());
    t.put("platform_source", a.platformSource().wire());
    t.put("catalog", named(a.catalog().profile(), PlatformTrees.tree(a.catalog().value())));
    t.put("storage", named(a.storage().profile(), PlatformTrees.tree(a.storage().value())));
    t.put("compute", named(a.compute().profile(), PlatformTrees.tree(a.compute().value())));
    t.put("observability", PlatformTrees.tree(a.observability()));
    t.put("assets", new LinkedHashMap<>(Map.of("packages", a.assetPackages())));
    List<Object> transforms = new ArrayList<>();
    a.transforms().forEach(x -> transforms.add(PipelineTrees.tree(x)));
    t.put("transforms", transforms);
    t.put("governance", PipelineTrees.tree(a.governance()));
    return t;
  }

  private static Map<String, Object> named(String profile, Map<String, Object> tree) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("profile", profile);
    t.putAll(tree);
    return t;
  }

  /**
   * Reads and checks an artifact file, named in problems as given ({@code
   * .floe/prod/compiled_artifacts.json}).
   *
   * @param file the artifact; not null
   * @return the artifacts; never null
   * @throws ProblemException when the file is missing, unreadable, invalid, or of an unknown major
   *     version; its {@link ProblemException#sources()} hold the text, so it renders on its own
   */
  public static CompiledArtifacts read(Path file) {
    String displayName = file.toString().replace('\\', '/');
    ProblemList problems = new ProblemList();
    Optional<String> text = YamlLoader.readText(file, displayName, problems);
    problems.throwIfErrors();
    return read(displayName, text.orElseThrow());
  }

  /**
   * Reads and checks artifact JSON text.
   *
   * @param displayName how problems name the text; not null
   * @param text the JSON; not null
   * @return the artifacts; never null
   * @throws ProblemException when the text is invalid or of an unknown major version; its {@link
   *     ProblemException#sources()} hold the text, so it renders on its own
   */
  public static CompiledArtifacts read(String displayName, String text) {
    SourceTexts sources = new SourceTexts();
    try {
      return parse(displayName, text, sources);
    } catch (ProblemException e) {
      throw e.withSources(sources);
    }
  }

  private static CompiledArtifacts parse(String displayName, String text, SourceTexts sources) {
    ProblemList problems = new ProblemList();
    Optional<YamlNode> root = new YamlLoader(sources).load(displayName, text, problems);
    problems.throwIfErrors();
    checkVersion(root.orElseThrow());
    SchemaValidator validator = new SchemaValidator(Tier.ARTIFACT, Map.of(), Set.of(), problems);
    Optional<Object> tree = validator.validate(root.get(), ArtifactSchema.document());
    if (problems.hasErrors()) {
      // A summary of the whole file: it has no line, so it sorts before the schema problems.
      problems.add(
          Problem.error(
                  Code.A061,
                  "Cannot read CompiledArtifacts "
                      + displayName
                      + ": it does not match contract "
                      + CompiledArtifacts.VERSION)
              .file(displayName)
              .hint("compile again with 'floe compile'; do not edit the artifact by hand")
              .build());
      throw new ProblemException(problems.sorted());
    }
    return fromTree(cast(tree.orElseThrow()));
  }

  private static void checkVersion(YamlNode root) {
    Optional<YamlNode> version =
        root instanceof YamlMapping mapping ? mapping.get("version") : Optional.empty();
    if (version.isEmpty() || !(version.get() instanceof YamlScalar scalar)) {
      return;
    }
    Matcher m = Strings.SEMVER.matcher(scalar.value());
    if (m.matches() && !m.group(1).equals(Integer.toString(CompiledArtifacts.MAJOR))) {
      throw new ProblemException(
          Problem.error(
                  Code.A060,
                  "CompiledArtifacts version '"
                      + scalar.value()
                      + "' is not supported: this floe reads contract version "
                      + CompiledArtifacts.VERSION
                      + " (major "
                      + CompiledArtifacts.MAJOR
                      + ")")
              .at(scalar.position())
              .path("version")
              .hint("compile the pipeline again with this floe, or run it with a matching floe")
              .build());
    }
  }

  private static CompiledArtifacts fromTree(Map<String, Object> t) {
    Map<String, Object> m = cast(req(t, "metadata"));
    List<String> packages = new ArrayList<>();
    for (Object p : (List<?>) req(cast(req(t, "assets")), "packages")) {
      packages.add((String) p);
    }
    List<FloeSpec.Transform> transforms = new ArrayList<>();
    for (Object x : (List<?>) req(t, "transforms")) {
      transforms.add(PipelineTrees.transform(cast(x)));
    }
    Map<String, Object> catalog = cast(req(t, "catalog"));
    Map<String, Object> storage = cast(req(t, "storage"));
    Map<String, Object> compute = cast(req(t, "compute"));
    return new CompiledArtifacts(
        (String) req(t, "version"),
        new CompiledArtifacts.Metadata(
            (String) req(m, "name"),
            (String) req(m, "version"),
            Instant.parse((String) req(m, "compiled_at")),
            (String) req(m, "floe_version"),
            (String) req(m, "floe_spec_path"),
            (String) req(m, "source_hash"),
            (String) req(m, "platform_hash")),
        (String) req(t, "environment"),
        (String) req(t, "platform_version"),
        PlatformSource.parse((String) req(t, "platform_source")),
        new CompiledArtifacts.Resolved<>(
            (String) req(catalog, "profile"), PlatformTrees.catalog(catalog)),
        new CompiledArtifacts.Resolved<>(
            (String) req(storage, "profile"), PlatformTrees.storage(storage)),
        new CompiledArtifacts.Resolved<>(
            (String) req(compute, "profile"), PlatformTrees.compute(compute)),
        PlatformTrees.observability(cast(req(t, "observability"))),
        packages,
        transforms,
        PipelineTrees.governance(cast(req(t, "governance"))));
  }

  /** A key the artifact schema requires, so present once the tree has been validated. */
  private static Object req(Map<String, Object> tree, String key) {
    return requireNonNull(
        tree.get(key), () -> "compiled artifact without required key '" + key + "'");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object value) {
    return (Map<String, Object>) value;
  }
}
