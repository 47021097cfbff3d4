package dev.floe.core.internal.schema;

import dev.floe.core.internal.schema.SchemaType.StringType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Ready-made string types shared by the configuration formats. */
public final class Strings {
  /** Strict semantic versioning 2.0. */
  public static final Pattern SEMVER =
      Pattern.compile(
          "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
              + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)"
              + "(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
              + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

  /**
   * What {@link #nonEmpty} matches, compiled once: the schemas have thirty non-empty fields, built
   * at the start of every command.
   */
  private static final Pattern NON_EMPTY = Pattern.compile("^(?s).*\\S.*$");

  private Strings() {}

  /** Any text. */
  public static StringType text(String description) {
    return new StringType(
        description, Optional.empty(), "text", Optional.empty(), Optional.empty());
  }

  /** Non-empty text. */
  public static StringType nonEmpty(String description) {
    return new StringType(
        description,
        Optional.of(NON_EMPTY),
        "a non-empty value",
        Optional.empty(),
        Optional.empty());
  }

  /** Text matching {@code regex}; {@code expected} says the form in words. */
  public static StringType pattern(String description, String regex, String expected) {
    return new StringType(
        description,
        Optional.of(Pattern.compile(regex)),
        expected,
        Optional.empty(),
        Optional.empty());
  }

  /** A strict semantic version. */
  public static StringType semver(String description) {
    return new StringType(
        description,
        Optional.of(SEMVER),
        "a semantic version such as \"1.2.3\" or \"1.2.3-rc.1\"",
        Optional.empty(),
        Optional.empty());
  }

  /** A profile name. */
  public static StringType profileName(String description) {
    return new StringType(
        description,
        Optional.of(SchemaValidator.PROFILE_NAME),
        "a profile name: a letter, then letters, digits, '_' or '-'",
        Optional.empty(),
        Optional.empty());
  }

  /**
   * An absolute URL with one of {@code schemes} and a host; the empty string is accepted when
   * {@code emptyMeaning} is given (e.g. "the cloud's own endpoint").
   */
  public static StringType url(String description, Set<String> schemes, String emptyMeaning) {
    // Plain loops, not streams: every schema is built at the start of every command.
    StringBuilder expected = new StringBuilder("an absolute URL (");
    for (String scheme : new java.util.TreeSet<>(schemes)) {
      if (expected.charAt(expected.length() - 1) != '(') {
        expected.append(", ");
      }
      expected.append(scheme).append("://…");
    }
    expected.append(')');
    if (emptyMeaning != null) {
      expected.append(", or \"\" for ").append(emptyMeaning);
    }
    return new StringType(
        description,
        Optional.empty(),
        expected.toString(),
        Optional.of("uri"),
        Optional.of(value -> checkUrl(value, schemes, emptyMeaning != null)));
  }

  private static Optional<String> checkUrl(String value, Set<String> schemes, boolean emptyOk) {
    if (value.isEmpty()) {
      return emptyOk ? Optional.empty() : Optional.of("it is empty");
    }
    try {
      URI uri = new URI(value);
      if (uri.getScheme() == null
          || !schemes.contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))) {
        return Optional.of(
            "the scheme must be one of " + String.join(", ", schemes.stream().sorted().toList()));
      }
      if (uri.getHost() == null || uri.getHost().isEmpty()) {
        return Optional.of("it has no host name");
      }
      return Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.of("it is not a valid URL (" + e.getReason() + ")");
    }
  }
}
