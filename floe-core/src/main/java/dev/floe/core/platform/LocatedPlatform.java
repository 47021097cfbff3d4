package dev.floe.core.platform;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import dev.floe.core.load.Loaded;
import dev.floe.core.model.PlatformSpec;

/**
 * A platform found and validated, with the environment it stands for.
 *
 * @param platform the validated platform
 * @param environment the environment name
 * @param source as recorded in CompiledArtifacts: a path relative to the project folder when below
 *     it, {@code env} or {@code builtin:local}
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record LocatedPlatform(Loaded<PlatformSpec> platform, String environment, String source) {
  public LocatedPlatform {
    requireNonNull(platform, "platform");
    requireNonNull(environment, "environment");
    requireNonNull(source, "source");
  }
}
