package dev.floe.core.secret;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The resolved secrets of one catalog, storage or compute profile, as the runtime needs them to
 * connect: what {@link SecretResolver#forCatalog}, {@link SecretResolver#forStorage} and {@link
 * SecretResolver#forCompute} return. Settings that were plain text in the file are here too, as
 * {@link ResolvedSetting.Text}, so that a caller takes every value from one place. Its {@link
 * #toString()} names fields and secrets, never a value; equality is identity. Immutable and
 * thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class ProfileSecrets {
  private final Optional<MultiKeySecret> staticSecret;
  private final Optional<ResolvedSetting> clientId;
  private final Optional<Secret> clientSecret;
  private final Optional<ResolvedSetting> endpoint;
  private final Map<String, ResolvedSetting> properties;

  ProfileSecrets(
      Optional<MultiKeySecret> staticSecret,
      Optional<ResolvedSetting> clientId,
      Optional<Secret> clientSecret,
      Optional<ResolvedSetting> endpoint,
      Map<String, ResolvedSetting> properties) {
    this.staticSecret = requireNonNull(staticSecret, "staticSecret");
    this.clientId = requireNonNull(clientId, "clientId");
    this.clientSecret = requireNonNull(clientSecret, "clientSecret");
    this.endpoint = requireNonNull(endpoint, "endpoint");
    this.properties = java.util.Collections.unmodifiableMap(new TreeMap<>(properties));
  }

  /**
   * The keys of the multi-key secret of {@code static} credentials ({@code access_key_id} and
   * {@code secret_access_key}, {@code token}, {@code user} and {@code password}, …); empty for
   * other modes and for static credentials without a {@code secret_ref}.
   */
  public Optional<MultiKeySecret> staticSecret() {
    return staticSecret;
  }

  /** The OAuth2 client id, written or resolved; empty unless the mode is {@code oauth2}. */
  public Optional<ResolvedSetting> clientId() {
    return clientId;
  }

  /** The OAuth2 client secret; empty unless the mode is {@code oauth2}. */
  public Optional<Secret> clientSecret() {
    return clientSecret;
  }

  /**
   * Where to connect: the storage {@code endpoint} or the catalog {@code uri}, written or resolved;
   * empty when the profile has none (the cloud's own endpoint, a glue catalog, compute).
   */
  public Optional<ResolvedSetting> endpoint() {
    return endpoint;
  }

  /**
   * The catalog {@code properties}, each written or resolved, sorted by key; empty for storage and
   * compute.
   */
  public Map<String, ResolvedSetting> properties() {
    return properties;
  }

  /** Fields and secret names only, e.g. {@code ProfileSecrets{clientSecret=****, …}}. */
  @Override
  public String toString() {
    return "ProfileSecrets{staticSecret="
        + staticSecret.map(MultiKeySecret::toString).orElse("none")
        + ", clientId="
        + clientId.map(ResolvedSetting::display).orElse("none")
        + ", clientSecret="
        + clientSecret.map(s -> Secret.MASK).orElse("none")
        + ", endpoint="
        + endpoint.map(ResolvedSetting::display).orElse("none")
        + ", properties="
        + properties.keySet().stream().collect(Collectors.joining(", ", "[", "]"))
        + "}";
  }
}
