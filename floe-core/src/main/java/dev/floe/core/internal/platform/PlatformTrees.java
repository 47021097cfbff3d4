package dev.floe.core.internal.platform;

import dev.floe.core.model.AccessDelegation;
import dev.floe.core.model.CatalogProfile;
import dev.floe.core.model.CatalogType;
import dev.floe.core.model.ComputeProfile;
import dev.floe.core.model.ComputeType;
import dev.floe.core.model.CredentialMode;
import dev.floe.core.model.Credentials;
import dev.floe.core.model.IdentityProvider;
import dev.floe.core.model.OtlpProtocol;
import dev.floe.core.model.PlatformObservability;
import dev.floe.core.model.PlatformSpec;
import dev.floe.core.model.SecretRef;
import dev.floe.core.model.Signals;
import dev.floe.core.model.StorageProfile;
import dev.floe.core.model.StorageType;
import dev.floe.core.model.StringOrSecret;
import dev.floe.core.model.WireEnum;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Converts between validated plain trees (as produced by {@link
 * dev.floe.core.internal.schema.SchemaValidator}) and the platform model, both ways. The key order
 * of the trees it writes is the schema's field order, which keeps written documents deterministic.
 */
public final class PlatformTrees {
  private PlatformTrees() {}

  // ---- tree -> model ---------------------------------------------------------------------
  // Loops rather than forEach lambdas: every command that reads a platform runs this once, on a
  // cold JVM, where each lambda call site costs a link (docs/performance.md, "Cold start").

  /** A platform from a validated platform.yaml tree. */
  public static PlatformSpec spec(Map<String, Object> tree) {
    Map<String, StorageProfile> storage = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : map(tree, "storage").entrySet()) {
      storage.put(e.getKey(), storage(cast(e.getValue())));
    }
    Map<String, CatalogProfile> catalogs = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : map(tree, "catalogs").entrySet()) {
      catalogs.put(e.getKey(), catalog(cast(e.getValue())));
    }
    Map<String, ComputeProfile> compute = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : map(tree, "compute").entrySet()) {
      compute.put(e.getKey(), compute(cast(e.getValue())));
    }
    PlatformObservability observability =
        tree.containsKey("observability")
            ? observability(cast(tree.get("observability")))
            : PlatformObservability.DEFAULT;
    return new PlatformSpec(
        (String) tree.get("version"), storage, catalogs, compute, observability);
  }

  /** A storage profile from its validated tree. */
  public static StorageProfile storage(Map<String, Object> t) {
    return new StorageProfile(
        WireEnum.of(StorageType.class, (String) t.get("type")),
        opt(t, "endpoint", StringOrSecret.class),
        opt(t, "region", String.class),
        opt(t, "bucket", String.class),
        opt(t, "path", String.class),
        Boolean.TRUE.equals(t.get("path_style_access")),
        credentials(t));
  }

  /** A catalog profile from its validated tree. */
  public static CatalogProfile catalog(Map<String, Object> t) {
    Map<String, StringOrSecret> properties = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : map(t, "properties").entrySet()) {
      properties.put(e.getKey(), (StringOrSecret) e.getValue());
    }
    return new CatalogProfile(
        WireEnum.of(CatalogType.class, (String) t.get("type")),
        opt(t, "uri", StringOrSecret.class),
        (String) t.get("warehouse"),
        (String) t.get("namespace"),
        WireEnum.of(AccessDelegation.class, (String) t.get("access_delegation")),
        Boolean.TRUE.equals(t.get("token_refresh_enabled")),
        properties,
        credentials(t));
  }

  /** A compute profile from its validated tree. */
  public static ComputeProfile compute(Map<String, Object> t) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : map(t, "properties").entrySet()) {
      Object v = e.getValue();
      properties.put(e.getKey(), v instanceof Map<?, ?> m ? sorted(cast(m)) : v);
    }
    return new ComputeProfile(
        WireEnum.of(ComputeType.class, (String) t.get("type")), properties, credentials(t));
  }

  /** The observability block from its validated tree. */
  public static PlatformObservability observability(Map<String, Object> t) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : map(t, "attributes").entrySet()) {
      attributes.put(e.getKey(), (String) e.getValue());
    }
    return new PlatformObservability(
        new Signals(
            (Boolean) t.get("traces"), (Boolean) t.get("metrics"), (Boolean) t.get("lineage")),
        opt(t, "otlp_endpoint", StringOrSecret.class),
        WireEnum.of(OtlpProtocol.class, (String) t.get("otlp_protocol")),
        opt(t, "lineage_endpoint", StringOrSecret.class),
        opt(t, "lineage_namespace", String.class),
        ((Number) t.get("sampling")).doubleValue(),
        attributes);
  }

  private static Credentials credentials(Map<String, Object> profile) {
    if (!profile.containsKey("credentials")) {
      return Credentials.NONE;
    }
    Map<String, Object> c = cast(profile.get("credentials"));
    CredentialMode mode = WireEnum.of(CredentialMode.class, (String) c.get("mode"));
    return switch (mode) {
      case STATIC -> new Credentials.Static(opt(c, "secret_ref", String.class).map(SecretRef::new));
      case OAUTH2 ->
          new Credentials.OAuth2(
              (StringOrSecret) c.get("client_id"),
              (SecretRef) c.get("client_secret"),
              opt(c, "scope", String.class),
              opt(c, "token_endpoint", String.class),
              opt(c, "audience", String.class));
      case IAM_ROLE ->
          new Credentials.IamRole(
              (String) c.get("role_arn"),
              opt(c, "external_id", String.class),
              opt(c, "session_name", String.class),
              opt(c, "web_identity_token_file", String.class),
              opt(c, "duration", String.class).map(PlatformTrees::duration));
      case SERVICE_ACCOUNT ->
          new Credentials.ServiceAccount(
              opt(c, "audience", String.class),
              opt(c, "token_file", String.class),
              opt(c, "provider", String.class).map(p -> WireEnum.of(IdentityProvider.class, p)));
    };
  }

  // ---- model -> tree ---------------------------------------------------------------------

  /** The plain tree of a platform, in schema order; the inverse of {@link #spec}. */
  public static Map<String, Object> tree(PlatformSpec spec) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("version", spec.version());
    Map<String, Object> storage = new LinkedHashMap<>();
    spec.storage().forEach((k, v) -> storage.put(k, tree(v)));
    t.put("storage", storage);
    Map<String, Object> catalogs = new LinkedHashMap<>();
    spec.catalogs().forEach((k, v) -> catalogs.put(k, tree(v)));
    t.put("catalogs", catalogs);
    Map<String, Object> compute = new LinkedHashMap<>();
    spec.compute().forEach((k, v) -> compute.put(k, tree(v)));
    t.put("compute", compute);
    t.put("observability", tree(spec.observability()));
    return t;
  }

  /** The plain tree of a storage profile. */
  public static Map<String, Object> tree(StorageProfile p) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("type", p.type().wire());
    p.endpoint().ifPresent(v -> t.put("endpoint", v));
    p.bucket().ifPresent(v -> t.put("bucket", v));
    p.region().ifPresent(v -> t.put("region", v));
    if (p.type() == StorageType.S3) {
      t.put("path_style_access", p.pathStyleAccess());
    }
    p.path().ifPresent(v -> t.put("path", v));
    putCredentials(t, p.credentials());
    return t;
  }

  /** The plain tree of a catalog profile. */
  public static Map<String, Object> tree(CatalogProfile p) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("type", p.type().wire());
    p.uri().ifPresent(v -> t.put("uri", v));
    t.put("warehouse", p.warehouse());
    t.put("namespace", p.namespace());
    t.put("access_delegation", p.accessDelegation().wire());
    t.put("token_refresh_enabled", p.tokenRefreshEnabled());
    t.put("properties", new LinkedHashMap<>(p.properties()));
    putCredentials(t, p.credentials());
    return t;
  }

  /** The plain tree of a compute profile. */
  public static Map<String, Object> tree(ComputeProfile p) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("type", p.type().wire());
    t.put("properties", new LinkedHashMap<>(p.properties()));
    putCredentials(t, p.credentials());
    return t;
  }

  /** The plain tree of the observability block. */
  public static Map<String, Object> tree(PlatformObservability o) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("traces", o.signals().traces());
    t.put("metrics", o.signals().metrics());
    t.put("lineage", o.signals().lineage());
    o.otlpEndpoint().ifPresent(v -> t.put("otlp_endpoint", v));
    t.put("otlp_protocol", o.otlpProtocol().wire());
    o.lineageEndpoint().ifPresent(v -> t.put("lineage_endpoint", v));
    o.lineageNamespace().ifPresent(v -> t.put("lineage_namespace", v));
    t.put("sampling", o.sampling());
    t.put("attributes", new LinkedHashMap<>(o.attributes()));
    return t;
  }

  private static void putCredentials(Map<String, Object> t, Credentials credentials) {
    if (credentials.equals(Credentials.NONE)) {
      return;
    }
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("mode", credentials.mode().wire());
    if (credentials instanceof Credentials.Static s) {
      s.secretRef().ifPresent(v -> c.put("secret_ref", v.name()));
    } else if (credentials instanceof Credentials.OAuth2 o) {
      c.put("client_id", o.clientId());
      c.put("client_secret", o.clientSecret());
      o.scope().ifPresent(v -> c.put("scope", v));
      o.tokenEndpoint().ifPresent(v -> c.put("token_endpoint", v));
      o.audience().ifPresent(v -> c.put("audience", v));
    } else if (credentials instanceof Credentials.IamRole r) {
      c.put("role_arn", r.roleArn());
      r.externalId().ifPresent(v -> c.put("external_id", v));
      r.sessionName().ifPresent(v -> c.put("session_name", v));
      r.webIdentityTokenFile().ifPresent(v -> c.put("web_identity_token_file", v));
      r.duration().ifPresent(v -> c.put("duration", duration(v)));
    } else if (credentials instanceof Credentials.ServiceAccount s) {
      s.audience().ifPresent(v -> c.put("audience", v));
      s.tokenFile().ifPresent(v -> c.put("token_file", v));
      s.provider().ifPresent(v -> c.put("provider", v.wire()));
    }
    t.put("credentials", c);
  }

  // ---- helpers ---------------------------------------------------------------------------

  /** A validated duration ({@code 1h}, {@code 45m}, {@code 3600s}) as a {@link Duration}. */
  static Duration duration(String text) {
    long n = Long.parseLong(text.substring(0, text.length() - 1));
    return switch (text.charAt(text.length() - 1)) {
      case 'h' -> Duration.ofHours(n);
      case 'm' -> Duration.ofMinutes(n);
      default -> Duration.ofSeconds(n);
    };
  }

  /**
   * A duration as written in files, in the largest unit that divides it: {@code 1h}, {@code 45m},
   * {@code 3601s}.
   */
  static String duration(Duration d) {
    long seconds = d.toSeconds();
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> cast(Object value) {
    return (Map<String, Object>) value;
  }

  /** An unmodifiable, key-sorted copy: nested property maps are written in a fixed order. */
  private static Map<String, Object> sorted(Map<String, Object> map) {
    return Collections.unmodifiableMap(new TreeMap<>(map));
  }

  static Map<String, Object> map(Map<String, Object> tree, String key) {
    Object v = tree.get(key);
    return v == null ? Map.of() : cast(v);
  }

  static <T> Optional<T> opt(Map<String, Object> tree, String key, Class<T> type) {
    Object value = tree.get(key);
    return value == null ? Optional.empty() : Optional.of(type.cast(value));
  }
}
