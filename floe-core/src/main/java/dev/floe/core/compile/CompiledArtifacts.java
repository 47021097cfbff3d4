package dev.floe.core.compile;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import dev.floe.core.load.Loaded;
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
   * Where and when the artifact was compiled. Immutable and thread-safe; equal, hashed and printed
   * by its seven components, as a record would be.
   *
   * <p>Not a record because the compiler leaves the two hashes to be computed on first use: {@code
   * floe validate} compiles but never looks at them, and the first SHA-256 of a JVM costs a tenth
   * of a command's start-up.
   */
  public static final class Metadata {
    private final String name;
    private final String version;
    private final Instant compiledAt;
    private final String floeVersion;
    private final String floeSpecPath;
    private final Hash sourceHash;
    private final Hash platformHash;

    /**
     * The metadata of an artifact.
     *
     * @param name the pipeline name
     * @param version the pipeline version
     * @param compiledAt when, to the second ({@code SOURCE_DATE_EPOCH} when set)
     * @param floeVersion the floe that compiled it
     * @param floeSpecPath floe.yaml, relative to the project folder
     * @param sourceHash {@code sha256:} of floe.yaml
     * @param platformHash {@code sha256:} of platform.yaml
     */
    public Metadata(
        String name,
        String version,
        Instant compiledAt,
        String floeVersion,
        String floeSpecPath,
        String sourceHash,
        String platformHash) {
      this(
          name,
          version,
          compiledAt,
          floeVersion,
          floeSpecPath,
          new Known(requireNonNull(sourceHash, "sourceHash")),
          new Known(requireNonNull(platformHash, "platformHash")));
    }

    /** The metadata of an artifact compiled from {@code source} and {@code platform}. */
    Metadata(
        String name,
        String version,
        Instant compiledAt,
        String floeVersion,
        String floeSpecPath,
        Loaded<?> source,
        Loaded<?> platform) {
      this(
          name,
          version,
          compiledAt,
          floeVersion,
          floeSpecPath,
          new HashOf(requireNonNull(source, "source")),
          new HashOf(requireNonNull(platform, "platform")));
    }

    private Metadata(
        String name,
        String version,
        Instant compiledAt,
        String floeVersion,
        String floeSpecPath,
        Hash sourceHash,
        Hash platformHash) {
      this.name = requireNonNull(name, "name");
      this.version = requireNonNull(version, "version");
      this.compiledAt = requireNonNull(compiledAt, "compiledAt");
      this.floeVersion = requireNonNull(floeVersion, "floeVersion");
      this.floeSpecPath = requireNonNull(floeSpecPath, "floeSpecPath");
      this.sourceHash = sourceHash;
      this.platformHash = platformHash;
    }

    /** The pipeline name. */
    public String name() {
      return name;
    }

    /** The pipeline version. */
    public String version() {
      return version;
    }

    /** When, to the second ({@code SOURCE_DATE_EPOCH} when set). */
    public Instant compiledAt() {
      return compiledAt;
    }

    /** The floe that compiled it. */
    public String floeVersion() {
      return floeVersion;
    }

    /** floe.yaml, relative to the project folder. */
    public String floeSpecPath() {
      return floeSpecPath;
    }

    /** {@code sha256:} of floe.yaml. */
    public String sourceHash() {
      return sourceHash.value();
    }

    /** {@code sha256:} of platform.yaml. */
    public String platformHash() {
      return platformHash.value();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Metadata m
          && name.equals(m.name)
          && version.equals(m.version)
          && compiledAt.equals(m.compiledAt)
          && floeVersion.equals(m.floeVersion)
          && floeSpecPath.equals(m.floeSpecPath)
          && sourceHash().equals(m.sourceHash())
          && platformHash().equals(m.platformHash());
    }

    @Override
    public int hashCode() {
      int h = name.hashCode();
      h = 31 * h + version.hashCode();
      h = 31 * h + compiledAt.hashCode();
      h = 31 * h + floeVersion.hashCode();
      h = 31 * h + floeSpecPath.hashCode();
      h = 31 * h + sourceHash().hashCode();
      return 31 * h + platformHash().hashCode();
    }

    @Override
    public String toString() {
      return "Metadata[name="
          + name
          + ", version="
          + version
          + ", compiledAt="
          + compiledAt
          + ", floeVersion="
          + floeVersion
          + ", floeSpecPath="
          + floeSpecPath
          + ", sourceHash="
          + sourceHash()
          + ", platformHash="
          + platformHash()
          + "]";
    }

    /** A content hash, known or the one of a loaded document (computed on first use). */
    private interface Hash {
      String value();
    }

    private record Known(String value) implements Hash {}

    private record HashOf(Loaded<?> document) implements Hash {
      @Override
      public String value() {
        return document.sha256();
      }
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
