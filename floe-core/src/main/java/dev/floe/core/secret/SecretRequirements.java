package dev.floe.core.secret;

import dev.floe.core.api.Api;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.diag.FieldPaths;
import dev.floe.core.diag.SourceMap;
import dev.floe.core.load.Loaded;
import dev.floe.core.model.CatalogProfile;
import dev.floe.core.model.ComputeProfile;
import dev.floe.core.model.Credentials;
import dev.floe.core.model.PlatformObservability;
import dev.floe.core.model.PlatformSpec;
import dev.floe.core.model.SecretRef;
import dev.floe.core.model.StorageProfile;
import dev.floe.core.model.StringOrSecret;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Lists every secret a platform or a compiled artifact references, with the field that needs it and
 * its shape. Reads the model only: it resolves nothing and touches no environment, file or
 * provider. Field paths are platform.yaml paths ({@code
 * catalogs.default.credentials.client_secret}) also for a compiled artifact, whose profiles keep
 * their names. Order: storage, catalogs, compute, observability; profiles by name; fields as
 * written in the spec. Stateless.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class SecretRequirements {
  private SecretRequirements() {}

  /** Every secret {@code platform} references (all of its profiles). */
  public static List<SecretRequirement> of(PlatformSpec platform) {
    List<SecretRequirement> out = new ArrayList<>();
    platform.storage().forEach((name, s) -> storage(out, storagePath(name), s));
    platform.catalogs().forEach((name, c) -> catalog(out, catalogPath(name), c));
    platform.compute().forEach((name, c) -> compute(out, computePath(name), c));
    observability(
        out, platform.observability().otlpEndpoint(), platform.observability().lineageEndpoint());
    return List.copyOf(out);
  }

  /** Every secret a loaded platform references, each with where it is written. */
  public static List<SecretRequirement> of(Loaded<PlatformSpec> platform) {
    SourceMap map = platform.sourceMap();
    return of(platform.value()).stream()
        .map(r -> r.at(map.position(r.field() + ".secret_ref").or(() -> map.position(r.field()))))
        .toList();
  }

  /** Every secret the profiles of a compiled artifact reference. */
  public static List<SecretRequirement> of(CompiledArtifacts artifacts) {
    List<SecretRequirement> out = new ArrayList<>();
    storage(out, storagePath(artifacts.storage().profile()), artifacts.storage().value());
    catalog(out, catalogPath(artifacts.catalog().profile()), artifacts.catalog().value());
    compute(out, computePath(artifacts.compute().profile()), artifacts.compute().value());
    observability(
        out, artifacts.observability().otlpEndpoint(), artifacts.observability().lineageEndpoint());
    return List.copyOf(out);
  }

  /** The secrets of the storage profile {@code name}, as {@link #of(PlatformSpec)} lists them. */
  static List<SecretRequirement> storage(String name, StorageProfile profile) {
    List<SecretRequirement> out = new ArrayList<>();
    storage(out, storagePath(name), profile);
    return List.copyOf(out);
  }

  /** The secrets of the catalog profile {@code name}, as {@link #of(PlatformSpec)} lists them. */
  static List<SecretRequirement> catalog(String name, CatalogProfile profile) {
    List<SecretRequirement> out = new ArrayList<>();
    catalog(out, catalogPath(name), profile);
    return List.copyOf(out);
  }

  /** The secrets of the compute profile {@code name}, as {@link #of(PlatformSpec)} lists them. */
  static List<SecretRequirement> compute(String name, ComputeProfile profile) {
    List<SecretRequirement> out = new ArrayList<>();
    compute(out, computePath(name), profile);
    return List.copyOf(out);
  }

  /** The secrets of the observability block, as {@link #of(PlatformSpec)} lists them. */
  static List<SecretRequirement> observability(PlatformObservability o) {
    List<SecretRequirement> out = new ArrayList<>();
    observability(out, o.otlpEndpoint(), o.lineageEndpoint());
    return List.copyOf(out);
  }

  private static void storage(List<SecretRequirement> out, String path, StorageProfile s) {
    single(out, endpointField(path), s.endpoint());
    credentials(out, path + ".credentials", s.credentials(), () -> SecretKeys.storage(s.type()));
  }

  private static void catalog(List<SecretRequirement> out, String path, CatalogProfile c) {
    single(out, uriField(path), c.uri());
    c.properties()
        .forEach((key, value) -> single(out, propertyField(path, key), Optional.of(value)));
    credentials(out, path + ".credentials", c.credentials(), () -> SecretKeys.catalog(c.type()));
  }

  private static void compute(List<SecretRequirement> out, String path, ComputeProfile c) {
    credentials(out, path + ".credentials", c.credentials(), () -> SecretKeys.compute(c.type()));
  }

  private static void observability(
      List<SecretRequirement> out,
      Optional<StringOrSecret> otlpEndpoint,
      Optional<StringOrSecret> lineageEndpoint) {
    single(out, OTLP_ENDPOINT, otlpEndpoint);
    single(out, LINEAGE_ENDPOINT, lineageEndpoint);
  }

  // ---- field paths: the one place that spells them ---------------------------------------

  static String storagePath(String profile) {
    return "storage." + profile;
  }

  static String catalogPath(String profile) {
    return "catalogs." + profile;
  }

  static String computePath(String profile) {
    return "compute." + profile;
  }

  static final String OTLP_ENDPOINT = "observability.otlp_endpoint";
  static final String LINEAGE_ENDPOINT = "observability.lineage_endpoint";

  static String endpointField(String profilePath) {
    return profilePath + ".endpoint";
  }

  static String uriField(String profilePath) {
    return profilePath + ".uri";
  }

  static String propertyField(String profilePath, String key) {
    return join(profilePath + ".properties", key);
  }

  static String staticSecretField(String profilePath) {
    return profilePath + ".credentials.secret_ref";
  }

  static String clientIdField(String profilePath) {
    return profilePath + ".credentials.client_id";
  }

  static String clientSecretField(String profilePath) {
    return profilePath + ".credentials.client_secret";
  }

  private static void credentials(
      List<SecretRequirement> out,
      String path,
      Credentials credentials,
      Supplier<SecretKeys> keys) {
    String profilePath = FieldPaths.parent(path);
    if (credentials instanceof Credentials.Static s && s.secretRef().isPresent()) {
      out.add(
          SecretRequirement.multiKey(
              s.secretRef().get().name(), staticSecretField(profilePath), keys.get()));
    } else if (credentials instanceof Credentials.OAuth2 o) {
      single(out, clientIdField(profilePath), Optional.of(o.clientId()));
      single(out, clientSecretField(profilePath), Optional.of(o.clientSecret()));
    }
    // iam_role and service_account name no secret: a role and a token file, not values.
  }

  private static void single(
      List<SecretRequirement> out, String field, Optional<? extends StringOrSecret> value) {
    if (value.isPresent() && value.get() instanceof SecretRef ref) {
      out.add(SecretRequirement.single(ref.name(), field));
    }
  }

  private static String join(String path, String key) {
    return FieldPaths.join(path, key);
  }

  /** The distinct secret names of {@code requirements}, in first-seen order. */
  public static List<String> names(List<SecretRequirement> requirements) {
    return requirements.stream().map(SecretRequirement::name).distinct().toList();
  }
}
