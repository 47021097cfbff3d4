package dev.floe.catalog;

import static java.util.Objects.requireNonNull;

import dev.floe.core.compile.CompiledArtifacts.Resolved;
import dev.floe.core.model.CatalogProfile;
import dev.floe.core.model.StorageProfile;
import dev.floe.core.secret.SecretResolver;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Everything {@link Catalogs#open(CatalogContext)} needs to connect a compiled catalog profile and
 * its storage profile: the two profiles as CompiledArtifacts chose them, the resolver that reads
 * their secrets at the last moment, the project folder that relative paths are resolved against, a
 * clock for token and credential refresh, the process environment (workload identity reads {@code
 * AZURE_*} from it) and the timeout of one request.
 *
 * <p>Holds no secret value: secrets are resolved inside the factory. Its {@code toString} names the
 * profiles only, never the environment (which may hold secrets). Immutable; thread-safe when the
 * resolver is.
 *
 * @param catalog the catalog profile and its name; not null
 * @param storage the storage profile and its name; not null
 * @param secrets resolves secret references; not null
 * @param projectDir the folder holding floe.yaml; made absolute; not null
 * @param clock decides when tokens and credentials are refreshed; not null
 * @param environment the process environment; copied; not null
 * @param requestTimeout the timeout of one request to a token endpoint, catalog or storage, at
 *     least 200 ms; connections time out after half of it (at most 5 s), and a token request is
 *     retried for at most three times this long
 */
public record CatalogContext(
    Resolved<CatalogProfile> catalog,
    Resolved<StorageProfile> storage,
    SecretResolver secrets,
    Path projectDir,
    Clock clock,
    Map<String, String> environment,
    Duration requestTimeout) {

  /** The request timeout when none is given: 10 s, as for token requests. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private static final Duration MIN_REQUEST_TIMEOUT = Duration.ofMillis(200);

  /** Checks every component and makes the project folder absolute. */
  public CatalogContext {
    requireNonNull(catalog, "catalog");
    requireNonNull(storage, "storage");
    requireNonNull(secrets, "secrets");
    requireNonNull(projectDir, "projectDir");
    requireNonNull(clock, "clock");
    environment = Map.copyOf(requireNonNull(environment, "environment"));
    requireNonNull(requestTimeout, "requestTimeout");
    if (requestTimeout.compareTo(MIN_REQUEST_TIMEOUT) < 0) {
      throw new IllegalArgumentException(
          "requestTimeout must be at least 200 ms, got " + requestTimeout);
    }
    projectDir = projectDir.toAbsolutePath().normalize();
  }

  /**
   * A context on the system clock and this process's environment, with {@link
   * #DEFAULT_REQUEST_TIMEOUT}.
   *
   * @param catalog the catalog profile; not null
   * @param storage the storage profile; not null
   * @param secrets the secret resolver; not null
   * @param projectDir the folder holding floe.yaml; not null
   */
  public static CatalogContext of(
      Resolved<CatalogProfile> catalog,
      Resolved<StorageProfile> storage,
      SecretResolver secrets,
      Path projectDir) {
    return new CatalogContext(
        catalog,
        storage,
        secrets,
        projectDir,
        Clock.systemUTC(),
        System.getenv(),
        DEFAULT_REQUEST_TIMEOUT);
  }

  /** This context with {@code clock}; not null. */
  public CatalogContext withClock(Clock clock) {
    return new CatalogContext(
        catalog, storage, secrets, projectDir, clock, environment, requestTimeout);
  }

  /** This context with {@code environment} instead of the process environment; not null. */
  public CatalogContext withEnvironment(Map<String, String> environment) {
    return new CatalogContext(
        catalog, storage, secrets, projectDir, clock, environment, requestTimeout);
  }

  /** This context with requests timing out after {@code requestTimeout}; not null. */
  public CatalogContext withRequestTimeout(Duration requestTimeout) {
    return new CatalogContext(
        catalog, storage, secrets, projectDir, clock, environment, requestTimeout);
  }

  /** The field path of the catalog profile in platform.yaml, {@code catalogs.<name>}. */
  public String catalogPath() {
    return "catalogs." + catalog.profile();
  }

  /** The field path of the storage profile in platform.yaml, {@code storage.<name>}. */
  public String storagePath() {
    return "storage." + storage.profile();
  }

  /** The connect timeout: half the request timeout, at most 5 s. */
  Duration connectTimeout() {
    Duration half = requestTimeout.dividedBy(2);
    Duration max = Duration.ofSeconds(5);
    return half.compareTo(max) < 0 ? half : max;
  }

  /** Names the profiles and the project folder; never the environment. */
  @Override
  public String toString() {
    return "CatalogContext["
        + catalogPath()
        + ", "
        + storagePath()
        + ", project="
        + projectDir
        + "]";
  }
}
