package dev.floe.core.model;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pipeline's floe.yaml: what it does, with logical profile names only. Immutable.
 *
 * @param name the pipeline name
 * @param version the pipeline version (semver)
 * @param platform a pinned published platform, if any
 * @param catalog the catalog profile name
 * @param storage the storage profile name
 * @param compute the compute profile name
 * @param assetPackages the Java packages holding asset classes
 * @param transforms declarative transforms
 * @param governance governance settings
 * @param observability which signals the pipeline leaves on, and extra attributes
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record FloeSpec(
    String name,
    String version,
    Optional<PlatformPin> platform,
    String catalog,
    String storage,
    String compute,
    List<String> assetPackages,
    List<Transform> transforms,
    Governance governance,
    Observability observability) {
  public FloeSpec {
    requireNonNull(name, "name");
    requireNonNull(version, "version");
    requireNonNull(platform, "platform");
    requireNonNull(catalog, "catalog");
    requireNonNull(storage, "storage");
    requireNonNull(compute, "compute");
    assetPackages = List.copyOf(assetPackages);
    transforms = List.copyOf(transforms);
    requireNonNull(governance, "governance");
    requireNonNull(observability, "observability");
  }

  /** A published platform the pipeline pins. */
  public record PlatformPin(String ref, Optional<String> version) {
    public PlatformPin {
      requireNonNull(ref, "ref");
      requireNonNull(version, "version");
    }
  }

  /** A declarative transform. */
  public record Transform(TransformType type, String path, Optional<String> target) {
    public Transform {
      requireNonNull(type, "type");
      requireNonNull(path, "path");
      requireNonNull(target, "target");
    }
  }

  /** Governance settings. */
  public record Governance(ClassificationSource classificationSource, boolean emitLineage) {
    public Governance {
      requireNonNull(classificationSource, "classificationSource");
    }
  }

  /**
   * Observability flags: a pipeline can switch signals off, never add endpoints.
   *
   * @param signals the signals the pipeline leaves on
   * @param attributes extra resource attributes, sorted by key; they win over the platform's
   */
  public record Observability(Signals signals, Map<String, String> attributes) {
    /** Every signal left on, no extra attribute: what an absent block means. */
    public static final Observability DEFAULT = new Observability(Signals.ALL, Map.of());

    public Observability {
      requireNonNull(signals, "signals");
      attributes = SortedMaps.copyOf(attributes);
    }
  }
}
