package dev.floe.cli;

import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.runtime.RunListener;
import dev.floe.runtime.RunResult;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Progress of {@code floe run}. On a terminal a status line (what runs, how many are done) is
 * rewritten in place, with a line for each finished asset above it; in a pipe each event is one
 * plain line. With {@code --format json} there is no progress: stdout is one document, stderr stays
 * empty.
 */
final class RunProgress implements RunListener {
  private final PrintWriter out;
  private final boolean quiet;
  private final boolean live;
  private final boolean colour;
  private final Set<String> running = new LinkedHashSet<>();
  private int total;
  private int finished;
  private boolean statusShown;

  RunProgress(Terminal terminal, boolean json) {
    this.out = terminal.out();
    this.quiet = json;
    this.live = terminal.colour();
    this.colour = terminal.colour();
  }

  synchronized void header(CompiledArtifacts artifacts, int assets) {
    total = assets;
    if (quiet) {
      return;
    }
    out.println(
        "floe run · "
            + artifacts.metadata().name()
            + " · environment "
            + artifacts.environment()
            + " · "
            + assets
            + (assets == 1 ? " asset" : " assets"));
    out.flush();
  }

  @Override
  public synchronized void runStarted(String runId, int assets) {
    total = assets;
    if (quiet) {
      return;
    }
    if (!live) {
      out.println("run " + runId);
      out.flush();
    }
  }

  @Override
  public synchronized void assetStarted(String asset) {
    running.add(asset);
    if (quiet) {
      return;
    }
    if (live) {
      status();
    } else {
      out.println("start    " + asset);
      out.flush();
    }
  }

  @Override
  public synchronized void assetFinished(RunResult.AssetResult result) {
    running.remove(result.name());
    finished++;
    if (quiet) {
      return;
    }
    clearStatus();
    String mark =
        switch (result.status()) {
          case SUCCESS -> paint("32", "✓");
          case FAILED -> paint("31", "✗");
          case SKIPPED -> paint("33", "-");
        };
    StringBuilder line = new StringBuilder();
    if (live) {
      line.append("  ").append(mark).append(' ');
    } else {
      line.append(String.format("%-8s ", result.status().wire()));
    }
    line.append(result.name());
    if (result.status() != RunResult.AssetStatus.SKIPPED) {
      line.append("  ").append(RunSummary.duration(result.duration()));
    }
    result
        .rows()
        .ifPresent(rows -> line.append("  ").append(RunSummary.rows(rows)).append(" rows"));
    result.error().ifPresent(error -> line.append("  ").append(error));
    out.println(line);
    if (live && finished < total) {
      status();
    }
    out.flush();
  }

  @Override
  public synchronized void log(String asset, Level level, String message) {
    if (quiet) {
      return;
    }
    clearStatus();
    out.println("  [" + asset + "] " + (level == Level.INFO ? "" : level + " ") + message);
    if (live && !running.isEmpty()) {
      status();
    }
    out.flush();
  }

  /** Removes the status line before the summary. */
  synchronized void clear() {
    if (quiet) {
      return;
    }
    clearStatus();
    out.flush();
  }

  private void status() {
    String names = String.join(", ", running);
    if (names.length() > 60) {
      names = names.substring(0, 57) + "...";
    }
    out.print(
        "\r\u001b[K"
            + paint("36", "▸")
            + " running "
            + names
            + "  ("
            + finished
            + "/"
            + total
            + " done)");
    out.flush();
    statusShown = true;
  }

  private void clearStatus() {
    if (statusShown) {
      out.print("\r\u001b[K");
      statusShown = false;
    }
  }

  private String paint(String code, String text) {
    return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
