package dev.floe.core.scan;

import dev.floe.core.api.Api;
import dev.floe.core.internal.credential.CredentialKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds hard-coded credentials in configuration text, by the rules of {@link CredentialRule}: token
 * shapes of well-known services anywhere on a line, URLs and connection strings with passwords, and
 * random-looking values under secret-like keys, quoted or not, at any indentation. Values on the
 * {@link Allowlist} (references, placeholders, UUIDs, obvious examples) are never reported, and a
 * line carrying {@code # floe:allow-secret} is accepted as reviewed.
 *
 * <p>The detector reports where a credential is ({@link Hit}), never what it is. Stateless and
 * thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class CredentialDetector {
  /** The comment that accepts a reviewed line. */
  public static final String ALLOW_MARKER = "floe:allow-secret";

  private static final Pattern ALLOW = Pattern.compile("#\\s*floe:allow-secret\\b");

  /** One token shape: group 1 is the credential; the check sees the match and the whole line. */
  private record TokenRule(
      CredentialRule rule, Pattern pattern, BiPredicate<String, String> valid) {}

  private static final List<TokenRule> TOKENS =
      List.of(
          token(
              CredentialRule.PRIVATE_KEY,
              "(-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----)",
              (token, line) -> true),
          token(
              CredentialRule.AWS_ACCESS_KEY_ID,
              "(?<![A-Za-z0-9/+])((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})"
                  + "(?![A-Za-z0-9/+=])",
              (token, line) -> true),
          token(
              CredentialRule.GCP_API_KEY,
              "(?<![A-Za-z0-9_-])(AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])",
              (token, line) -> true),
          token(
              CredentialRule.GCP_OAUTH_CLIENT_SECRET,
              "(?<![A-Za-z0-9_-])(GOCSPX-[A-Za-z0-9_-]{28})(?![A-Za-z0-9_-])",
              (token, line) -> true),
          token(
              CredentialRule.GCP_ACCESS_TOKEN,
              "(?<![A-Za-z0-9_.-])(ya29\\.[0-9A-Za-z_-]{30,})",
              (token, line) -> true),
          token(
              CredentialRule.AZURE_STORAGE_ACCOUNT_KEY,
              "(?i:AccountKey)[ \\t]*=[ \\t]*([A-Za-z0-9+/]{86}==)",
              (token, line) -> true),
          token(
              CredentialRule.AZURE_SHARED_ACCESS_KEY,
              "(?i:SharedAccessKey)[ \\t]*=[ \\t]*([A-Za-z0-9+/]{43}=)",
              (token, line) -> true),
          token(
              CredentialRule.AZURE_SAS_TOKEN,
              "(?<![A-Za-z0-9])sig=([A-Za-z0-9%+/]{40,}(?:%3D|%3d|=){0,2})",
              (token, line) -> line.contains("sv=")),
          token(
              CredentialRule.AZURE_CLIENT_SECRET,
              "(?<![A-Za-z0-9_~.-])([A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34})"
                  + "(?![A-Za-z0-9_~.-])",
              (token, line) -> true),
          token(
              CredentialRule.JWT,
              "(?<![A-Za-z0-9_-])(ey[A-Za-z0-9_-]{10,}\\.ey[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{16,})",
              (token, line) -> jwt(token)),
          token(
              CredentialRule.GITHUB_TOKEN,
              "(?<![A-Za-z0-9_])((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}"
                  + "|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])",
              (token, line) -> true),
          token(
              CredentialRule.GITLAB_TOKEN,
              "(?<![A-Za-z0-9_-])(gl(?:pat|dt|rt|ptt|soat|oas|cbt|ft|imt)-[A-Za-z0-9_-]{20,})",
              (token, line) -> randomLooking(token.substring(token.indexOf('-') + 1))),
          token(
              CredentialRule.SLACK_WEBHOOK_URL,
              "(https://hooks\\.slack\\.com/(?:services|workflows)/T[A-Z0-9]{8,12}/[A-Z0-9]{8,12}"
                  + "/[A-Za-z0-9]{20,})",
              (token, line) -> true),
          token(
              CredentialRule.SLACK_TOKEN,
              "(?<![A-Za-z0-9-])(xox[abposr]-(?:[0-9]+-){1,3}[A-Za-z0-9]{8,}"
                  + "|xapp-[0-9]-[A-Z0-9]+-[0-9]+-[A-Za-z0-9]{16,})",
              (token, line) -> true),
          token(
              CredentialRule.STRIPE_KEY,
              "(?<![A-Za-z0-9_])((?:sk|rk)_(?:live|test)_[0-9A-Za-z]{24,99})(?![A-Za-z0-9])",
              (token, line) -> true),
          token(
              CredentialRule.NPM_TOKEN,
              "(?<![A-Za-z0-9_])(npm_[A-Za-z0-9]{36})(?![A-Za-z0-9])",
              (token, line) -> true),
          token(
              CredentialRule.PYPI_TOKEN,
              "(?<![A-Za-z0-9_-])(pypi-AgE[A-Za-z0-9_-]{50,})",
              (token, line) -> true),
          token(
              CredentialRule.ANTHROPIC_API_KEY,
              "(?<![A-Za-z0-9_-])(sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_-]{80,120})"
                  + "(?![A-Za-z0-9_-])",
              (token, line) -> true),
          token(
              CredentialRule.OPENAI_API_KEY,
              "(?<![A-Za-z0-9_-])(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{16,200}T3BlbkFJ"
                  + "[A-Za-z0-9_-]{16,200})",
              (token, line) -> true),
          token(
              CredentialRule.HUGGING_FACE_TOKEN,
              "(?<![A-Za-z0-9_])(hf_[A-Za-z]{34})(?![A-Za-z0-9_])",
              (token, line) -> !token.equals(token.toLowerCase(java.util.Locale.ROOT))),
          token(
              CredentialRule.BASIC_AUTH_URL,
              "(?<![A-Za-z0-9+.-])[a-zA-Z][a-zA-Z0-9+.-]{1,20}://[^\\s:/?#@'\"<>{}]*:"
                  + "([^\\s/?#@'\"]{3,})@[A-Za-z0-9\\[${]",
              (password, line) -> urlPassword(password, line)),
          token(
              CredentialRule.CONNECTION_STRING_PASSWORD,
              "(?i)(?<=[;?&])[ \\t]*(?:password|pwd|passwd)[ \\t]*=[ \\t]*([^;&\\s\"']{3,})",
              (token, line) -> !plainWord(token)),
          token(
              CredentialRule.CONNECTION_STRING_PASSWORD,
              "(?i)(?<![A-Za-z0-9_.-])(?:password|pwd|passwd)[ \\t]*=[ \\t]*([^;&\\s\"']{3,})(?=;)",
              (token, line) -> !plainWord(token)));

  /**
   * {@code key: value}, {@code key=value}, {@code "key": "value"}, with the key optionally quoted
   * and the value double-quoted, single-quoted or bare (up to whitespace or a separator). The
   * quantifiers are possessive so that a megabyte-long JSON string is matched iteratively, not by
   * recursion.
   */
  private static final Pattern ASSIGNMENT =
      Pattern.compile(
          "(?<![A-Za-z0-9_.-])([\"']?)([A-Za-z_][A-Za-z0-9_.-]*)\\1[ \\t]*(?::=|=>|:|=)[ \\t]*"
              + "(?:\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"|'([^']*+)'|([^\\s\"',;&{}\\[\\]]++))");

  /** A Kubernetes-style {@code - name: DB_PASSWORD} line, whose {@code value:} follows. */
  private static final Pattern NAME_LINE =
      Pattern.compile("^\\s*(?:-\\s+)?name:\\s*[\"']?([A-Za-z_][A-Za-z0-9_.-]*)[\"']?\\s*$");

  private static final Pattern AUTH_SCHEME =
      Pattern.compile("^(?i:Bearer|Basic|Token|Digest|ApiKey)\\s+(\\S+)$");
  private static final Pattern HEX = Pattern.compile("^[0-9a-fA-F]+$");
  private static final Pattern BASE64_40 = Pattern.compile("^[A-Za-z0-9/+]{40}$");
  private static final Pattern BASE64_88 = Pattern.compile("^[A-Za-z0-9+/]{86}==$");
  private static final Pattern EXAMPLE_HOST =
      Pattern.compile("(?:^|\\.)(?:example\\.(?:com|org|net)|example|test|invalid)$");

  private CredentialDetector() {}

  /** What {@link #scan} found: the hits to report and those on lines marked as reviewed. */
  public record Detection(List<Hit> hits, List<Hit> allowed) {
    public Detection {
      hits = List.copyOf(hits);
      allowed = List.copyOf(allowed);
    }
  }

  /**
   * Scans a whole text, line by line. Hits on a line with {@code # floe:allow-secret} go to {@link
   * Detection#allowed()}.
   *
   * @param text the file's text
   * @param syntax how keys and values look in it
   */
  public static Detection scan(String text, Syntax syntax) {
    String[] lines = text.split("\r\n|\n|\r", -1);
    List<Hit> hits = new ArrayList<>();
    List<Hit> allowed = new ArrayList<>();
    String pendingName = null;
    int pendingUntil = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String next = i + 1 < lines.length ? lines[i + 1] : "";
      String contextKey = i < pendingUntil ? pendingName : null;
      List<Hit> found = line(line, i + 1, next, contextKey);
      if (syntax == Syntax.YAML) {
        Matcher name = NAME_LINE.matcher(line);
        if (name.matches() && CredentialKeys.isCredential(name.group(1))) {
          pendingName = name.group(1);
          pendingUntil = i + 3;
        }
      }
      if (allowed(line)) {
        allowed.addAll(found);
      } else {
        hits.addAll(found);
      }
    }
    return new Detection(hits, allowed);
  }

  /**
   * Scans one value found under {@code key} in a parsed document (YAML or JSON). Hits are relative
   * to the value: line 1 is its first line. Every rule applies; the key, when it names a secret,
   * also makes a random-looking value a hit.
   *
   * @param key the key the value is under, or {@code null} (a list item at the top)
   * @param value the value as parsed, without quotes
   */
  public static List<Hit> scanValue(@Nullable String key, String value) {
    String[] lines = value.split("\r\n|\n|\r", -1);
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String next = i + 1 < lines.length ? lines[i + 1] : "";
      hits.addAll(tokens(lines[i], i + 1, next));
    }
    if (hits.isEmpty() && lines.length == 1 && key != null && CredentialKeys.isCredential(key)) {
      classify(key, value).ifPresent(rule -> hits.add(new Hit(rule, 1, 0, value.length(), key)));
    }
    if (hits.isEmpty()) {
      for (int i = 0; i < lines.length; i++) {
        hits.addAll(assignments(lines[i], i + 1, null, List.of()));
      }
    }
    return List.copyOf(hits);
  }

  /** True when the line carries the {@code # floe:allow-secret} comment. */
  public static boolean allowed(String line) {
    return line.contains(ALLOW_MARKER) && ALLOW.matcher(line).find();
  }

  /** True when {@code key} names a secret value ({@code password}, {@code apiKey}, …). */
  public static boolean secretKey(String key) {
    return CredentialKeys.isCredential(key);
  }

  private static List<Hit> line(String line, int number, String next, @Nullable String contextKey) {
    List<Hit> hits = tokens(line, number, next);
    hits.addAll(assignments(line, number, contextKey, hits));
    hits.sort(Comparator.comparingInt(Hit::start));
    return hits;
  }

  /** Token shapes anywhere on the line; overlapping later matches are dropped. */
  private static List<Hit> tokens(String line, int number, String next) {
    List<Hit> hits = new ArrayList<>();
    if (line.isBlank()) {
      return hits;
    }
    for (TokenRule rule : TOKENS) {
      Matcher m = rule.pattern().matcher(line);
      while (m.find()) {
        String token = m.group(1);
        if (Allowlist.example(token) || !rule.valid().test(token, line)) {
          continue;
        }
        if (rule.rule() == CredentialRule.PRIVATE_KEY && keyPlaceholder(line, m.end(1), next)) {
          continue;
        }
        Hit hit = new Hit(rule.rule(), number, m.start(1), m.end(1), "");
        if (hits.stream().noneMatch(hit::overlaps)) {
          hits.add(hit);
        }
      }
    }
    return hits;
  }

  /** Values under secret-like keys that no token rule claimed. */
  private static List<Hit> assignments(
      String line, int number, @Nullable String contextKey, List<Hit> seen) {
    List<Hit> hits = new ArrayList<>();
    Matcher m = ASSIGNMENT.matcher(line);
    while (m.find()) {
      String key = m.group(2);
      if (contextKey != null && key.equals("value")) {
        key = contextKey;
      }
      if (!CredentialKeys.isCredential(key)) {
        continue;
      }
      int group = m.group(3) != null ? 3 : m.group(4) != null ? 4 : 5;
      String value = m.group(group);
      Hit candidate =
          new Hit(CredentialRule.SECRET_ASSIGNMENT, number, m.start(group), m.end(group), key);
      if (seen.stream().anyMatch(candidate::overlaps)) {
        continue;
      }
      String shownKey = key;
      classify(key, value)
          .ifPresent(
              rule -> hits.add(new Hit(rule, number, m.start(group), m.end(group), shownKey)));
    }
    return hits;
  }

  /** The rule a value under a secret-like key breaks, if any. */
  private static Optional<CredentialRule> classify(String key, String raw) {
    String value = raw.strip();
    Matcher scheme = AUTH_SCHEME.matcher(value);
    if (scheme.matches()) {
      value = scheme.group(1);
    }
    if (Allowlist.example(value)) {
      return Optional.empty();
    }
    if (SecretKeyNames.awsSecretAccessKey(key) && BASE64_40.matcher(value).matches()) {
      return Optional.of(CredentialRule.AWS_SECRET_ACCESS_KEY);
    }
    if (SecretKeyNames.azureAccountKey(key) && BASE64_88.matcher(value).matches()) {
      return Optional.of(CredentialRule.AZURE_STORAGE_ACCOUNT_KEY);
    }
    return randomLooking(value) ? Optional.of(CredentialRule.SECRET_ASSIGNMENT) : Optional.empty();
  }

  /**
   * True when a value looks generated rather than chosen: 8 to 1000 characters without spaces, not
   * benign, and either a hex string of at least 16 digits, or at least two character classes with a
   * Shannon entropy near the maximum for its length, or 20+ characters of one class with high
   * entropy.
   */
  static boolean randomLooking(String value) {
    int length = value.length();
    if (length < 8 || length > 1000 || value.chars().anyMatch(Character::isWhitespace)) {
      return false;
    }
    if (Allowlist.benignValue(value)) {
      return false;
    }
    if (HEX.matcher(value).matches() && length >= 16) {
      return true;
    }
    double entropy = entropy(value);
    if (classes(value) >= 2) {
      return entropy >= Math.min(3.0, log2(length) * 0.8);
    }
    return length >= 20 && entropy >= 3.5;
  }

  /** Shannon entropy in bits per character. */
  static double entropy(String value) {
    int[] counts = new int[128];
    int other = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double h = 0;
    double n = value.length();
    for (int count : counts) {
      if (count > 0) {
        double p = count / n;
        h -= p * log2(p);
      }
    }
    if (other > 0) {
      double p = other / n;
      h -= p * log2(p);
    }
    return h;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /** How many of lower-case, upper-case, digits and other symbols occur. */
  private static int classes(String value) {
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean symbol = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isLowerCase(c)) {
        lower = true;
      } else if (Character.isUpperCase(c)) {
        upper = true;
      } else if (Character.isDigit(c)) {
        digit = true;
      } else {
        symbol = true;
      }
    }
    return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
  }

  /** A signed JWT: the header and payload decode to JSON objects and the header names an alg. */
  private static boolean jwt(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return false;
    }
    Optional<String> header = base64url(parts[0]);
    Optional<String> payload = base64url(parts[1]);
    return header.isPresent()
        && payload.isPresent()
        && header.get().strip().startsWith("{")
        && header.get().contains("\"alg\"")
        && payload.get().strip().startsWith("{");
  }

  private static Optional<String> base64url(String part) {
    try {
      return Optional.of(
          new String(Base64.getUrlDecoder().decode(part), StandardCharsets.ISO_8859_1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * A password in a URL that is not a placeholder or a plain word, on a host that is not an
   * example.
   */
  private static boolean urlPassword(String password, String line) {
    if (plainWord(password)) {
      return false;
    }
    int at = line.indexOf(password + "@");
    if (at < 0) {
      return true;
    }
    int start = at + password.length() + 1;
    int end = start;
    while (end < line.length() && end - start < 253 && hostCharacter(line.charAt(end))) {
      end++;
    }
    String host = line.substring(start, end).toLowerCase(java.util.Locale.ROOT);
    return !EXAMPLE_HOST.matcher(host).find();
  }

  private static boolean hostCharacter(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-');
  }

  /** A reference, placeholder, example or common word rather than a chosen password. */
  private static boolean plainWord(String value) {
    return Allowlist.reference(value) || Allowlist.example(value) || Allowlist.word(value);
  }

  /** {@code -----BEGIN PRIVATE KEY-----} followed by "...", "<key>" or "xxx": documentation. */
  private static boolean keyPlaceholder(String line, int end, String next) {
    String rest = line.substring(end).replace("\\n", " ").strip();
    if (rest.startsWith("\"") || rest.startsWith("'")) {
      rest = rest.substring(1).strip();
    }
    if (rest.isEmpty()) {
      rest = next.strip();
    }
    return rest.startsWith("...")
        || rest.startsWith("\u2026")
        || rest.startsWith("<")
        || rest.toLowerCase(java.util.Locale.ROOT).startsWith("xxx")
        || rest.startsWith("-----END");
  }

  private static TokenRule token(
      CredentialRule rule, String regex, BiPredicate<String, String> valid) {
    return new TokenRule(rule, Pattern.compile(regex), valid);
  }
}
