package dev.floe.core.diag;

import dev.floe.core.internal.credential.SecretMask;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * The debug form of a problem's cause: its stack trace as {@link Throwable#printStackTrace} writes
 * it (class and message, frames, causes and suppressed exceptions), each line masked like a
 * snippet, since an exception's message may quote configuration. Stateless.
 */
final class Causes {
  private Causes() {}

  /** The lines of the masked stack trace; the first is {@code class: message}. Never empty. */
  static List<String> lines(Throwable cause) {
    StringWriter out = new StringWriter();
    try (PrintWriter print = new PrintWriter(out)) {
      cause.printStackTrace(print);
    }
    List<String> lines =
        out.toString()
            .lines()
            .map(line -> SecretMask.line(line.replace("\t", "    "), -1).text())
            .toList();
    return lines.isEmpty() ? List.of(cause.getClass().getName()) : lines;
  }

  /** The masked stack trace as one text, lines joined by {@code \n}. */
  static String text(Throwable cause) {
    return String.join("\n", lines(cause));
  }
}
