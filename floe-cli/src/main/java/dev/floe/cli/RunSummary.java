package dev.floe.cli;

import dev.floe.runtime.ObservabilityReport;
import dev.floe.runtime.RunResult;
import java.time.Duration;
import java.util.Locale;

/** The summary table and observability health line at the end of {@code floe run}. */
final class RunSummary {
  private RunSummary() {}

  static void print(Reporter reporter, Terminal terminal, RunResult result, String document) {
    int width = "asset".length();
    for (RunResult.AssetResult a : result.assets()) {
      width = Math.max(width, a.name().length());
    }
    reporter.line("");
    reporter.line(
        String.format(
            Locale.ROOT,
            "%-" + width + "s  %-8s %10s %12s",
            "asset",
            "status",
            "duration",
            "rows"));
    for (RunResult.AssetResult a : result.assets()) {
      reporter.line(
          String.format(
              Locale.ROOT,
              "%-" + width + "s  %-8s %10s %12s",
              a.name(),
              a.status().wire(),
              a.status() == RunResult.AssetStatus.SKIPPED ? "-" : duration(a.duration()),
              a.rows().isPresent() ? rows(a.rows().getAsLong()) : "-"));
    }
    reporter.line("");
    reporter.line("observability: " + health(result.observability()));
    reporter.line("run document:  " + document);
    long ok = count(result, RunResult.AssetStatus.SUCCESS);
    long failed = count(result, RunResult.AssetStatus.FAILED);
    long skipped = count(result, RunResult.AssetStatus.SKIPPED);
    if (result.succeeded()) {
      reporter.line(
          reporter.ok()
              + " "
              + ok
              + (ok == 1 ? " asset" : " assets")
              + " succeeded in "
              + duration(result.duration()));
    } else {
      reporter.line(
          reporter.failed()
              + " "
              + failed
              + " failed, "
              + skipped
              + " skipped, "
              + ok
              + " succeeded in "
              + duration(result.duration()));
    }
  }

  /** The health line: what was delivered, dropped, and which endpoint failed. */
  static String health(ObservabilityReport report) {
    return signal("traces", "exported", report.traces())
        + " · "
        + signal("lineage", "emitted", report.lineage());
  }

  private static String signal(String name, String delivered, ObservabilityReport.Signal s) {
    if (!s.enabled()) {
      return name + " off";
    }
    String line = name + " " + s.delivered() + " " + delivered + ", " + s.dropped() + " dropped";
    return s.failedEndpoint().map(e -> line + " (endpoint " + e + " failed)").orElse(line);
  }

  private static long count(RunResult result, RunResult.AssetStatus status) {
    return result.assets().stream().filter(a -> a.status() == status).count();
  }

  static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    return String.format(Locale.ROOT, "%dm %02ds", ms / 60_000, (ms / 1000) % 60);
  }

  static String rows(long rows) {
    return String.format(Locale.ROOT, "%,d", rows);
  }
}
