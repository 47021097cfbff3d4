package dev.floe.core.secret;

import dev.floe.core.api.Api;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.diag.FieldPaths;
import dev.floe.core.diag.SourceMap;
import dev.floe.core.load.Loaded;
import dev.floe.core.model.CatalogProfile;
import dev.floe.core.model.ComputeProfile;
import dev.floe.core.model.Credentials;
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
    platform.storage().forEach((name, s) -> storage(out, "storage." + name, s));
    platform.catalogs().forEach((name, c) -> catalog(out, "catalogs." + name, c));
    platform.compute().forEach((name, c) -> compute(out, "compute." + name, c));
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
    storage(out, "storage." + artifacts.storage().profile(), artifacts.storage().value());
    catalog(out, "catalogs." + artifacts.catalog().profile(), artifacts.catalog().value());
    compute(out, "compute." + artifacts.compute().profile(), artifacts.compute().value());
    observability(
        out, artifacts.observability().otlpEndpoint(), artifacts.observability().lineageEndpoint());
    return List.copyOf(out);
  }

  private static void storage(List<SecretRequirement> out, String path, StorageProfile s) {
    single(out, path + ".endpoint", s.endpoint());
    credentials(out, path + ".credentials", s.credentials(), () -> SecretKeys.storage(s.type()));
  }

  private static void catalog(List<SecretRequirement> out, String path, CatalogProfile c) {
    single(out, path + ".uri", c.uri());
    c.properties()
        .forEach((key, value) -> single(out, join(path + ".properties", key), Optional.of(value)));
    credentials(out, path + ".credentials", c.credentials(), () -> SecretKeys.catalog(c.type()));
  }

  private static void compute(List<SecretRequirement> out, String path, ComputeProfile c) {
    credentials(out, path + ".credentials", c.credentials(), () -> SecretKeys.compute(c.type()));
  }

  private static void observability(
      List<SecretRequirement> out,
      Optional<StringOrSecret> otlpEndpoint,
      Optional<StringOrSecret> lineageEndpoint) {
    single(out, "observability.otlp_endpoint", otlpEndpoint);
    single(out, "observability.lineage_endpoint", lineageEndpoint);
  }

  private static void credentials(
      List<SecretRequirement> out,
      String path,
      Credentials credentials,
      Supplier<SecretKeys> keys) {
    if (credentials instanceof Credentials.Static s && s.secretRef().isPresent()) {
      out.add(SecretRequirement.multiKey(s.secretRef().get(), path + ".secret_ref", keys.get()));
    } else if (credentials instanceof Credentials.OAuth2 o) {
      single(out, path + ".client_id", Optional.of(o.clientId()));
      single(out, path + ".client_secret", Optional.of(o.clientSecret()));
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
