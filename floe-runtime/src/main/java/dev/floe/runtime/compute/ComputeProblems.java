package dev.floe.runtime.compute;

import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.secret.Secret;
import dev.floe.runtime.RuntimeCode;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The problems of compute engines, worded once. */
final class ComputeProblems {
  private ComputeProblems() {}

  /** The field path of a compute profile, {@code compute.<name>}. */
  static String path(String profile) {
    return "compute." + profile;
  }

  /**
   * {@code FLOE-U040}: the engine cannot be opened or reached. The cause's message is redacted of
   * {@code secrets} and the cause itself is replaced by its redacted text, so that no driver
   * message can carry a password into a log.
   */
  static ProblemException unavailable(
      String profile, String what, Throwable cause, String hint, List<Secret> secrets) {
    String reason = reason(cause, secrets);
    return new ProblemException(
        Problem.error(
                RuntimeCode.U040,
                "Cannot connect to compute '" + path(profile) + "' (" + what + "): " + reason)
            .path(path(profile))
            .hint(hint)
            .cause(redacted(cause, secrets))
            .build());
  }

  /** The message of {@code cause} and of its causes, without any of {@code secrets}. */
  static String reason(Throwable cause, List<Secret> secrets) {
    StringBuilder text = new StringBuilder();
    Throwable current = cause;
    int depth = 0;
    while (current != null && depth < 4) {
      String message = current.getMessage();
      if (message != null && !message.isBlank() && text.indexOf(message.strip()) < 0) {
        if (text.length() > 0) {
          text.append(": ");
        }
        text.append(message.strip());
      }
      current = current.getCause();
      depth++;
    }
    if (text.length() == 0) {
      text.append(cause.getClass().getSimpleName());
    }
    return Secret.redact(text.toString().replace('\n', ' '), secrets);
  }

  /** A stand-in for {@code cause} that carries only its redacted message and stack trace. */
  static @Nullable Throwable redacted(Throwable cause, List<Secret> secrets) {
    if (secrets.isEmpty()) {
      return cause;
    }
    SQLException copy =
        new SQLException(cause.getClass().getName() + ": " + reason(cause, secrets));
    copy.setStackTrace(cause.getStackTrace());
    return copy;
  }
}
