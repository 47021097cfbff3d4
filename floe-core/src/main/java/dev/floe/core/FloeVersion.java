package dev.floe.core;

import dev.floe.core.api.Api;

/** The version of this floe build, as recorded in CompiledArtifacts and printed by --version. */
@Api(status = Api.Status.STABLE)
public final class FloeVersion {
  private FloeVersion() {}

  /** The version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String current() {
    return BuildVersion.VERSION;
  }
}
