package dev.floe.core.compile;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import dev.floe.core.model.CatalogProfile;
import dev.floe.core.model.ComputeProfile;
import dev.floe.core.model.FloeSpec;
import dev.floe.core.model.PlatformObservability;
import dev.floe.core.model.PlatformSource;
import dev.floe.core.model.StorageProfile;
import java.time.Instant;
import java.util.List;

/**
 * The compiled contract between configuration and runtime (contract version {@value #VERSION}):
 * every profile resolved, every secret still a reference. Immutable and thread-safe.
 *
 * @param version the contract version
 * @param metadata where and when it was compiled
 * @param environment the environment name
 * @param platformVersion the platform.yaml schema version
 * @param platformSource the platform used: a file, a registry artifact, the {@code FLOE_*}
 *     variables or the built-in local default; written as its {@link PlatformSource#wire()} form
 * @param catalog the resolved catalog profile
 * @param storage the resolved storage profile
 * @param compute the resolved compute profile
 * @param observability the platform's observability settings merged with floe.yaml's flags: the
 *     signals both leave on, and the lineage namespace always set
 * @param assetPackages the Java packages holding assets
 * @param transforms declarative transforms
 * @param governance governance settings
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record CompiledArtifacts(
    String version,
    Metadata metadata,
    String environment,
    String platformVersion,
    PlatformSource platformSource,
    Resolved<CatalogProfile> catalog,
    Resolved<StorageProfile> storage,
    Resolved<ComputeProfile> compute,
    PlatformObservability observability,
    List<String> assetPackages,
    List<FloeSpec.Transform> transforms,
    FloeSpec.Governance governance) {

  /** The contract version this build writes. */
  public static final String VERSION = "2.0.0";

  /** The contract major version this build reads. */
  public static final int MAJOR = 2;

  public CompiledArtifacts {
    requireNonNull(version, "version");
    requireNonNull(metadata, "metadata");
    requireNonNull(environment, "environment");
    requireNonNull(platformVersion, "platformVersion");
    requireNonNull(platformSource, "platformSource");
    requireNonNull(catalog, "catalog");
    requireNonNull(storage, "storage");
    requireNonNull(compute, "compute");
    requireNonNull(observability, "observability");
    if (observability.lineageNamespace().isEmpty()) {
      throw new IllegalArgumentException("compiled observability needs a lineage namespace");
    }
    assetPackages = List.copyOf(assetPackages);
    transforms = List.copyOf(transforms);
    requireNonNull(governance, "governance");
  }

  /**
   * Where and when the artifact was compiled.
   *
   * @param name the pipeline name
   * @param version the pipeline version
   * @param compiledAt when, to the second ({@code SOURCE_DATE_EPOCH} when set)
   * @param floeVersion the floe that compiled it
   * @param floeSpecPath floe.yaml, relative to the project folder
   * @param sourceHash {@code sha256:} of floe.yaml
   * @param platformHash {@code sha256:} of platform.yaml
   */
  public record Metadata(
      String name,
      String version,
      Instant compiledAt,
      String floeVersion,
      String floeSpecPath,
      String sourceHash,
      String platformHash) {
    public Metadata {
      requireNonNull(name, "name");
      requireNonNull(version, "version");
      requireNonNull(compiledAt, "compiledAt");
      requireNonNull(floeVersion, "floeVersion");
      requireNonNull(floeSpecPath, "floeSpecPath");
      requireNonNull(sourceHash, "sourceHash");
      requireNonNull(platformHash, "platformHash");
    }
  }

  /**
   * A profile chosen by name.
   *
   * @param profile the profile name
   * @param value the profile
   * @param <T> the profile type
   */
  public record Resolved<T>(String profile, T value) {
    public Resolved {
      requireNonNull(profile, "profile");
      requireNonNull(value, "value");
    }
  }
}
