package dev.floe.catalog.oauth2;

/**
 * A copy of a throwable whose message and causes have a secret masked, with the original's class
 * name in its message and the original's stack trace: kept as the cause of an {@link
 * OAuth2Exception} for debugging, without the risk that a library quoted the secret.
 */
final class RedactedCause extends Exception {
  private static final long serialVersionUID = 1L;

  private RedactedCause(String message, Throwable cause) {
    super(message, cause);
  }

  /** A masked copy of {@code original} and its causes (at most 16 deep); null for null. */
  static Throwable of(Throwable original, Redactor redactor) {
    return copy(original, redactor, 0);
  }

  private static Throwable copy(Throwable original, Redactor redactor, int depth) {
    if (original == null || depth >= 16) {
      return null;
    }
    String message = original.getMessage();
    String text =
        original.getClass().getName() + (message == null ? "" : ": " + redactor.redact(message));
    RedactedCause copy = new RedactedCause(text, copy(original.getCause(), redactor, depth + 1));
    copy.setStackTrace(original.getStackTrace());
    return copy;
  }

  /** The masked text only: the original's class name and message. */
  // On purpose: the copy prints as the original ("its.Class: message"), not as RedactedCause.
  @SuppressWarnings("OverrideThrowableToString")
  @Override
  public String toString() {
    return getMessage();
  }
}
