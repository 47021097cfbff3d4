package dev.floe.core.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labelled corpus under {@code src/test/resources/scan/corpus/}: {@code positives.txt} (real-
 * looking credentials, each with the rule that must find it) and {@code negatives.txt} (benign
 * look-alikes that must not be reported).
 *
 * <p>One case per line, tab-separated: the expected rule id ({@code none} for negatives), the
 * syntax and the text. Lines starting with {@code #} are comments. In the text, {@code {{nl}}} is a
 * line break and {@code {{CLASS:N}}} is N random characters of a class, drawn from a seeded
 * generator when the corpus is loaded: no credential-shaped string is ever committed (push
 * protection stays quiet), and every run sees the same values. Classes: {@code alnum}, {@code
 * letters}, {@code upper}, {@code lower}, {@code digits}, {@code hex}, {@code base32}, {@code b64},
 * {@code b64url}, {@code azsecret} ({@code [A-Za-z0-9_~.-]}), {@code bcrypt} ({@code
 * [./A-Za-z0-9]}), {@code bech32}, {@code password} (mixed classes with symbols), {@code secret64}
 * (a password in base 64, as in a Kubernetes Secret's data); and without a length {@code {{uuid}}},
 * {@code {{jwt}}} (a signed HS256/RS256 token with random claims and signature), {@code
 * {{discordid}}} (a bot id in base 64) and {@code {{basic}}} (base 64 of {@code user:password}).
 *
 * <p>The syntax column is a {@link Syntax} name in lower case ({@code yaml}, {@code json}, {@code
 * shell}, {@code dockerfile}, {@code hcl}, {@code ini}, {@code python}, {@code c_style}, {@code
 * xml}, {@code text}) or {@code env} for {@link Syntax#DOTENV}.
 */
final class Corpus {
  /** The seed of every expansion; case {@code i} uses {@code SEED + i}. */
  static final long SEED = 20_260_101L;

  private static final Pattern GENERATOR =
      Pattern.compile("\\{\\{(nl|uuid|jwt|discordid|basic|[a-z0-9]+:[0-9]+)}}");

  /** One labelled case. */
  record Case(String file, int line, String expected, Syntax syntax, String text) {
    boolean positive() {
      return !expected.equals("none");
    }

    /** Where the case is, for messages; never the generated value. */
    String where() {
      return "scan/corpus/" + file + ":" + line + " (expected " + expected + ")";
    }
  }

  private Corpus() {}

  static List<Case> positives() {
    return load("positives.txt");
  }

  static List<Case> negatives() {
    return load("negatives.txt");
  }

  private static List<Case> load(String name) {
    List<Case> cases = new ArrayList<>();
    String[] lines = resource(name).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t", 3);
      if (parts.length != 3) {
        throw new IllegalStateException(
            name + ":" + (i + 1) + ": expected rule<TAB>syntax<TAB>text");
      }
      String expected = parts[0];
      if (!expected.equals("none") && CredentialRule.byId(expected).isEmpty()) {
        throw new IllegalStateException(name + ":" + (i + 1) + ": unknown rule " + expected);
      }
      Syntax syntax =
          switch (parts[1]) {
            case "env" -> Syntax.DOTENV;
            default -> Syntax.valueOf(parts[1].toUpperCase(Locale.ROOT));
          };
      cases.add(new Case(name, i + 1, expected, syntax, expand(parts[2], new Random(SEED + i))));
    }
    return cases;
  }

  private static String resource(String name) {
    try (InputStream in = Corpus.class.getResourceAsStream("/scan/corpus/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing corpus file " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces every generator in {@code text}. */
  static String expand(String text, Random random) {
    Matcher m = GENERATOR.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(generate(m.group(1), random)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String generate(String spec, Random random) {
    switch (spec) {
      case "nl" -> {
        return "\n";
      }
      case "uuid" -> {
        return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
      }
      case "jwt" -> {
        return jwt(random);
      }
      case "discordid" -> {
        // A Discord bot token starts with its bot's numeric id in base 64.
        String id = "1" + draw(DIGITS, 17, random);
        return Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(id.getBytes(StandardCharsets.US_ASCII));
      }
      case "basic" -> {
        String pair = "svc-" + draw(LOWER, 6, random) + ":" + password(18, random);
        return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.US_ASCII));
      }
      default -> {
        // a generated token: KIND:LENGTH
      }
    }
    String[] parts = spec.split(":", -1);
    int n = Integer.parseInt(parts[1]);
    if (parts[0].equals("password")) {
      return password(n, random);
    }
    if (parts[0].equals("secret64")) {
      String plain = password(n, random);
      return Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }
    String alphabet =
        switch (parts[0]) {
          case "alnum" -> UPPER + LOWER + DIGITS;
          case "letters" -> UPPER + LOWER;
          case "upper" -> UPPER;
          case "lower" -> LOWER;
          case "digits" -> DIGITS;
          case "hex" -> "0123456789abcdef";
          case "base32" -> UPPER + "234567";
          case "b64" -> UPPER + LOWER + DIGITS + "+/";
          case "b64url" -> UPPER + LOWER + DIGITS + "-_";
          case "azsecret" -> UPPER + LOWER + DIGITS + "_~.-";
          case "bcrypt" -> "./" + UPPER + LOWER + DIGITS;
          case "bech32" -> "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";
          default -> throw new IllegalArgumentException("unknown generator " + spec);
        };
    return draw(alphabet, n, random);
  }

  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  private static final String DIGITS = "0123456789";
  private static final String SYMBOLS = "!%^*_+=-.~";

  private static String draw(String alphabet, int n, Random random) {
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  /** A chosen-looking password: every class at least once, then any, shuffled. */
  private static String password(int n, Random random) {
    List<Character> chars = new ArrayList<>();
    for (String cls : List.of(UPPER, LOWER, DIGITS, SYMBOLS)) {
      chars.add(cls.charAt(random.nextInt(cls.length())));
    }
    String all = UPPER + LOWER + DIGITS + SYMBOLS;
    while (chars.size() < n) {
      chars.add(all.charAt(random.nextInt(all.length())));
    }
    java.util.Collections.shuffle(chars, random);
    StringBuilder out = new StringBuilder();
    chars.forEach(out::append);
    return out.toString();
  }

  private static String jwt(Random random) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String alg = random.nextBoolean() ? "HS256" : "RS256";
    String header = "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}";
    String payload =
        "{\"sub\":\""
            + draw(LOWER + DIGITS, 12, random)
            + "\",\"iss\":\"https://auth.acme.io\",\"iat\":"
            + (1_700_000_000 + random.nextInt(50_000_000))
            + ",\"scope\":\"pipelines:run\"}";
    byte[] signature = new byte[alg.equals("HS256") ? 32 : 256];
    random.nextBytes(signature);
    return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(signature);
  }
}
