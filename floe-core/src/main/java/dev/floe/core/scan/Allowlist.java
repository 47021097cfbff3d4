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
              + "|(?<![A-Za-z0-9])%[A-Z_][A-Z0-9_]*%|%\\{[^}]*}|%env\\([^)]*\\)%|@[A-Za-z_][\\w.-]*@"
              + "|^\\$[A-Za-z_][A-Za-z0-9_]*$|^\\$\\{?env:|^!(?:Ref|Sub|GetAtt|ImportValue|secret|env_var)\\b");
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

  /** An environment variable's name ({@code DB_PASSWORD}): where the value is, not the value. */
  private static final Pattern ENV_NAME = Pattern.compile("^[A-Z][A-Z0-9]*(?:_[A-Z][A-Z0-9]*)+$");

  /** Words in camelCase or PascalCase ({@code MyAppSecretName}): a name, not a secret. */
  private static final Pattern CAMEL_WORDS =
      Pattern.compile("^(?:[A-Z][a-z]+|[a-z]+)(?:[A-Z][a-z]{2,})+$");

  /** A password hash (bcrypt, argon2, crypt(3) SHA): a verifier, not a credential. */
  private static final Pattern PASSWORD_HASH =
      Pattern.compile("^\\$(?:2[abxy]?|argon2(?:id|i|d)|[156]|pbkdf2[\\w-]*|scrypt)\\$\\S+$");

  private static final Pattern REFERENCE_PREFIX =
      Pattern.compile(
          "^(?:arn:aws[a-z-]*:|vault:|ref\\+|ENC\\(|ENC\\[|projects/[^/]+/secrets/|secretref:|op://"
              + "|awssm:|awsssm:|gcpsm:|azkv:|env:|\\$ANSIBLE_VAULT;|sm://|secret://|keyvault:"
              + "|kms:|sops:)",
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
    "insert_",
    "insert-",
    "_here",
    "-here",
    "fake",
    "mock",
    "foobar",
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
        || VERSION.matcher(v).matches()
        || ENV_NAME.matcher(v).matches()
        || CAMEL_WORDS.matcher(v).matches()
        || PASSWORD_HASH.matcher(v).matches();
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
