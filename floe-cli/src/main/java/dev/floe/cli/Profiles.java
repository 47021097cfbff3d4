package dev.floe.cli;

import dev.floe.core.project.FloeProject;

/** Prints the environment and the three resolved profiles of a compiled pipeline. */
final class Profiles {
  private Profiles() {}

  static void print(Reporter reporter, FloeProject.Compiled compiled) {
    var a = compiled.artifacts();
    reporter.line("environment  " + a.environment());
    reporter.line("platform     " + a.platformSource().wire());
    reporter.line(
        row(
            "catalog",
            a.catalog().profile(),
            a.catalog().value().type().wire(),
            Describe.endpoint(a.catalog().value())));
    reporter.line(
        row(
            "storage",
            a.storage().profile(),
            a.storage().value().type().wire(),
            Describe.endpoint(a.storage().value())));
    reporter.line(
        row(
            "compute",
            a.compute().profile(),
            a.compute().value().type().wire(),
            Describe.endpoint(a.compute().value())));
  }

  static String row(String kind, String name, String type, String endpoint) {
    return String.format("%-12s %-10s %-10s %s", kind, name, type, endpoint);
  }
}
