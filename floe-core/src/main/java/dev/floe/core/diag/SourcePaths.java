package dev.floe.core.diag;

import dev.floe.core.api.Api;
import java.nio.file.Path;

/** Names files the way diagnostics show them: relative to the working folder when below it. */
@Api(status = Api.Status.EXPERIMENTAL)
public final class SourcePaths {
  private SourcePaths() {}

  /** {@code file} relative to {@code workDir} when below it, else absolute; '/' separated. */
  public static String display(Path file, Path workDir) {
    Path absolute = file.toAbsolutePath().normalize();
    Path base = workDir.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
    String text = shown.toString().replace('\\', '/');
    return text.isEmpty() ? "." : text;
  }
}
