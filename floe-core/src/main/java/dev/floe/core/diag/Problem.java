package dev.floe.core.diag;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import java.util.List;
import java.util.Optional;

/**
 * One diagnostic: a stable code, a one-sentence message and, where there is a source, the exact
 * position. Problems are data; renderers turn them into text, JSON or SARIF.
 *
 * @param severity error or warning
 * @param code the stable code, {@code FLOE-} + letter + 3 digits (see {@link Code})
 * @param message one sentence, never containing a secret value
 * @param position where in which file, when there is a source
 * @param file the file when there is no line (for example a missing file), else the position's
 * @param path the field path, e.g. {@code catalogs.default.credentials.client_secret}
 * @param hint what to do about it
 * @param choices the valid values or profile names, when there is a closed set
 * @param suggestion the closest valid value
 * @param disclosure whether the source token may be shown in a snippet
 */
@Api(status = Api.Status.STABLE)
public record Problem(
    Severity severity,
    String code,
    String message,
    Optional<SourcePosition> position,
    Optional<String> file,
    Optional<String> path,
    Optional<String> hint,
    List<String> choices,
    Optional<String> suggestion,
    Disclosure disclosure) {

  public Problem {
    requireNonNull(severity, "severity");
    requireNonNull(code, "code");
    requireNonNull(message, "message");
    requireNonNull(position, "position");
    requireNonNull(path, "path");
    requireNonNull(hint, "hint");
    requireNonNull(suggestion, "suggestion");
    requireNonNull(disclosure, "disclosure");
    choices = List.copyOf(choices);
    file = position.isPresent() ? Optional.of(position.get().file()) : requireNonNull(file, "file");
    if (!code.matches("FLOE-[A-Z][0-9]{3}")) {
      throw new IllegalArgumentException("bad problem code " + code);
    }
  }

  /** Starts an error with the given code and message. */
  public static Builder error(Code code, String message) {
    return new Builder(Severity.ERROR, code.id(), message);
  }

  /** Starts a warning with the given code and message. */
  public static Builder warning(Code code, String message) {
    return new Builder(Severity.WARNING, code.id(), message);
  }

  /** True for {@link Severity#ERROR}. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** Builds a {@link Problem}; only the code and message are required. Not thread-safe. */
  public static final class Builder {
    private final Severity severity;
    private final String code;
    private final String message;
    private SourcePosition position;
    private String file;
    private String path;
    private String hint;
    private List<String> choices = List.of();
    private String suggestion;
    private Disclosure disclosure = Disclosure.PUBLIC;

    private Builder(Severity severity, String code, String message) {
      this.severity = severity;
      this.code = code;
      this.message = message;
    }

    /** The source position; {@code null} leaves it absent. */
    public Builder at(SourcePosition position) {
      this.position = position;
      return this;
    }

    /** The file, for problems without a line (missing or unreadable files). */
    public Builder file(String file) {
      this.file = file;
      return this;
    }

    /** The field path. */
    public Builder path(String path) {
      this.path = path == null || path.isEmpty() ? null : path;
      return this;
    }

    /** What to do about it. */
    public Builder hint(String hint) {
      this.hint = hint;
      return this;
    }

    /** The valid values. */
    public Builder choices(List<String> choices) {
      this.choices = List.copyOf(choices);
      return this;
    }

    /** The closest valid value; {@code null} leaves it absent. */
    public Builder suggestion(String suggestion) {
      this.suggestion = suggestion;
      return this;
    }

    /** Marks the source token as secret: renderers will not show it. */
    public Builder secret() {
      this.disclosure = Disclosure.SECRET;
      return this;
    }

    /** The finished problem. */
    public Problem build() {
      return new Problem(
          severity,
          code,
          message,
          Optional.ofNullable(position),
          Optional.ofNullable(file),
          Optional.ofNullable(path),
          Optional.ofNullable(hint),
          choices,
          Optional.ofNullable(suggestion),
          disclosure);
    }
  }
}
