package dev.floe.core.diag;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One diagnostic: a stable code, a one-sentence message and, where there is a source, the exact
 * position. Problems are data; renderers turn them into text, JSON or SARIF.
 *
 * <p>The {@linkplain #cause() cause} is the exception behind a problem, when there is one (an I/O
 * error, a failing provider). It is not part of the problem's value: {@link #equals}, {@link
 * #hashCode}, {@link #toString} and the normal renderings leave it out, and only {@link
 * Verbosity#DEBUG} renderings show it.
 *
 * @param severity error or warning
 * @param code the stable code, {@code FLOE-} + letter + 3 digits (see {@link ProblemCode})
 * @param message one sentence, never containing a secret value
 * @param position where in which file, when there is a source
 * @param file the file when there is no line (for example a missing file), else the position's
 * @param path the field path, e.g. {@code catalogs.default.credentials.client_secret}
 * @param hint what to do about it
 * @param choices the valid values or profile names, when there is a closed set
 * @param suggestion the closest valid value
 * @param disclosure whether the source token may be shown in a snippet
 * @param shown which of the choices and the suggestion the message or the hint already spell out,
 *     so that renderers do not repeat them
 * @param cause the exception behind the problem; never rendered except in debug mode
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
    Disclosure disclosure,
    Set<Shown> shown,
    Optional<Throwable> cause) {

  /** What a message or a hint already spells out, so that a renderer does not add it again. */
  public enum Shown {
    /** The message lists every one of the {@linkplain Problem#choices() choices}. */
    CHOICES_IN_MESSAGE,
    /** The hint quotes the {@linkplain Problem#suggestion() suggestion}. */
    SUGGESTION_IN_HINT
  }

  public Problem {
    requireNonNull(severity, "severity");
    requireNonNull(code, "code");
    requireNonNull(message, "message");
    requireNonNull(position, "position");
    requireNonNull(path, "path");
    requireNonNull(hint, "hint");
    requireNonNull(suggestion, "suggestion");
    requireNonNull(disclosure, "disclosure");
    requireNonNull(cause, "cause");
    choices = List.copyOf(choices);
    shown = shown.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(shown));
    file = position.isPresent() ? Optional.of(position.get().file()) : requireNonNull(file, "file");
    if (!ProblemCode.ID.matcher(code).matches()) {
      throw new IllegalArgumentException("bad problem code " + code);
    }
  }

  /**
   * Starts an error.
   *
   * @param code the code, of floe-core ({@link Code}) or of another module; not null
   * @param message one sentence, never containing a secret value; not null
   */
  public static Builder error(ProblemCode code, String message) {
    return new Builder(Severity.ERROR, code.id(), message);
  }

  /**
   * Starts a warning.
   *
   * @param code the code, of floe-core ({@link Code}) or of another module; not null
   * @param message one sentence, never containing a secret value; not null
   */
  public static Builder warning(ProblemCode code, String message) {
    return new Builder(Severity.WARNING, code.id(), message);
  }

  /** True for {@link Severity#ERROR}. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** Equal when every component but the {@linkplain #cause() cause} is. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Problem p
        && severity == p.severity
        && code.equals(p.code)
        && message.equals(p.message)
        && position.equals(p.position)
        && file.equals(p.file)
        && path.equals(p.path)
        && hint.equals(p.hint)
        && choices.equals(p.choices)
        && suggestion.equals(p.suggestion)
        && disclosure == p.disclosure
        && shown.equals(p.shown);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        severity,
        code,
        message,
        position,
        file,
        path,
        hint,
        choices,
        suggestion,
        disclosure,
        shown);
  }

  /** The components but the {@linkplain #cause() cause}. */
  @Override
  public String toString() {
    return "Problem[severity="
        + severity
        + ", code="
        + code
        + ", message="
        + message
        + ", position="
        + position
        + ", file="
        + file
        + ", path="
        + path
        + ", hint="
        + hint
        + ", choices="
        + choices
        + ", suggestion="
        + suggestion
        + ", disclosure="
        + disclosure
        + ", shown="
        + shown
        + "]";
  }

  /** Builds a {@link Problem}; only the code and message are required. Not thread-safe. */
  public static final class Builder {
    private final Severity severity;
    private final String code;
    private final String message;
    private @Nullable SourcePosition position;
    private @Nullable String file;
    private @Nullable String path;
    private @Nullable String hint;
    private List<String> choices = List.of();
    private @Nullable String suggestion;
    private Disclosure disclosure = Disclosure.PUBLIC;
    private final Set<Shown> shown = EnumSet.noneOf(Shown.class);
    private @Nullable Throwable cause;

    private Builder(Severity severity, String code, String message) {
      this.severity = severity;
      this.code = code;
      this.message = message;
    }

    /** The source position; {@code null} leaves it absent. */
    public Builder at(@Nullable SourcePosition position) {
      this.position = position;
      return this;
    }

    /** The file, for problems without a line (missing or unreadable files). */
    public Builder file(@Nullable String file) {
      this.file = file;
      return this;
    }

    /** The field path. */
    public Builder path(@Nullable String path) {
      this.path = path == null || path.isEmpty() ? null : path;
      return this;
    }

    /** What to do about it. */
    public Builder hint(@Nullable String hint) {
      this.hint = hint;
      return this;
    }

    /** The valid values, which renderers list unless the message does. */
    public Builder choices(List<String> choices) {
      this.choices = List.copyOf(choices);
      this.shown.remove(Shown.CHOICES_IN_MESSAGE);
      return this;
    }

    /**
     * The valid values, which the message already lists ({@code is not one of: dbt, sql}):
     * renderers do not repeat them.
     */
    public Builder choicesInMessage(List<String> choices) {
      this.choices = List.copyOf(choices);
      this.shown.add(Shown.CHOICES_IN_MESSAGE);
      return this;
    }

    /** The closest valid value; {@code null} leaves it absent. Renderers add "did you mean". */
    public Builder suggestion(@Nullable String suggestion) {
      this.suggestion = suggestion;
      this.shown.remove(Shown.SUGGESTION_IN_HINT);
      return this;
    }

    /**
     * The closest valid value, which the hint already quotes ({@code rename it to 'warehouse'});
     * {@code null} leaves it absent. Renderers add no "did you mean".
     */
    public Builder suggestionInHint(@Nullable String suggestion) {
      this.suggestion = suggestion;
      if (suggestion == null) {
        this.shown.remove(Shown.SUGGESTION_IN_HINT);
      } else {
        this.shown.add(Shown.SUGGESTION_IN_HINT);
      }
      return this;
    }

    /** Marks the source token as secret: renderers will not show it. */
    public Builder secret() {
      this.disclosure = Disclosure.SECRET;
      return this;
    }

    /**
     * The exception behind the problem, shown only by {@link Verbosity#DEBUG} renderings; {@code
     * null} leaves it absent. Its message must not hold a secret value.
     */
    public Builder cause(@Nullable Throwable cause) {
      this.cause = cause;
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
          disclosure,
          shown,
          Optional.ofNullable(cause));
    }
  }
}
