package dev.floe.core.platform;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import dev.floe.core.load.Loaded;
import dev.floe.core.model.PlatformSource;
import dev.floe.core.model.PlatformSpec;

/**
 * A platform found and validated, with the environment it stands for. Immutable and thread-safe.
 *
 * @param platform the validated platform
 * @param environment the environment name
 * @param platformSource where it came from, as recorded in CompiledArtifacts: a file (relative to
 *     the project folder when below it), the {@code FLOE_*} variables or the built-in local default
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record LocatedPlatform(
    Loaded<PlatformSpec> platform, String environment, PlatformSource platformSource) {
  public LocatedPlatform {
    requireNonNull(platform, "platform");
    requireNonNull(environment, "environment");
    requireNonNull(platformSource, "platformSource");
  }

  /**
   * A located platform whose source is given in its wire form ({@link PlatformSource#parse}).
   *
   * @param platform the validated platform; not null
   * @param environment the environment name; not null
   * @param source {@code platform/dev/platform.yaml}, {@code env}, {@code builtin:local}, …; not
   *     null, not empty
   */
  public LocatedPlatform(Loaded<PlatformSpec> platform, String environment, String source) {
    this(platform, environment, PlatformSource.parse(source));
  }

  /**
   * The source in its wire form, as commands print it: {@code platformSource().wire()}.
   *
   * @return the path, {@code oci://…@sha256:…}, {@code env} or {@code builtin:local}; never null
   */
  public String source() {
    return platformSource.wire();
  }
}
