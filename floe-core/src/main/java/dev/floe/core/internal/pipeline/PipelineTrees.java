package dev.floe.core.internal.pipeline;

import dev.floe.core.model.ClassificationSource;
import dev.floe.core.model.FloeSpec;
import dev.floe.core.model.Signals;
import dev.floe.core.model.TransformType;
import dev.floe.core.model.WireEnum;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Converts between validated floe.yaml trees and {@link FloeSpec}, both ways. */
public final class PipelineTrees {
  private static final FloeSpec.Governance DEFAULT_GOVERNANCE =
      new FloeSpec.Governance(ClassificationSource.DBT_META, true);

  private PipelineTrees() {}

  /** A pipeline from a validated floe.yaml tree. */
  public static FloeSpec spec(Map<String, Object> t) {
    Map<String, Object> platform = cast(t.get("platform"));
    Optional<FloeSpec.PlatformPin> pin =
        platform == null
            ? Optional.empty()
            : Optional.of(
                new FloeSpec.PlatformPin((String) platform.get("ref"), opt(platform, "version")));
    List<String> packages = new ArrayList<>();
    Map<String, Object> assets = cast(t.get("assets"));
    if (assets != null) {
      for (Object p : (List<?>) assets.get("packages")) {
        packages.add((String) p);
      }
    }
    List<FloeSpec.Transform> transforms = new ArrayList<>();
    for (Object o : (List<?>) t.get("transforms")) {
      transforms.add(transform(cast(o)));
    }
    return new FloeSpec(
        (String) t.get("name"),
        (String) t.get("version"),
        pin,
        (String) t.get("catalog"),
        (String) t.get("storage"),
        (String) t.get("compute"),
        packages,
        transforms,
        t.containsKey("governance") ? governance(cast(t.get("governance"))) : DEFAULT_GOVERNANCE,
        t.containsKey("observability")
            ? observability(cast(t.get("observability")))
            : FloeSpec.Observability.DEFAULT);
  }

  /** A transform from its tree. */
  public static FloeSpec.Transform transform(Map<String, Object> t) {
    return new FloeSpec.Transform(
        WireEnum.of(TransformType.class, (String) t.get("type")),
        (String) t.get("path"),
        opt(t, "target"));
  }

  /** Governance from its tree. */
  public static FloeSpec.Governance governance(Map<String, Object> t) {
    return new FloeSpec.Governance(
        WireEnum.of(ClassificationSource.class, (String) t.get("classification_source")),
        (Boolean) t.get("emit_lineage"));
  }

  private static FloeSpec.Observability observability(Map<String, Object> t) {
    Map<String, String> attributes = new LinkedHashMap<>();
    Map<String, Object> a = cast(t.get("attributes"));
    for (Map.Entry<String, Object> e : a.entrySet()) {
      attributes.put(e.getKey(), (String) e.getValue());
    }
    return new FloeSpec.Observability(
        new Signals(
            (Boolean) t.get("traces"), (Boolean) t.get("metrics"), (Boolean) t.get("lineage")),
        attributes);
  }

  /** The plain tree of a pipeline, in schema order; the inverse of {@link #spec}. */
  public static Map<String, Object> tree(FloeSpec spec) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("name", spec.name());
    t.put("version", spec.version());
    spec.platform()
        .ifPresent(
            p -> {
              Map<String, Object> pin = new LinkedHashMap<>();
              pin.put("ref", p.ref());
              p.version().ifPresent(v -> pin.put("version", v));
              t.put("platform", pin);
            });
    t.put("catalog", spec.catalog());
    t.put("storage", spec.storage());
    t.put("compute", spec.compute());
    t.put("assets", new LinkedHashMap<>(Map.of("packages", spec.assetPackages())));
    List<Object> transforms = new ArrayList<>();
    spec.transforms().forEach(x -> transforms.add(tree(x)));
    t.put("transforms", transforms);
    t.put("governance", tree(spec.governance()));
    Map<String, Object> o = new LinkedHashMap<>();
    // floe.yaml's key order (the schema's): traces, lineage, metrics.
    Signals signals = spec.observability().signals();
    o.put("traces", signals.traces());
    o.put("lineage", signals.lineage());
    o.put("metrics", signals.metrics());
    o.put("attributes", new LinkedHashMap<>(spec.observability().attributes()));
    t.put("observability", o);
    return t;
  }

  /** The plain tree of a transform. */
  public static Map<String, Object> tree(FloeSpec.Transform x) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("type", x.type().wire());
    t.put("path", x.path());
    x.target().ifPresent(v -> t.put("target", v));
    return t;
  }

  /** The plain tree of governance settings. */
  public static Map<String, Object> tree(FloeSpec.Governance g) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("classification_source", g.classificationSource().wire());
    t.put("emit_lineage", g.emitLineage());
    return t;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object value) {
    return (Map<String, Object>) value;
  }

  private static Optional<String> opt(Map<String, Object> t, String key) {
    return Optional.ofNullable((String) t.get(key));
  }
}
