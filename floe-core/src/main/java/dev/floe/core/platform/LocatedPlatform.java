package dev.floe.core.platform;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import dev.floe.core.diag.Problem;
import dev.floe.core.load.Loaded;
import dev.floe.core.model.PlatformSource;
import dev.floe.core.model.PlatformSpec;
import java.util.List;

/**
 * A platform found and validated, with the environment it stands for. Immutable and thread-safe.
 *
 * @param platform the validated platform
 * @param environment the environment name
 * @param platformSource where it came from, as recorded in CompiledArtifacts: a file (relative to
 *     the project folder when below it), the {@code FLOE_*} variables or the built-in local default
 * @param warnings what the search has to say without failing, for the command to report (a registry
 *     pin in floe.yaml that a platform file took precedence over)
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record LocatedPlatform(
    Loaded<PlatformSpec> platform,
    String environment,
    PlatformSource platformSource,
    List<Problem> warnings) {
  public LocatedPlatform {
    requireNonNull(platform, "platform");
    requireNonNull(environment, "environment");
    requireNonNull(platformSource, "platformSource");
    warnings = List.copyOf(warnings);
  }

  /**
   * A located platform without warnings.
   *
   * @param platform the validated platform; not null
   * @param environment the environment name; not null
   * @param platformSource where it came from; not null
   */
  public LocatedPlatform(
      Loaded<PlatformSpec> platform, String environment, PlatformSource platformSource) {
    this(platform, environment, platformSource, List.of());
  }

  /** The same platform with {@code more} warnings (a registry pin the search did not use, …). */
  public LocatedPlatform withWarnings(List<Problem> more) {
    List<Problem> all = new java.util.ArrayList<>(warnings);
    all.addAll(more);
    return new LocatedPlatform(platform, environment, platformSource, all);
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
