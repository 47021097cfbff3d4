package dev.floe.core.scan;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Values that are never credentials although they may sit where one would: references to a value
 * kept elsewhere ({@code ${VAR}}, {@code {{ .Values.x }}}, {@code secret_ref} names), placeholders
 * ({@code <your-token>}), UUIDs, paths and URLs, and obvious documentation examples ({@code
 * AKIAIOSFODNN7EXAMPLE}, {@code changeme}). Stateless.
 */
final class Allowlist {
  private static final Pattern REFERENCE =
      Pattern.compile(
          "\\$\\{[^}]*}|\\$\\([^)]*\\)|\\{\\{.*?}}|#\\{[^}]*}|%\\([A-Za-z_][\\w.]*\\)[sd]"
              + "|%[A-Za-z_][A-Za-z0-9_]*%|@[A-Za-z_][\\w.-]*@|^\\$[A-Za-z_][A-Za-z0-9_]*$");
  private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>]*>|\\[[A-Z_ -]+]");
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern URL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://\\S*$");
  private static final Pattern PATH =
      Pattern.compile("^(?:/|\\./|\\.\\./|~/|[A-Za-z]:\\\\|file:)\\S*$");
  private static final Pattern RELATIVE_PATH =
      Pattern.compile("^[a-z0-9_.-]+(?:/[a-z0-9_.-]+)+/?$");
  private static final Pattern IDENTIFIER =
      Pattern.compile("^[a-z]+(?:[._-](?:[a-z]+|[0-9]+|v[0-9]+))*$");
  private static final Pattern QUALIFIED_NAME =
      Pattern.compile("^[a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)+\\.[A-Z][A-Za-z0-9_$]*$");
  private static final Pattern DIGEST =
      Pattern.compile("^(?:sha1|sha256|sha384|sha512|md5)[:-][0-9a-fA-F]{32,}$");
  private static final Pattern NUMBER = Pattern.compile("^[0-9][0-9_.,:]*$");
  private static final Pattern VERSION = Pattern.compile("^v?[0-9]+(?:\\.[0-9]+){1,3}[\\w.+-]*$");
  private static final Pattern REPEATED = Pattern.compile("^(.)\\1+$");
  private static final Pattern REFERENCE_PREFIX =
      Pattern.compile(
          "^(?:arn:aws[a-z-]*:|vault:|ref\\+|ENC\\(|projects/[^/]+/secrets/|secretref:|op://"
              + "|awssm:|awsssm:|gcpsm:|azkv:|env:)",
          Pattern.CASE_INSENSITIVE);

  /** Words that, anywhere in a value, mark it as an example or placeholder. */
  private static final String[] EXAMPLE_WORDS = {
    "example",
    "sample",
    "placeholder",
    "changeme",
    "change_me",
    "change-me",
    "dummy",
    "redacted",
    "your_",
    "your-",
    "yourpassword",
    "yoursecret",
    "yourtoken",
    "replace_me",
    "replaceme",
    "replace-me",
    "notasecret",
    "not-a-secret",
    "not_a_secret",
    "xxxxxx",
    "******",
    "......",
    "\u2026"
  };

  /** Whole values that are words, not credentials. */
  private static final Set<String> WORDS =
      Set.of(
          "password",
          "passw0rd",
          "secret",
          "token",
          "none",
          "null",
          "nil",
          "true",
          "false",
          "yes",
          "no",
          "on",
          "off",
          "undefined",
          "empty",
          "default",
          "required",
          "optional",
          "test",
          "testing",
          "admin",
          "root",
          "guest",
          "user",
          "username",
          "postgres",
          "mysql",
          "minioadmin",
          "hunter2",
          "letmein",
          "todo",
          "fixme",
          "tbd",
          "string");

  /** The jwt.io sample signature and other well-known documentation values. */
  private static final Set<String> KNOWN_EXAMPLES =
      Set.of(
          "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
          "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
          "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY");

  private Allowlist() {}

  /**
   * True when a matched token is an obvious example: it contains an example word ({@code
   * AKIAIOSFODNN7EXAMPLE}), is one character repeated, or is a well-known documentation value.
   */
  static boolean example(String token) {
    String lower = token.toLowerCase(Locale.ROOT);
    for (String word : EXAMPLE_WORDS) {
      if (lower.contains(word)) {
        return true;
      }
    }
    for (String known : KNOWN_EXAMPLES) {
      if (token.contains(known)) {
        return true;
      }
    }
    return REPEATED.matcher(token).matches();
  }

  /** True when a value holds a reference to a value kept elsewhere, or a placeholder. */
  static boolean reference(String value) {
    return REFERENCE.matcher(value).find()
        || PLACEHOLDER.matcher(value).find()
        || REFERENCE_PREFIX.matcher(value).find();
  }

  /**
   * True when a value under a secret-like key is not a credential: a reference, a placeholder, an
   * example, a plain word or identifier, a UUID, a path or URL, a number, a version or a digest.
   */
  static boolean benignValue(String value) {
    String v = value.strip();
    String lower = v.toLowerCase(Locale.ROOT);
    return v.isEmpty()
        || reference(v)
        || example(v)
        || WORDS.contains(lower)
        || UUID.matcher(v).matches()
        || URL.matcher(v).matches()
        || PATH.matcher(v).matches()
        || RELATIVE_PATH.matcher(v).matches()
        || IDENTIFIER.matcher(v).matches()
        || QUALIFIED_NAME.matcher(v).matches()
        || DIGEST.matcher(v).matches()
        || NUMBER.matcher(v).matches()
        || VERSION.matcher(v).matches();
  }

  /** True when the value is a common word or default ({@code password}, {@code guest}, …). */
  static boolean word(String value) {
    return WORDS.contains(value.strip().toLowerCase(Locale.ROOT));
  }

  /** True when the text is exactly a UUID. */
  static boolean uuid(String value) {
    return UUID.matcher(value).matches();
  }
}
