package dev.floe.core.model;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a platform came from, as CompiledArtifacts records it in {@code platform_source}: a file, a
 * registry artifact pinned by digest, the {@code FLOE_*} environment fallback, or the built-in
 * local default. {@link #wire()} is the recorded string and {@link #parse(String)} reads it back;
 * {@code toString()} is the wire form too. Immutable and thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public sealed interface PlatformSource
    permits PlatformSource.File,
        PlatformSource.Registry,
        PlatformSource.Env,
        PlatformSource.BuiltinLocal {

  /** The wire form of {@link Env}. */
  String ENV_WIRE = "env";

  /** The wire form of {@link BuiltinLocal}. */
  String BUILTIN_LOCAL_WIRE = "builtin:local";

  /** The platform built from {@code FLOE_*} environment variables. */
  Env ENV = new Env();

  /** The built-in default of environment {@code local}: embedded catalog, DuckDB. */
  BuiltinLocal BUILTIN_LOCAL = new BuiltinLocal();

  /**
   * The string recorded in CompiledArtifacts: the path, {@code oci://…@sha256:…}, {@value
   * #ENV_WIRE} or {@value #BUILTIN_LOCAL_WIRE}.
   */
  String wire();

  /**
   * The source a recorded string stands for; the inverse of {@link #wire()}.
   *
   * @param wire a recorded {@code platform_source}; not null, not empty
   * @throws IllegalArgumentException when {@code wire} is empty
   */
  static PlatformSource parse(String wire) {
    requireNonNull(wire, "wire");
    if (wire.equals(ENV_WIRE)) {
      return ENV;
    }
    if (wire.equals(BUILTIN_LOCAL_WIRE)) {
      return BUILTIN_LOCAL;
    }
    Matcher m = Registry.WIRE.matcher(wire);
    if (m.matches()) {
      return new Registry(m.group(1), m.group(2));
    }
    return new File(wire);
  }

  /**
   * A platform.yaml file.
   *
   * @param path as displayed: relative to the project folder when below it, with {@code /}; not
   *     empty, and not a string that reads as another kind of source
   */
  record File(String path) implements PlatformSource {
    public File {
      requireNonNull(path, "path");
      if (path.isEmpty()
          || path.equals(ENV_WIRE)
          || path.equals(BUILTIN_LOCAL_WIRE)
          || Registry.WIRE.matcher(path).matches()) {
        throw new IllegalArgumentException("not a platform file path: " + path);
      }
    }

    @Override
    public String wire() {
      return path;
    }

    @Override
    public String toString() {
      return wire();
    }
  }

  /**
   * A platform pulled from a registry, pinned by content digest.
   *
   * @param ref the artifact reference, {@code oci://HOST/REPO}
   * @param digest the content digest, {@code sha256:} + 64 hex digits
   */
  record Registry(String ref, String digest) implements PlatformSource {
    /** {@code oci://…@sha256:<64 hex>}. */
    static final Pattern WIRE = Pattern.compile("^(oci://[^@\\s]+)@(sha256:[0-9a-f]{64})$");

    public Registry {
      requireNonNull(ref, "ref");
      requireNonNull(digest, "digest");
      if (!WIRE.matcher(ref + "@" + digest).matches()) {
        throw new IllegalArgumentException("not an oci://…@sha256:… reference: " + ref);
      }
    }

    @Override
    public String wire() {
      return ref + "@" + digest;
    }

    @Override
    public String toString() {
      return wire();
    }
  }

  /** The platform built from {@code FLOE_*} environment variables: {@value #ENV_WIRE}. */
  record Env() implements PlatformSource {
    @Override
    public String wire() {
      return ENV_WIRE;
    }

    @Override
    public String toString() {
      return wire();
    }
  }

  /** The built-in local default: {@value #BUILTIN_LOCAL_WIRE}. */
  record BuiltinLocal() implements PlatformSource {
    @Override
    public String wire() {
      return BUILTIN_LOCAL_WIRE;
    }

    @Override
    public String toString() {
      return wire();
    }
  }
}
