package dev.floe.core;

/**
 * The version of this build, written into the source by Maven's resource filtering (floe-core's
 * pom): a constant costs nothing at start-up, where reading a resource opens and inflates the jar,
 * which nothing else needs when every class comes from the CDS archive.
 */
final class BuildVersion {
  /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
  static final String VERSION = "${project.version}";

  private BuildVersion() {}
}
