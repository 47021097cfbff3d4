package dev.floe.core.compile;

import static java.util.Objects.requireNonNull;

import dev.floe.core.model.CatalogProfile;
import dev.floe.core.model.ComputeProfile;
import dev.floe.core.model.FloeSpec;
import dev.floe.core.model.OtlpProtocol;
import dev.floe.core.model.SortedMaps;
import dev.floe.core.model.StorageProfile;
import dev.floe.core.model.StringOrSecret;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compiled contract between configuration and runtime (contract version {@value #VERSION}):
 * every profile resolved, every secret still a reference. Immutable and thread-safe.
 *
 * @param version the contract version
 * @param metadata where and when it was compiled
 * @param environment the environment name
 * @param platformVersion the platform.yaml schema version
 * @param platformSource the platform used: a path, {@code env} or {@code builtin:local}
 * @param catalog the resolved catalog profile
 * @param storage the resolved storage profile
 * @param compute the resolved compute profile
 * @param observability the merged observability settings
 * @param assetPackages the Java packages holding assets
 * @param transforms declarative transforms
 * @param governance governance settings
 */
public record CompiledArtifacts(
    String version,
    Metadata metadata,
    String environment,
    String platformVersion,
    String platformSource,
    Resolved<CatalogProfile> catalog,
    Resolved<StorageProfile> storage,
    Resolved<ComputeProfile> compute,
    Observability observability,
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

  /**
   * Observability after merging both tiers.
   *
   * @param traces traces on
   * @param metrics metrics on
   * @param lineage lineage on
   * @param otlpEndpoint the OTLP collector
   * @param otlpProtocol the OTLP transport
   * @param lineageEndpoint the OpenLineage endpoint
   * @param lineageNamespace the OpenLineage namespace
   * @param sampling the trace sampling ratio
   * @param attributes resource attributes, including {@code service.name}
   */
  public record Observability(
      boolean traces,
      boolean metrics,
      boolean lineage,
      Optional<StringOrSecret> otlpEndpoint,
      OtlpProtocol otlpProtocol,
      Optional<StringOrSecret> lineageEndpoint,
      String lineageNamespace,
      double sampling,
      Map<String, String> attributes) {
    public Observability {
      requireNonNull(otlpEndpoint, "otlpEndpoint");
      requireNonNull(otlpProtocol, "otlpProtocol");
      requireNonNull(lineageEndpoint, "lineageEndpoint");
      requireNonNull(lineageNamespace, "lineageNamespace");
      attributes = SortedMaps.copyOf(attributes);
    }
  }
}
