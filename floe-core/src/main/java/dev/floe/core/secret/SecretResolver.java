package dev.floe.core.secret;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.diag.Code;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.model.CatalogProfile;
import dev.floe.core.model.ComputeProfile;
import dev.floe.core.model.Credentials;
import dev.floe.core.model.PlatformObservability;
import dev.floe.core.model.SecretRef;
import dev.floe.core.model.StorageProfile;
import dev.floe.core.model.StringOrSecret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Resolves secret references at run time (never while loading or compiling), in the order of
 * spec/config.md:
 *
 * <ol>
 *   <li>the environment variable ({@link SecretNames#variable(String)}, {@link
 *       SecretNames#variable(String, String)});
 *   <li>the mounted file under the secrets root — {@code <root>/<name>}, or for a multi-key secret
 *       the Kubernetes Secret volume layout {@code <root>/<name>/<key>} with the key spelt with
 *       {@code _} or {@code -};
 *   <li>the configured {@link SecretProvider}s, in order ({@link SecretProviders}).
 * </ol>
 *
 * An empty value counts as absent everywhere; trailing line breaks ({@code \n}, {@code \r}) of
 * environment and file values are removed. Each key of a multi-key secret is looked up on its own
 * in that order. When nothing is found, the {@link SecretLookup} carries one diagnostic naming the
 * secret, the field that needs it, every variable, file and provider tried, and how to provide it —
 * {@code FLOE-C033} when nothing was found, {@code FLOE-C034} when some keys were. No value ever
 * enters a message.
 *
 * <p>Immutable; thread-safe when its providers are.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class SecretResolver {
  /** The environment variable that moves the secrets root. */
  public static final String SECRETS_DIR_VARIABLE = "FLOE_SECRETS_DIR";

  /** The secrets root when {@value #SECRETS_DIR_VARIABLE} is unset: where Kubernetes mounts. */
  public static final Path DEFAULT_SECRETS_ROOT = Path.of("/var/run/secrets");

  /** Larger files are not secrets but mistakes; they are reported, not read. */
  static final int MAX_FILE_BYTES = 1 << 20;

  private final Map<String, String> env;
  private final Path root;
  private final List<SecretProvider> providers;

  /**
   * A resolver over explicit sources.
   *
   * @param env the environment variables to read; copied
   * @param secretsRoot the folder of mounted secret files
   * @param providers the providers to ask after the environment and the files, in order
   */
  public SecretResolver(Map<String, String> env, Path secretsRoot, List<SecretProvider> providers) {
    this.env = Map.copyOf(env);
    this.root = requireNonNull(secretsRoot, "secretsRoot");
    this.providers = List.copyOf(providers);
  }

  /**
   * The resolver the environment configures: the secrets root from {@value #SECRETS_DIR_VARIABLE}
   * (relative to {@code workDir}), providers installed on the class path and ordered by {@value
   * SecretProviders#VARIABLE}.
   *
   * @throws ProblemException {@code FLOE-E054} when {@value SecretProviders#VARIABLE} names a
   *     provider that is not installed
   */
  public static SecretResolver fromEnvironment(Map<String, String> env, Path workDir) {
    return new SecretResolver(env, secretsRoot(env, workDir), SecretProviders.discover(env));
  }

  /** {@link #fromEnvironment} for this process: its environment and working folder. */
  public static SecretResolver fromProcess() {
    return fromEnvironment(System.getenv(), Path.of("").toAbsolutePath());
  }

  /**
   * The secrets root: {@value #SECRETS_DIR_VARIABLE} resolved against {@code workDir} when set and
   * not blank, else {@link #DEFAULT_SECRETS_ROOT}.
   */
  public static Path secretsRoot(Map<String, String> env, Path workDir) {
    String dir = env.getOrDefault(SECRETS_DIR_VARIABLE, "").strip();
    return dir.isEmpty() ? DEFAULT_SECRETS_ROOT : workDir.resolve(dir).normalize();
  }

  /** The folder of mounted secret files. */
  public Path secretsRoot() {
    return root;
  }

  /** The names of the providers asked, in order. */
  public List<String> providerNames() {
    return providers.stream().map(SecretProvider::name).toList();
  }

  /**
   * Looks {@code requirement} up. Never throws for a missing secret: the result says what was
   * found, where, and carries the diagnostic otherwise.
   */
  public SecretLookup lookup(SecretRequirement requirement) {
    requireNonNull(requirement, "requirement");
    return requirement.keys().isPresent()
        ? multiKey(requirement, requirement.keys().get())
        : single(requirement);
  }

  /** Looks every requirement up, in order. */
  public List<SecretLookup> lookupAll(List<SecretRequirement> requirements) {
    return requirements.stream().map(this::lookup).toList();
  }

  /**
   * Looks every requirement up and fails when any is missing.
   *
   * @throws ProblemException with one diagnostic per missing secret
   */
  public List<SecretLookup> requireAll(List<SecretRequirement> requirements) {
    List<SecretLookup> lookups = lookupAll(requirements);
    List<Problem> problems =
        lookups.stream().flatMap(l -> l.problem().stream()).collect(Collectors.toList());
    if (!problems.isEmpty()) {
      throw new ProblemException(problems);
    }
    return lookups;
  }

  /**
   * The value of {@code ref}, needed by {@code field}.
   *
   * @throws ProblemException {@code FLOE-C033} when it is not found anywhere
   */
  public Secret resolve(SecretRef ref, String field) {
    return lookup(SecretRequirement.single(ref.name(), field)).value();
  }

  /**
   * The keys of the multi-key secret {@code name}, needed by {@code field}.
   *
   * @throws ProblemException {@code FLOE-C033} when no key is found, {@code FLOE-C034} when the
   *     secret is incomplete
   */
  public MultiKeySecret resolve(String name, String field, SecretKeys keys) {
    return lookup(SecretRequirement.multiKey(name, field, keys)).values();
  }

  /**
   * The value of a setting that is text or a secret reference, needed by {@code field}: the text as
   * written, or the resolved secret, which shows itself as {@code secret_ref:NAME}.
   *
   * @param value the setting; not null
   * @param field its field path, e.g. {@code catalogs.default.uri}, named in the diagnostic; not
   *     null
   * @throws ProblemException {@code FLOE-C033} when the secret is not found anywhere
   */
  public ResolvedSetting resolve(StringOrSecret value, String field) {
    requireNonNull(value, "value");
    requireNonNull(field, "field");
    if (value instanceof SecretRef ref) {
      return new ResolvedSetting.Hidden(ref.name(), resolve(ref, field));
    }
    return new ResolvedSetting.Text(((StringOrSecret.Literal) value).value());
  }

  /**
   * Every secret of the compiled artifact's catalog, resolved: its OAuth2 client id and secret or
   * its static secret, its {@code uri} and its {@code properties}.
   *
   * @param catalog the catalog profile with its name, as {@link CompiledArtifacts#catalog()} holds
   *     it; not null
   * @throws ProblemException with one {@code FLOE-C033} or {@code FLOE-C034} per missing secret,
   *     naming the field as {@code catalogs.<profile>.…}
   */
  public ProfileSecrets forCatalog(CompiledArtifacts.Resolved<CatalogProfile> catalog) {
    return forCatalog(catalog.profile(), catalog.value());
  }

  /**
   * Every secret of the catalog profile {@code name}, resolved; see {@link
   * #forCatalog(CompiledArtifacts.Resolved)}.
   *
   * @param name the profile name, as in {@code catalogs.<name>}; not null
   * @param profile the profile; not null
   */
  public ProfileSecrets forCatalog(String name, CatalogProfile profile) {
    String path = SecretRequirements.catalogPath(name);
    Found found = resolveAll(SecretRequirements.catalog(name, profile));
    Map<String, ResolvedSetting> properties = new LinkedHashMap<>();
    profile
        .properties()
        .forEach(
            (key, value) ->
                properties.put(
                    key, found.setting(value, SecretRequirements.propertyField(path, key))));
    return profileSecrets(
        found,
        path,
        profile.credentials(),
        profile.uri().map(uri -> found.setting(uri, SecretRequirements.uriField(path))),
        properties);
  }

  /**
   * Every secret of the compiled artifact's storage, resolved: its static secret and its {@code
   * endpoint}.
   *
   * @param storage the storage profile with its name, as {@link CompiledArtifacts#storage()} holds
   *     it; not null
   * @throws ProblemException with one {@code FLOE-C033} or {@code FLOE-C034} per missing secret,
   *     naming the field as {@code storage.<profile>.…}
   */
  public ProfileSecrets forStorage(CompiledArtifacts.Resolved<StorageProfile> storage) {
    return forStorage(storage.profile(), storage.value());
  }

  /**
   * Every secret of the storage profile {@code name}, resolved; see {@link
   * #forStorage(CompiledArtifacts.Resolved)}.
   *
   * @param name the profile name, as in {@code storage.<name>}; not null
   * @param profile the profile; not null
   */
  public ProfileSecrets forStorage(String name, StorageProfile profile) {
    String path = SecretRequirements.storagePath(name);
    Found found = resolveAll(SecretRequirements.storage(name, profile));
    return profileSecrets(
        found,
        path,
        profile.credentials(),
        profile
            .endpoint()
            .map(endpoint -> found.setting(endpoint, SecretRequirements.endpointField(path))),
        Map.of());
  }

  /**
   * Every secret of the compiled artifact's compute, resolved: its static secret (a login).
   *
   * @param compute the compute profile with its name, as {@link CompiledArtifacts#compute()} holds
   *     it; not null
   * @throws ProblemException with one {@code FLOE-C033} or {@code FLOE-C034} per missing secret,
   *     naming the field as {@code compute.<profile>.…}
   */
  public ProfileSecrets forCompute(CompiledArtifacts.Resolved<ComputeProfile> compute) {
    return forCompute(compute.profile(), compute.value());
  }

  /**
   * Every secret of the compute profile {@code name}, resolved; see {@link
   * #forCompute(CompiledArtifacts.Resolved)}.
   *
   * @param name the profile name, as in {@code compute.<name>}; not null
   * @param profile the profile; not null
   */
  public ProfileSecrets forCompute(String name, ComputeProfile profile) {
    String path = SecretRequirements.computePath(name);
    Found found = resolveAll(SecretRequirements.compute(name, profile));
    return profileSecrets(found, path, profile.credentials(), Optional.empty(), Map.of());
  }

  /**
   * The observability endpoints, resolved.
   *
   * @param observability the block, as {@link CompiledArtifacts#observability()} or a platform
   *     holds it; not null
   * @throws ProblemException with one {@code FLOE-C033} per missing secret, naming {@code
   *     observability.otlp_endpoint} or {@code observability.lineage_endpoint}
   */
  public ObservabilitySecrets forObservability(PlatformObservability observability) {
    Found found = resolveAll(SecretRequirements.observability(observability));
    return new ObservabilitySecrets(
        observability.otlpEndpoint().map(e -> found.setting(e, SecretRequirements.OTLP_ENDPOINT)),
        observability
            .lineageEndpoint()
            .map(e -> found.setting(e, SecretRequirements.LINEAGE_ENDPOINT)));
  }

  private static ProfileSecrets profileSecrets(
      Found found,
      String path,
      Credentials credentials,
      Optional<ResolvedSetting> endpoint,
      Map<String, ResolvedSetting> properties) {
    Optional<MultiKeySecret> staticSecret = Optional.empty();
    Optional<ResolvedSetting> clientId = Optional.empty();
    Optional<Secret> clientSecret = Optional.empty();
    if (credentials instanceof Credentials.Static s && s.secretRef().isPresent()) {
      staticSecret = Optional.of(found.lookup(SecretRequirements.staticSecretField(path)).values());
    } else if (credentials instanceof Credentials.OAuth2 o) {
      clientId = Optional.of(found.setting(o.clientId(), SecretRequirements.clientIdField(path)));
      clientSecret = Optional.of(found.lookup(SecretRequirements.clientSecretField(path)).value());
    }
    return new ProfileSecrets(staticSecret, clientId, clientSecret, endpoint, properties);
  }

  /** Looks every requirement up; throws one exception with the problem of each missing one. */
  private Found resolveAll(List<SecretRequirement> requirements) {
    Map<String, SecretLookup> byField = new LinkedHashMap<>();
    requireAll(requirements).forEach(l -> byField.put(l.requirement().field(), l));
    return new Found(byField);
  }

  /** The lookups of one profile, by field path. */
  private record Found(Map<String, SecretLookup> byField) {
    SecretLookup lookup(String field) {
      SecretLookup lookup = byField.get(field);
      if (lookup == null) {
        throw new IllegalStateException("no secret was looked up for " + field);
      }
      return lookup;
    }

    ResolvedSetting setting(StringOrSecret value, String field) {
      if (value instanceof SecretRef ref) {
        return new ResolvedSetting.Hidden(ref.name(), lookup(field).value());
      }
      return new ResolvedSetting.Text(((StringOrSecret.Literal) value).value());
    }
  }

  // ---- one requirement -------------------------------------------------------------------

  private SecretLookup single(SecretRequirement r) {
    List<SecretLocation> tried = new ArrayList<>();
    Optional<Hit> hit = find(r.name(), Optional.empty(), tried);
    if (hit.isPresent()) {
      return new SecretLookup(
          r,
          Map.of("", hit.get().value()),
          List.of(hit.get().location()),
          tried,
          List.of(),
          Optional.empty());
    }
    String variable = SecretNames.variable(r.name());
    String hint =
        "set the environment variable "
            + variable
            + ", or mount the value as the file "
            + SecretNames.file(root, r.name())
            + " (for example a Kubernetes Secret volume; "
            + SECRETS_DIR_VARIABLE
            + " moves the folder)"
            + providersHint();
    return new SecretLookup(
        r, Map.of(), List.of(), tried, List.of(), Optional.of(notFound(r, tried, hint)));
  }

  private SecretLookup multiKey(SecretRequirement r, SecretKeys keys) {
    Map<String, Secret> values = new LinkedHashMap<>();
    List<SecretLocation> found = new ArrayList<>();
    List<SecretLocation> tried = new ArrayList<>();
    Map<String, List<SecretLocation>> byKey = new LinkedHashMap<>();
    boolean complete = false;
    for (List<String> alternative : keys.alternatives()) {
      for (String key : alternative) {
        if (!byKey.containsKey(key)) {
          lookUpKey(r.name(), key, values, found, tried, byKey);
        }
      }
      if (values.keySet().containsAll(alternative)) {
        complete = true;
        break;
      }
    }
    if (complete) {
      for (String key : keys.optional()) {
        lookUpKey(r.name(), key, values, found, tried, byKey);
      }
      return new SecretLookup(r, values, found, tried, List.of(), Optional.empty());
    }
    List<String> closest = closestAlternative(keys, values);
    List<String> missing = closest.stream().filter(k -> !values.containsKey(k)).toList();
    Path folder = SecretNames.folder(root, r.name());
    if (values.isEmpty()) {
      String hint =
          "set "
              + closest.stream()
                  .map(k -> SecretNames.variable(r.name(), k))
                  .collect(Collectors.joining(" and "))
              + ", or mount a Kubernetes Secret with the "
              + (closest.size() == 1 ? "key " : "keys ")
              + String.join(" and ", closest)
              + " as the folder "
              + folder
              + " ("
              + SECRETS_DIR_VARIABLE
              + " moves the folder)"
              + providersHint()
              + "; a "
              + keys.profile()
              + " secret holds "
              + keys.describe();
      return new SecretLookup(
          r, Map.of(), List.of(), tried, List.of(), Optional.of(notFound(r, tried, hint)));
    }
    List<SecretLocation> missed = new ArrayList<>();
    missing.forEach(k -> missed.addAll(byKey.get(k)));
    String message =
        "Cannot resolve secret '"
            + r.name()
            + "' for '"
            + r.field()
            + "': "
            + (missing.size() == 1
                ? "key '" + missing.get(0) + "' is missing"
                : "keys "
                    + missing.stream().map(k -> "'" + k + "'").collect(Collectors.joining(", "))
                    + " are missing")
            + " (found "
            + found.stream()
                .map(l -> l.key().orElse("") + " in " + l.display())
                .collect(Collectors.joining(", "))
            + "); tried "
            + displays(missed);
    String hint =
        "set "
            + missing.stream()
                .map(k -> SecretNames.variable(r.name(), k))
                .collect(Collectors.joining(" and "))
            + ", or add the "
            + (missing.size() == 1 ? "key " : "keys ")
            + String.join(" and ", missing)
            + " to the secret mounted as "
            + folder
            + providersHint()
            + "; a "
            + keys.profile()
            + " secret holds "
            + keys.describe();
    Problem problem =
        Problem.error(Code.C034, message)
            .at(r.position().orElse(null))
            .path(r.field())
            .hint(hint)
            .build();
    return new SecretLookup(r, values, found, tried, missing, Optional.of(problem));
  }

  private void lookUpKey(
      String name,
      String key,
      Map<String, Secret> values,
      List<SecretLocation> found,
      List<SecretLocation> tried,
      Map<String, List<SecretLocation>> byKey) {
    List<SecretLocation> places = new ArrayList<>();
    Optional<Hit> hit = find(name, Optional.of(key), places);
    tried.addAll(places);
    byKey.put(key, places);
    hit.ifPresent(
        h -> {
          values.put(key, h.value());
          found.add(h.location());
        });
  }

  /** The alternative with the most keys found; the first on a tie. */
  private static List<String> closestAlternative(SecretKeys keys, Map<String, Secret> values) {
    List<String> best = keys.alternatives().get(0);
    long bestCount = -1;
    for (List<String> alternative : keys.alternatives()) {
      long count = alternative.stream().filter(values::containsKey).count();
      if (count > bestCount) {
        best = alternative;
        bestCount = count;
      }
    }
    return best;
  }

  private Problem notFound(SecretRequirement r, List<SecretLocation> tried, String hint) {
    return Problem.error(
            Code.C033,
            "Cannot resolve secret '"
                + r.name()
                + "' for '"
                + r.field()
                + "': not found; tried "
                + displays(tried))
        .at(r.position().orElse(null))
        .path(r.field())
        .hint(hint)
        .build();
  }

  private String providersHint() {
    return providers.isEmpty()
        ? ""
        : ", or store it with the secret "
            + (providers.size() == 1 ? "provider " : "providers ")
            + String.join(" or ", providerNames());
  }

  private static String displays(List<SecretLocation> places) {
    return places.stream().map(SecretLocation::display).collect(Collectors.joining(", "));
  }

  // ---- one value -------------------------------------------------------------------------

  /** A value and where it was found. */
  private record Hit(Secret value, SecretLocation location) {}

  /** Looks one value up in resolution order, adding every place consulted to {@code tried}. */
  private Optional<Hit> find(String name, Optional<String> key, List<SecretLocation> tried) {
    String variable =
        key.isPresent() ? SecretNames.variable(name, key.get()) : SecretNames.variable(name);
    Optional<Hit> hit = fromVariable(variable, key, tried);
    if (hit.isPresent()) {
      return hit;
    }
    List<Path> files =
        key.isPresent()
            ? SecretNames.files(root, name, key.get())
            : List.of(SecretNames.file(root, name));
    for (Path file : files) {
      hit = fromFile(file, key, tried);
      if (hit.isPresent()) {
        return hit;
      }
    }
    for (SecretProvider provider : providers) {
      hit = fromProvider(provider, name, key, tried);
      if (hit.isPresent()) {
        return hit;
      }
    }
    return Optional.empty();
  }

  private Optional<Hit> fromVariable(
      String variable, Optional<String> key, List<SecretLocation> tried) {
    SecretLocation place =
        new SecretLocation(SecretLocation.Kind.ENV, variable, key, Optional.empty());
    String value = env.get(variable);
    if (value == null) {
      tried.add(place);
      return Optional.empty();
    }
    String trimmed = value.substring(0, withoutLineBreaks(value));
    if (trimmed.isEmpty()) {
      tried.add(noted(place, "empty"));
      return Optional.empty();
    }
    tried.add(place);
    return Optional.of(new Hit(Secret.of(trimmed), place));
  }

  private static Optional<Hit> fromFile(
      Path file, Optional<String> key, List<SecretLocation> tried) {
    SecretLocation place =
        new SecretLocation(SecretLocation.Kind.FILE, file.toString(), key, Optional.empty());
    if (Files.isDirectory(file)) {
      tried.add(noted(place, "a folder"));
      return Optional.empty();
    }
    if (!Files.exists(file)) {
      tried.add(place);
      return Optional.empty();
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    } catch (IOException | SecurityException e) {
      tried.add(noted(place, "not readable"));
      return Optional.empty();
    }
    try {
      if (bytes.length > MAX_FILE_BYTES) {
        tried.add(noted(place, "larger than 1 MiB"));
        return Optional.empty();
      }
      CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
      char[] text = new char[chars.remaining()];
      chars.get(text);
      if (chars.hasArray()) {
        Arrays.fill(chars.array(), '\0');
      }
      int end = withoutLineBreaks(CharBuffer.wrap(text));
      try {
        if (end == 0) {
          tried.add(noted(place, "empty"));
          return Optional.empty();
        }
        tried.add(place);
        return Optional.of(new Hit(Secret.of(Arrays.copyOf(text, end)), place));
      } finally {
        Arrays.fill(text, '\0');
      }
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static Optional<Hit> fromProvider(
      SecretProvider provider, String name, Optional<String> key, List<SecretLocation> tried) {
    String where;
    try {
      where = provider.name() + ":" + provider.location(name, key);
    } catch (RuntimeException e) {
      where = provider.name() + ":" + key.map(k -> name + "/" + k).orElse(name);
    }
    SecretLocation place =
        new SecretLocation(SecretLocation.Kind.PROVIDER, where, key, Optional.empty());
    Optional<Secret> value;
    try {
      value = provider.lookup(name, key);
    } catch (RuntimeException e) {
      // The class name only: a provider's message might quote what it read.
      tried.add(noted(place, "failed: " + e.getClass().getSimpleName()));
      return Optional.empty();
    }
    if (value == null || value.isEmpty()) {
      tried.add(place);
      return Optional.empty();
    }
    if (value.get().isDestroyed() || value.get().isEmpty()) {
      tried.add(noted(place, "empty"));
      return Optional.empty();
    }
    tried.add(place);
    return Optional.of(new Hit(value.get(), place));
  }

  private static SecretLocation noted(SecretLocation place, String note) {
    return new SecretLocation(place.kind(), place.where(), place.key(), Optional.of(note));
  }

  /** The length of {@code text} without its trailing {@code \n} and {@code \r} characters. */
  private static int withoutLineBreaks(CharSequence text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return end;
  }
}
