package dev.floe.core.scan;

import dev.floe.core.api.Api;
import dev.floe.core.internal.credential.CredentialKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  /**
   * A token shape: group 1 is the credential, and its {@link Check} sees the match and the whole
   * line. Its pattern is compiled on first use: most lines hold none of a rule's hint, and the
   * command line's start-up pays for every pattern compiled before the first file is read.
   */
  private static final class TokenRule {
    final CredentialRule rule;

    /** Strings of which the line holds one whenever the pattern can match it; empty: no hint. */
    private final String[] hints;

    /** The hints are lower case and are looked for in the lower-cased line. */
    private final boolean ignoreCase;

    /** The shortest line the pattern can match. */
    private final int minLength;

    private final Regex regex;
    final Check check;

    TokenRule(CredentialRule rule, String hints, int minLength, String regex, Check check) {
      this.rule = rule;
      this.ignoreCase = hints.startsWith("(?i)");
      String list = ignoreCase ? hints.substring(4) : hints;
      this.hints = list.isEmpty() ? new String[0] : list.split("\\|", -1);
      this.minLength = minLength;
      this.regex = new Regex(regex);
      this.check = check;
    }

    /**
     * False when the line lacks every hint of the rule, or is too short, so that the pattern cannot
     * match it: most values of a configuration then never compile a pattern.
     */
    boolean mayMatch(String line, LowerCase lower) {
      if (line.length() < minLength) {
        return false;
      }
      if (hints.length == 0) {
        return true;
      }
      String text = ignoreCase ? lower.of(line) : line;
      for (String hint : hints) {
        if (text.contains(hint)) {
          return true;
        }
      }
      return false;
    }

    Pattern pattern() {
      return regex.pattern();
    }
  }

  /** A line in lower case, computed once for every rule that needs it. */
  private static final class LowerCase {
    private @Nullable String lower;

    String of(String line) {
      String computed = lower;
      if (computed == null) {
        computed = line.toLowerCase(Locale.ROOT);
        lower = computed;
      }
      return computed;
    }
  }

  /**
   * A pattern compiled on first use. Most patterns of the detector serve {@code floe scan} or lines
   * that a configuration value rarely holds, and {@code floe validate} runs every value through the
   * detector: compiling them all up front was a tenth of its start-up. Thread-safe.
   */
  private static final class Regex {
    private final String regex;
    private volatile @Nullable Pattern pattern;

    Regex(String regex) {
      this.regex = regex;
    }

    Pattern pattern() {
      Pattern compiled = pattern;
      if (compiled == null) {
        compiled = Pattern.compile(regex);
        pattern = compiled;
      }
      return compiled;
    }

    Matcher matcher(CharSequence input) {
      return pattern().matcher(input);
    }
  }

  /**
   * What a token rule checks beyond its shape. An enum and a switch rather than a lambda per rule:
   * each lambda costs an invokedynamic link on a cold JVM, and the table is built by the first
   * command that checks a value.
   */
  private enum Check {
    /** The shape says it all. */
    ANY,
    /** Random-looking. */
    RANDOM,
    /** Random-looking after the 4-character prefix. */
    RANDOM_AFTER_4,
    /** Random-looking after the 5-character prefix. */
    RANDOM_AFTER_5,
    /** Random-looking after the 9-character prefix. */
    RANDOM_AFTER_9,
    /** Random-looking after the first {@code -}. */
    RANDOM_AFTER_DASH,
    /** Random-looking after the first {@code :}. */
    RANDOM_AFTER_COLON,
    /** Random-looking after the first {@code _}. */
    RANDOM_AFTER_UNDERSCORE,
    /** Random-looking after the prefix ending at the first {@code _} or {@code -}. */
    RANDOM_AFTER_PREFIX,
    /** Letters and digits both. */
    MIXED,
    /** Letters and digits both after the 2-character prefix. */
    MIXED_AFTER_2,
    /** Letters and digits both after the 4-character prefix. */
    MIXED_AFTER_4,
    /** An Azure SAS token: the line has a {@code sv=} too. */
    SAS,
    /** A signed JWT. */
    JWT,
    /** A Discord bot token. */
    DISCORD,
    /** An OpenAI key. */
    OPENAI,
    /** Not all lower case. */
    NOT_LOWER_CASE,
    /** A password in a URL. */
    URL_PASSWORD,
    /** A bearer token: not benign, and random-looking. */
    BEARER,
    /** A Basic credential on an Authorization line. */
    BASIC,
    /** A random-looking token on an Authorization line. */
    AUTHORIZATION_TOKEN,
    /** The password of a curl user option ({@code -u}): not a plain word or a variable. */
    USER_PASSWORD,
    /** Not a reference, placeholder, example or common word. */
    NOT_PLAIN_WORD
  }

  /** True when {@code token}, matched on {@code line}, passes {@code check}. */
  private static boolean valid(Check check, String token, String line) {
    return switch (check) {
      case ANY -> true;
      case RANDOM -> randomLooking(token);
      case RANDOM_AFTER_4 -> randomLooking(token.substring(4));
      case RANDOM_AFTER_5 -> randomLooking(token.substring(5));
      case RANDOM_AFTER_9 -> randomLooking(token.substring(9));
      case RANDOM_AFTER_DASH -> randomLooking(token.substring(token.indexOf('-') + 1));
      case RANDOM_AFTER_COLON -> randomLooking(token.substring(token.indexOf(':') + 1));
      case RANDOM_AFTER_UNDERSCORE -> randomLooking(token.substring(token.indexOf('_') + 1));
      case RANDOM_AFTER_PREFIX -> randomLooking(token.substring(prefixEnd(token)));
      case MIXED -> mixed(token);
      case MIXED_AFTER_2 -> mixed(token.substring(2));
      case MIXED_AFTER_4 -> mixed(token.substring(4));
      case SAS -> line.contains("sv=");
      case JWT -> jwt(token);
      case DISCORD -> discord(token, line);
      case OPENAI -> token.contains("T3BlbkFJ") || randomLooking(openAiSecret(token));
      case NOT_LOWER_CASE -> !token.equals(token.toLowerCase(Locale.ROOT));
      case URL_PASSWORD -> urlPassword(token, line);
      case BEARER -> !Allowlist.benignValue(token) && randomLooking(token);
      case BASIC -> authorizationLine(line) && basicCredential(token);
      case AUTHORIZATION_TOKEN -> authorizationLine(line) && randomLooking(token);
      case USER_PASSWORD -> !plainWord(token) && !token.startsWith("$");
      case NOT_PLAIN_WORD -> !plainWord(token);
    };
  }

  private static final List<TokenRule> TOKENS =
      List.of(
          token(
              CredentialRule.PRIVATE_KEY,
              "PRIVATE KEY",
              "(-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----)",
              Check.ANY),
          token(
              CredentialRule.AWS_ACCESS_KEY_ID,
              "AKIA|ASIA|ABIA|ACCA|A3T",
              "(?<![A-Za-z0-9/+])((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16})"
                  + "(?![A-Za-z0-9/+=])",
              Check.ANY),
          token(
              CredentialRule.ALIBABA_ACCESS_KEY_ID,
              "LTAI",
              "(?<![A-Za-z0-9])(LTAI[A-Za-z0-9]{20})(?![A-Za-z0-9])",
              Check.RANDOM_AFTER_4),
          token(
              CredentialRule.GCP_API_KEY,
              "AIza",
              "(?<![A-Za-z0-9_-])(AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])",
              Check.ANY),
          token(
              CredentialRule.GCP_OAUTH_CLIENT_SECRET,
              "GOCSPX-",
              "(?<![A-Za-z0-9_-])(GOCSPX-[A-Za-z0-9_-]{28})(?![A-Za-z0-9_-])",
              Check.ANY),
          token(
              CredentialRule.GCP_ACCESS_TOKEN,
              "ya29.",
              "(?<![A-Za-z0-9_.-])(ya29\\.[0-9A-Za-z_-]{30,})",
              Check.ANY),
          token(
              CredentialRule.AZURE_STORAGE_ACCOUNT_KEY,
              "(?i)accountkey",
              "(?i:AccountKey)[ \\t]*=[ \\t]*([A-Za-z0-9+/]{40,100}+={0,2})",
              Check.RANDOM),
          token(
              CredentialRule.AZURE_SHARED_ACCESS_KEY,
              "(?i)sharedaccesskey",
              "(?i:SharedAccessKey)[ \\t]*=[ \\t]*([A-Za-z0-9+/]{40,100}+={0,2})",
              Check.RANDOM),
          token(
              CredentialRule.AZURE_SAS_TOKEN,
              "sig=",
              "(?<![A-Za-z0-9])sig=([A-Za-z0-9%+/]{40,}(?:%3D|%3d|=){0,2})",
              Check.SAS),
          token(
              CredentialRule.AZURE_CLIENT_SECRET,
              "Q~",
              "(?<![A-Za-z0-9_~.-])([A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34})"
                  + "(?![A-Za-z0-9_~.-])",
              Check.ANY),
          token(
              CredentialRule.JWT,
              ".ey",
              "(?<![A-Za-z0-9_-])(ey[A-Za-z0-9_-]{10,}+\\.ey[A-Za-z0-9_-]{10,}+\\.[A-Za-z0-9_-]{16,}+)",
              Check.JWT),
          token(
              CredentialRule.GITHUB_TOKEN,
              "ghp_|gho_|ghu_|ghs_|ghr_|github_pat_",
              "(?<![A-Za-z0-9_])((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}"
                  + "|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])",
              Check.ANY),
          token(
              CredentialRule.GITLAB_TOKEN,
              "glpat-|gldt-|glrt-|glptt-|glsoat-|gloas-|glcbt-|glft-|glimt-",
              "(?<![A-Za-z0-9_-])(gl(?:pat|dt|rt|ptt|soat|oas|cbt|ft|imt)-[A-Za-z0-9_-]{20,})",
              Check.RANDOM_AFTER_DASH),
          token(
              CredentialRule.SLACK_WEBHOOK_URL,
              "hooks.slack.com",
              "(https://hooks\\.slack\\.com/(?:services|workflows|triggers)/T[A-Z0-9]{8,12}/"
                  + "[A-Z0-9]{8,12}/[A-Za-z0-9]{20,})",
              Check.ANY),
          token(
              CredentialRule.SLACK_TOKEN,
              "xox|xapp-",
              "(?<![A-Za-z0-9-])((?:xoxe\\.)?xox[abposre]-(?:[0-9]+-){1,3}[A-Za-z0-9]{8,}"
                  + "|xapp-[0-9]-[A-Z0-9]+-[0-9]+-[A-Za-z0-9]{16,})",
              Check.ANY),
          token(
              CredentialRule.STRIPE_KEY,
              "sk_live_|sk_test_|rk_live_|rk_test_|whsec_",
              "(?<![A-Za-z0-9_])((?:sk|rk)_(?:live|test)_[0-9A-Za-z]{24,99}"
                  + "|whsec_[A-Za-z0-9]{32,64})(?![A-Za-z0-9])",
              Check.ANY),
          token(
              CredentialRule.SQUARE_TOKEN,
              "sq0atp-|sq0csp-|EAAA",
              "(?<![A-Za-z0-9_-])(sq0(?:atp|csp)-[0-9A-Za-z_-]{22,60}|EAAA[A-Za-z0-9_-]{60})"
                  + "(?![A-Za-z0-9_-])",
              Check.RANDOM_AFTER_4),
          token(
              CredentialRule.BRAINTREE_ACCESS_TOKEN,
              "access_token$",
              "(access_token\\$(?:production|sandbox)\\$[0-9a-z]{16}\\$[0-9a-f]{32})",
              Check.ANY),
          token(
              CredentialRule.SHOPIFY_TOKEN,
              "shp",
              "(?<![A-Za-z0-9_])(shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})(?![A-Za-z0-9])",
              Check.ANY),
          token(
              CredentialRule.SENDGRID_API_KEY,
              "SG.",
              "(?<![A-Za-z0-9_-])(SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])",
              Check.ANY),
          token(
              CredentialRule.MAILGUN_API_KEY,
              "-",
              36,
              "(?<![A-Za-z0-9_-])(key-[0-9a-f]{32}|[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})"
                  + "(?![A-Za-z0-9_-])",
              Check.MIXED),
          token(
              CredentialRule.MAILCHIMP_API_KEY,
              "-us",
              "(?<![A-Za-z0-9])([0-9a-f]{32}-us[0-9]{1,2})(?![A-Za-z0-9])",
              Check.MIXED),
          token(
              CredentialRule.TWILIO_API_KEY,
              "SK",
              "(?<![A-Za-z0-9])(SK[0-9a-fA-F]{32})(?![A-Za-z0-9])",
              Check.MIXED_AFTER_2),
          token(
              CredentialRule.TELEGRAM_BOT_TOKEN,
              ":A",
              "(?:(?<=/bot)|(?<![A-Za-z0-9_:-]))([0-9]{5,16}:A[A-Za-z0-9_-]{34})(?![A-Za-z0-9_-])",
              Check.RANDOM_AFTER_COLON),
          token(
              CredentialRule.DISCORD_WEBHOOK_URL,
              "discord",
              "(https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/[0-9]{15,20}/"
                  + "[A-Za-z0-9_-]{60,68})",
              Check.ANY),
          token(
              CredentialRule.DISCORD_TOKEN,
              ".",
              59,
              "(?<![A-Za-z0-9_.-])([MNO][A-Za-z0-9_-]{23,25}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,38})"
                  + "(?![A-Za-z0-9_.-])",
              Check.DISCORD),
          token(
              CredentialRule.TEAMS_WEBHOOK_URL,
              "webhook.office.com",
              "(https://[A-Za-z0-9.-]{0,80}webhook\\.office\\.com/webhookb2/[A-Za-z0-9@/._-]{40,400})",
              Check.ANY),
          token(
              CredentialRule.DATABRICKS_TOKEN,
              "dapi",
              "(?<![A-Za-z0-9])(dapi[a-f0-9]{32}(?:-[0-9])?)(?![A-Za-z0-9])",
              Check.MIXED_AFTER_4),
          token(
              CredentialRule.DBT_CLOUD_TOKEN,
              "dbtc_|dbtu_",
              "(?<![A-Za-z0-9_])(dbt[cu]_[A-Za-z0-9_-]{40,200})(?![A-Za-z0-9_-])",
              Check.RANDOM_AFTER_5),
          token(
              CredentialRule.GRAFANA_TOKEN,
              "glc_|glsa_",
              "(?<![A-Za-z0-9_])(glc_[A-Za-z0-9+/]{32,400}+={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})",
              Check.RANDOM_AFTER_UNDERSCORE),
          token(
              CredentialRule.VAULT_TOKEN,
              "hv",
              "(?<![A-Za-z0-9_.-])(hv[sb]\\.[A-Za-z0-9_-]{24,})",
              Check.RANDOM_AFTER_4),
          token(
              CredentialRule.TERRAFORM_CLOUD_TOKEN,
              ".atlasv1.",
              "(?<![A-Za-z0-9])([A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70})",
              Check.ANY),
          token(
              CredentialRule.DIGITALOCEAN_TOKEN,
              "_v1_",
              "(?<![A-Za-z0-9_])(do[opr]_v1_[a-f0-9]{64})(?![A-Za-z0-9])",
              Check.ANY),
          token(
              CredentialRule.DOCKER_HUB_TOKEN,
              "dckr_pat_",
              "(?<![A-Za-z0-9_])(dckr_pat_[A-Za-z0-9_-]{27,})",
              Check.RANDOM_AFTER_9),
          token(
              CredentialRule.NEW_RELIC_KEY,
              "NRAK-",
              "(?<![A-Za-z0-9])(NRAK-[A-Z0-9]{27})(?![A-Za-z0-9])",
              Check.ANY),
          token(
              CredentialRule.AGE_SECRET_KEY,
              "AGE-SECRET-KEY-1",
              "(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})",
              Check.ANY),
          token(
              CredentialRule.NPM_TOKEN,
              "npm_",
              "(?<![A-Za-z0-9_])(npm_[A-Za-z0-9]{36})(?![A-Za-z0-9])",
              Check.ANY),
          token(
              CredentialRule.PYPI_TOKEN,
              "pypi-AgE",
              "(?<![A-Za-z0-9_-])(pypi-AgE[A-Za-z0-9_-]{50,})",
              Check.ANY),
          token(
              CredentialRule.ANTHROPIC_API_KEY,
              "sk-ant-",
              "(?<![A-Za-z0-9_-])(sk-ant-(?:api|admin|oat|sid)[0-9]{2}-[A-Za-z0-9_-]{32,200})"
                  + "(?![A-Za-z0-9_-])",
              Check.ANY),
          token(
              CredentialRule.OPENAI_API_KEY,
              "sk-",
              "(?<![A-Za-z0-9_-])(sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,250}"
                  + "|sk-[A-Za-z0-9_-]{16,200}T3BlbkFJ[A-Za-z0-9_-]{16,200}"
                  + "|sk-[A-Za-z0-9]{32,64})(?![A-Za-z0-9_-])",
              Check.OPENAI),
          token(
              CredentialRule.HUGGING_FACE_TOKEN,
              "hf_|api_org_",
              "(?<![A-Za-z0-9_])((?:hf|api_org)_[A-Za-z]{34})(?![A-Za-z0-9_])",
              Check.NOT_LOWER_CASE),
          token(
              CredentialRule.AI_PLATFORM_API_KEY,
              "gsk_|r8_|pplx-|xai-|lsv2_|pcsk_",
              "(?<![A-Za-z0-9_-])(gsk_[A-Za-z0-9]{52}|r8_[A-Za-z0-9]{37}|pplx-[A-Za-z0-9]{48}"
                  + "|xai-[A-Za-z0-9]{80}|lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}"
                  + "|pcsk_[A-Za-z0-9_]{40,120})(?![A-Za-z0-9_-])",
              Check.RANDOM_AFTER_PREFIX),
          token(
              CredentialRule.BASIC_AUTH_URL,
              "@",
              "(?<![A-Za-z0-9+.-])[a-zA-Z][a-zA-Z0-9+.-]{1,20}://[^\\s:/?#@'\"<>{}]*+:"
                  + "([^\\s/?#@'\"]{3,256}+)@[A-Za-z0-9\\[${]",
              Check.URL_PASSWORD),
          token(
              CredentialRule.AUTHORIZATION_HEADER,
              "(?i)bearer",
              "(?<![A-Za-z0-9_-])(?i:bearer)[ \\t]+([A-Za-z0-9._~+/-]{16,1000}+=*)",
              Check.BEARER),
          token(
              CredentialRule.AUTHORIZATION_HEADER,
              "(?i)basic",
              "(?<![A-Za-z0-9_-])(?i:basic)[ \\t]+([A-Za-z0-9+/]{12,1000}+={0,2})(?![A-Za-z0-9+/=])",
              Check.BASIC),
          token(
              CredentialRule.AUTHORIZATION_HEADER,
              "(?i)token",
              "(?<![A-Za-z0-9_-])(?i:token)[ \\t]+([A-Za-z0-9._~+/-]{16,1000}+=*)",
              Check.AUTHORIZATION_TOKEN),
          token(
              CredentialRule.AUTHORIZATION_HEADER,
              "-u",
              "(?<![A-Za-z0-9_-])(?:-u|--user)[ \\t]+[\"']?[^\\s:\"'$]++:([^\\s\"'@]{6,200}+)[\"']?(?=\\s|$)",
              Check.USER_PASSWORD),
          token(
              CredentialRule.CONNECTION_STRING_PASSWORD,
              "(?i)password|pwd|passwd",
              "(?i)(?<=[;?&])[ \\t]*(?:password|pwd|passwd)[ \\t]*=[ \\t]*([^;&\\s\"']{3,}+)",
              Check.NOT_PLAIN_WORD),
          token(
              CredentialRule.CONNECTION_STRING_PASSWORD,
              "(?i)password|pwd|passwd",
              "(?i)(?<![A-Za-z0-9_.-])(?:password|pwd|passwd)[ \\t]*=[ \\t]*([^;&\\s\"']{3,256}+)(?=;)",
              Check.NOT_PLAIN_WORD));

  /** A double-quoted, single-quoted or bare value: groups 1, 2, 3 relative to its start. */
  private static final String VALUE =
      "(?:\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"|'([^']*+)'|([^\\s\"',;&{}\\[\\]()]++))";

  /** A quoted value only. */
  private static final String QUOTED = "(?:\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"|'([^']*+)')";

  /**
   * {@code key: value}, {@code key=value}, {@code "key": "value"}, {@code env["KEY"] = value}, with
   * the key optionally quoted and the value double-quoted, single-quoted or bare (up to whitespace
   * or a separator). The quantifiers are possessive so that a megabyte-long JSON string is matched
   * iteratively, not by recursion.
   */
  private static final Regex ASSIGNMENT =
      new Regex(
          "(?<![A-Za-z0-9_.-])([\"'`]?)([A-Za-z_][A-Za-z0-9_.-]*+)\\1]?[ \\t]*"
              + "(?::=|=>|:|\\+=|=(?![=~]))[ \\t]*"
              + VALUE);

  /** In code: {@code password: String = "…"}, {@code val apiKey: String? = "…"}. */
  private static final Regex TYPED_ASSIGNMENT =
      new Regex(
          "(?<![A-Za-z0-9_.-])([A-Za-z_][A-Za-z0-9_]*+)[ \\t]*:[ \\t]*[A-Za-z_][\\w.<>?|\\[\\]]*+"
              + "[ \\t]*=(?![=>])[ \\t]*"
              + QUOTED);

  /** A long command-line option: {@code --password=…}, {@code --db-password "…"}. */
  private static final Regex FLAG =
      new Regex(
          "(?<![A-Za-z0-9_-])--([A-Za-z][A-Za-z0-9-]*+)(?:=|[ \\t]++)(?!-)"
              + "(?:\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"|'([^']*+)'|([^\\s\"'\\\\;|&()]++))");

  /** A key and a value as arguments: {@code put("password", "…")}, {@code ("token", "…")}. */
  private static final Regex ARGUMENTS =
      new Regex("([\"'])([A-Za-z_][A-Za-z0-9_.-]*+)\\1[ \\t]*,[ \\t]*" + QUOTED);

  /** A setter or builder call: {@code setPassword("…")}, {@code .apiKey("…")}. */
  private static final Regex SETTER =
      new Regex(
          "(?<![A-Za-z0-9_\"'])([A-Za-z_][A-Za-z0-9_]*+)[ \\t]*\\([ \\t]*"
              + QUOTED
              + "[ \\t]*[,)]");

  /** An XML element with text: {@code <password>…</password>}. */
  private static final Regex ELEMENT =
      new Regex("<([A-Za-z_][\\w.:-]*+)(?:[ \\t][^<>]*+)?>([^<]{1,1000}+)</\\1>");

  /** Dockerfile {@code ENV KEY value} (the legacy form without {@code =}). */
  private static final Regex DOCKER_ENV =
      new Regex("^[ \\t]*(?i:ENV|ARG)[ \\t]+([A-Za-z_][A-Za-z0-9_]*+)[ \\t]+([^\\s=][^=]*+)$");

  /** The head of a Terraform variable block: the {@code default} inside is its value. */
  private static final Regex VARIABLE_BLOCK =
      new Regex("^[ \\t]*(?:variable|output)[ \\t]+\"([A-Za-z0-9_-]+)\"[ \\t]*\\{");

  /** A YAML block scalar's header: {@code key: |}, {@code - key: >-}, {@code key: !vault |}. */
  private static final Regex BLOCK_HEADER =
      new Regex(
          "^([ \\t]*(?:-[ \\t]+)?)([\"']?)([A-Za-z_][A-Za-z0-9_.-]*+)\\2[ \\t]*:[ \\t]*"
              + "(!\\S*+[ \\t]+)?[|>][-+0-9]{0,2}[ \\t]*(?:#.*)?$");

  /** A YAML key with no value on its line: the value may follow, more indented. */
  private static final Regex EMPTY_KEY =
      new Regex(
          "^([ \\t]*(?:-[ \\t]+)?)([\"']?)([A-Za-z_][A-Za-z0-9_.-]*+)\\2[ \\t]*:[ \\t]*(?:#.*)?$");

  /** A YAML line that is not a plain scalar: a key, a list item, a comment, a flow or a tag. */
  private static final Regex NOT_PLAIN =
      new Regex("^[ \\t]*(?:[-#{\\[|>&*!%@`]|[\"']?[A-Za-z0-9_.-]+[\"']?[ \\t]*:(?:[ \\t]|$))");

  /** Keys whose value names the secret in a following {@code value}: {@code name: DB_PASSWORD}. */
  private static final Set<String> NAME_KEYS =
      Set.of("name", "key", "parameterkey", "parameter_key", "variable", "env", "envvar");

  /** Keys that hold the value of the secret a preceding name key named. */
  private static final Set<String> VALUE_KEYS =
      Set.of("value", "default", "parametervalue", "parameter_value", "secretstring");

  /** Verbs of calls whose argument is not a secret: getSecret("name"), hashPassword("…"). */
  private static final Set<String> CALL_VERBS =
      Set.of(
          "get",
          "has",
          "is",
          "check",
          "verify",
          "validate",
          "hash",
          "encode",
          "decode",
          "encrypt",
          "decrypt",
          "read",
          "load",
          "fetch",
          "resolve",
          "lookup",
          "find",
          "mask",
          "redact",
          "require",
          "remove",
          "delete",
          "clear",
          "contains",
          "assert",
          "expect",
          "matches",
          "compare",
          "print",
          "log",
          "format",
          "parse",
          "to",
          "from",
          "new",
          "create",
          "issue",
          "mint",
          "generate",
          "sign",
          "request",
          "exchange",
          "obtain",
          "acquire",
          "revoke",
          "rotate",
          "reset",
          "invalidate",
          "introspect",
          "list",
          "describe");

  /**
   * The first words of a setter or builder call whose argument is the value: {@code
   * setPassword("…")}, {@code withSecret("…")}. A call named by the secret alone ({@code
   * .apiKey("…")}) is a builder only with one argument: {@code issueToken("subject", ttl)} is not.
   */
  private static final Set<String> SETTER_VERBS = Set.of("set", "with");

  /**
   * Lower-case words joined by {@code .}, {@code :}, {@code /}, {@code -} or {@code _}: a property
   * name, a path, a URN, an account name ({@code s3.secret-access-key}, {@code
   * system:serviceaccount:etl}, {@code /v1/oauth/tokens}), not a generated value.
   */
  private static final Regex NAME_LIKE =
      new Regex("^/?[a-z]++[0-9]*+(?:[._:/-](?:[a-z]++[0-9]*+|[0-9]++))++/?$");

  /**
   * A property name in Java spelling, words in camelCase joined by {@code .}, {@code -} or {@code
   * _} ({@code aws.secretAccessKey}, {@code spring.datasource.clientSecret}): a name when it names
   * a secret. Leetspeak ({@code canary-s3cr3t-floe-password}) is not a name.
   */
  private static final Regex PROPERTY_NAME =
      new Regex("^[a-z]++(?:[A-Z][a-z]++)*+[0-9]*+(?:[._-][a-z]++(?:[A-Z][a-z]++)*+[0-9]*+)++$");

  private static final Regex AUTH_SCHEME =
      new Regex("^(?i:Bearer|Basic|Token|Digest|ApiKey)\\s+(\\S+)$");
  private static final Regex HEX = new Regex("^[0-9a-fA-F]+$");
  private static final Regex BASE64_40 = new Regex("^[A-Za-z0-9/+]{40}$");
  private static final Regex BASE64_88 = new Regex("^[A-Za-z0-9+/]{86}==$");
  private static final Regex BASE64 =
      new Regex("^(?:[A-Za-z0-9+/]{4})++(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$");
  private static final Regex EXAMPLE_HOST =
      new Regex("(?:^|\\.)(?:example\\.(?:com|org|net)|example|test|invalid)$");
  private static final Regex DOTTED_NAME =
      new Regex("^[A-Za-z_$][A-Za-z_$]*+[0-9]*+(?:\\.[A-Za-z_$][A-Za-z_$]*+[0-9]*+)++$");

  private CredentialDetector() {}

  /** What {@link #scan} found: the hits to report and those on lines marked as reviewed. */
  public record Detection(List<Hit> hits, List<Hit> allowed) {
    public Detection {
      hits = List.copyOf(hits);
      allowed = List.copyOf(allowed);
    }
  }

  /** A name key's secret name, in force for the value keys of a few lines. */
  private static final class Context {
    @Nullable String name;
    int until;

    @Nullable String at(int line) {
      return line <= until ? name : null;
    }

    void set(String secretName, int untilLine) {
      name = secretName;
      until = untilLine;
    }

    void clear() {
      name = null;
      until = 0;
    }
  }

  /** A YAML value on a line of its own: a block scalar's first line or a plain continuation. */
  private record BlockValue(String key, int header) {}

  /**
   * Scans a whole text, line by line. Hits on a line whose comment carries {@code
   * floe:allow-secret} (a comment of {@code syntax}: the marker inside a string is not one) go to
   * {@link Detection#allowed()}.
   *
   * @param text the file's text
   * @param syntax how keys, values and comments look in it
   */
  public static Detection scan(String text, Syntax syntax) {
    String[] lines = text.split("\r\n|\n|\r", -1);
    List<Hit> hits = new ArrayList<>();
    List<Hit> allowed = new ArrayList<>();
    Map<Integer, BlockValue> blocks =
        syntax == Syntax.YAML || syntax == Syntax.TEXT ? blockValues(lines) : Map.of();
    Context context = new Context();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String next = i + 1 < lines.length ? lines[i + 1] : "";
      List<Hit> found = tokens(line, i + 1, next);
      BlockValue block = blocks.get(i);
      if (block != null && found.isEmpty()) {
        blockHit(block.key(), line, i + 1).ifPresent(found::add);
      }
      found.addAll(assignments(line, i + 1, syntax, context, found));
      found.sort(Comparator.comparingInt(Hit::start));
      boolean reviewed =
          allowed(line, syntax) || (block != null && allowed(lines[block.header()], syntax));
      if (reviewed) {
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
    String[] lines =
        value.indexOf('\n') < 0 && value.indexOf('\r') < 0
            ? new String[] {value}
            : value.split("\r\n|\n|\r", -1);
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String next = i + 1 < lines.length ? lines[i + 1] : "";
      hits.addAll(tokens(lines[i], i + 1, next));
    }
    if (hits.isEmpty() && lines.length == 1 && key != null && CredentialKeys.isCredential(key)) {
      Optional<CredentialRule> rule = classify(key, value);
      if (rule.isPresent()) {
        hits.add(new Hit(rule.get(), 1, 0, value.length(), key));
      }
    }
    if (hits.isEmpty()) {
      Context context = new Context();
      for (int i = 0; i < lines.length; i++) {
        hits.addAll(assignments(lines[i], i + 1, Syntax.TEXT, context, List.of()));
      }
    }
    return List.copyOf(hits);
  }

  /**
   * True when the line carries a {@code # floe:allow-secret} comment, read as YAML: the marker
   * after a {@code #} that starts a comment, not inside a quoted string.
   */
  public static boolean allowed(String line) {
    return allowed(line, Syntax.YAML);
  }

  /**
   * True when the line carries {@code floe:allow-secret} in a comment of {@code syntax}: after
   * {@code #} in YAML, properties, {@code .env}, shell, Dockerfiles, Python, HCL and INI files,
   * after {@code //} or {@code /*} in {@code //}-comment languages, HCL and JSONC, inside {@code
   * <!-- -->} in XML. A marker inside a string value (say, of a minified JSON file) is not a
   * comment and accepts nothing.
   */
  public static boolean allowed(String line, Syntax syntax) {
    if (!line.contains(ALLOW_MARKER)) {
      return false;
    }
    int comment = Comments.start(line, syntax);
    return comment >= 0 && line.indexOf(ALLOW_MARKER, comment) >= 0;
  }

  /** True when {@code key} names a secret value ({@code password}, {@code apiKey}, …). */
  public static boolean secretKey(String key) {
    return CredentialKeys.isCredential(key);
  }

  /** Token shapes anywhere on the line; overlapping later matches are dropped. */
  private static List<Hit> tokens(String line, int number, String next) {
    List<Hit> hits = new ArrayList<>();
    if (line.isBlank()) {
      return hits;
    }
    LowerCase lower = new LowerCase();
    for (TokenRule rule : TOKENS) {
      if (!rule.mayMatch(line, lower)) {
        continue;
      }
      Matcher m = rule.pattern().matcher(line);
      while (m.find()) {
        String token = m.group(1);
        if (Allowlist.example(token) || !valid(rule.check, token, line)) {
          continue;
        }
        if (rule.rule == CredentialRule.PRIVATE_KEY && keyPlaceholder(line, m.end(1), next)) {
          continue;
        }
        Hit hit = new Hit(rule.rule, number, m.start(1), m.end(1), "");
        if (!overlapsAny(hit, hits)) {
          hits.add(hit);
        }
      }
    }
    return hits;
  }

  /** Lines that hold a YAML value on their own, by index, with the key they are under. */
  private static Map<Integer, BlockValue> blockValues(String[] lines) {
    Map<Integer, BlockValue> values = new HashMap<>();
    for (int i = 0; i + 1 < lines.length; i++) {
      String line = lines[i];
      if (line.indexOf(':') < 0) {
        continue;
      }
      Matcher header = BLOCK_HEADER.matcher(line);
      boolean block = header.matches();
      Matcher empty = block ? header : EMPTY_KEY.matcher(line);
      if (!block && !empty.matches()) {
        continue;
      }
      String key = empty.group(3);
      if (!CredentialKeys.isCredential(key)) {
        continue;
      }
      if (block && header.group(4) != null && header.group(4).startsWith("!vault")) {
        continue;
      }
      int indent = empty.group(1).length();
      int j = i + 1;
      while (j < lines.length && lines[j].isBlank()) {
        j++;
      }
      if (j >= lines.length || indentation(lines[j]) <= indent) {
        continue;
      }
      if (block || !NOT_PLAIN.matcher(lines[j]).find()) {
        values.put(j, new BlockValue(key, i));
      }
    }
    return values;
  }

  private static int indentation(String line) {
    int n = 0;
    while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
      n++;
    }
    return n;
  }

  /** A block scalar's or continuation's line as the value of {@code key}. */
  private static Optional<Hit> blockHit(String key, String line, int number) {
    int start = indentation(line);
    int end = line.length();
    int comment = line.indexOf(" #", start);
    String value = line.substring(start, comment < 0 ? end : comment).strip();
    if (value.length() >= 2
        && (value.charAt(0) == '"' || value.charAt(0) == '\'')
        && value.charAt(value.length() - 1) == value.charAt(0)) {
      value = value.substring(1, value.length() - 1);
    }
    int to = start + line.substring(start).stripTrailing().length();
    return classify(key, value).map(rule -> new Hit(rule, number, start, to, key));
  }

  /** Values under secret-like keys that no token rule claimed. */
  private static List<Hit> assignments(
      String line, int number, Syntax syntax, Context context, List<Hit> seen) {
    List<Hit> hits = new ArrayList<>();
    if (line.isBlank()) {
      return hits;
    }
    List<Hit> taken = new ArrayList<>(seen);
    // Each pattern is tried only on a line holding what it cannot match without: most values
    // checked while loading a configuration hold none, and then no pattern is ever compiled.
    if ((syntax == Syntax.HCL || syntax == Syntax.TEXT)
        && line.indexOf('{') >= 0
        && (line.contains("variable") || line.contains("output"))) {
      Matcher variable = VARIABLE_BLOCK.matcher(line);
      if (variable.find() && CredentialKeys.isCredential(variable.group(1))) {
        context.set(variable.group(1), number + 6);
      }
    }
    keyValues(line, number, syntax, context, taken, hits);
    if (syntax == Syntax.JSON && line.indexOf('\\') >= 0) {
      // Source code inside JSON strings (notebooks): read it with its escapes undone, keeping
      // every column where it was.
      String unescaped = line.replace("\\\"", " \"").replace("\\'", " '").replace("\\n", "  ");
      int from = hits.size();
      keyValues(unescaped, number, Syntax.TEXT, context, taken, hits);
      for (int i = from; i < hits.size(); i++) {
        hits.set(i, trimmed(hits.get(i), line));
      }
    }
    if (syntax.code()) {
      Matcher typed = TYPED_ASSIGNMENT.matcher(line);
      while (typed.find()) {
        report(typed.group(1), typed, 2, number, taken, hits);
      }
    }
    if (line.contains("--")) {
      Matcher flag = FLAG.matcher(line);
      while (flag.find()) {
        report(flag.group(1), flag, 2, number, taken, hits);
      }
    }
    if (line.indexOf(',') >= 0) {
      Matcher arguments = ARGUMENTS.matcher(line);
      while (arguments.find()) {
        report(arguments.group(2), arguments, 3, number, taken, hits);
      }
    }
    if (line.indexOf('(') >= 0) {
      Matcher setter = SETTER.matcher(line);
      while (setter.find()) {
        String name = setter.group(1);
        List<String> words = CredentialKeys.words(name);
        if (words.isEmpty() || CALL_VERBS.contains(words.get(0))) {
          continue;
        }
        boolean onlyArgument = line.charAt(setter.end() - 1) == ')';
        if (onlyArgument || (words.size() >= 2 && SETTER_VERBS.contains(words.get(0)))) {
          report(name, setter, 2, number, taken, hits);
        }
      }
    }
    if (line.contains("</")) {
      Matcher element = ELEMENT.matcher(line);
      while (element.find()) {
        String tag = element.group(1);
        String local = tag.substring(tag.lastIndexOf(':') + 1);
        report(local, element, 2, number, taken, hits);
      }
    }
    if ((syntax == Syntax.DOCKERFILE || syntax == Syntax.TEXT) && dockerInstruction(line)) {
      Matcher env = DOCKER_ENV.matcher(line);
      if (env.matches()) {
        report(env.group(1), env, 2, number, taken, hits);
      }
    }
    return hits;
  }

  /**
   * True when the line's first word may be {@code ENV} or {@code ARG}, in any case: what {@link
   * #DOCKER_ENV} needs.
   */
  private static boolean dockerInstruction(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return line.regionMatches(true, i, "ENV", 0, 3) || line.regionMatches(true, i, "ARG", 0, 3);
  }

  /** A hit found in an unescaped line, without the escapes' backslashes at its ends. */
  private static Hit trimmed(Hit hit, String line) {
    int start = hit.start();
    int end = Math.min(hit.end(), line.length());
    while (end > start && (line.charAt(end - 1) == '\\' || line.charAt(end - 1) == ' ')) {
      end--;
    }
    return new Hit(hit.rule(), hit.line(), start, end, hit.key());
  }

  /** The {@link #ASSIGNMENT}s of a line; {@code text} is the line as read, or unescaped. */
  private static void keyValues(
      String text, int number, Syntax syntax, Context context, List<Hit> taken, List<Hit> hits) {
    if (text.indexOf(':') < 0 && text.indexOf('=') < 0) {
      return; // every operator of an assignment has one
    }
    Matcher m = ASSIGNMENT.matcher(text);
    while (m.find()) {
      String key = m.group(2);
      int group = m.group(3) != null ? 3 : m.group(4) != null ? 4 : 5;
      String value = m.group(group);
      String lower = key.toLowerCase(Locale.ROOT);
      if (NAME_KEYS.contains(lower)) {
        // The next entry's name ends the previous one's: name: LOG_LEVEL / value: … is not it.
        if (CredentialKeys.isCredential(value)) {
          context.set(value, number + 3);
        } else {
          context.clear();
        }
        continue;
      }
      String named = context.at(number);
      if (named != null && VALUE_KEYS.contains(lower)) {
        key = named;
      }
      if (!CredentialKeys.isCredential(key)) {
        continue;
      }
      if (group == 5) {
        // A bare value: in code an expression, never a literal; elsewhere a call or an index
        // (os.getenv(…), env[…]) or a dotted name (settings.password) is a reference.
        int after = m.end(group);
        char following = after < text.length() ? text.charAt(after) : ' ';
        if (syntax.code()
            || following == '('
            || following == '['
            || DOTTED_NAME.matcher(value).matches()) {
          continue;
        }
      }
      report(key, m, group, number, taken, hits);
    }
  }

  /**
   * Reports the value in group {@code first} (double-quoted), {@code first + 1} (single-quoted) or
   * {@code first + 2} (bare) of {@code m} when {@code key} names a secret and the value is one.
   */
  private static void report(
      String key, Matcher m, int first, int number, List<Hit> taken, List<Hit> hits) {
    if (!CredentialKeys.isCredential(key)) {
      return;
    }
    int group = first;
    while (group < first + 3 && group <= m.groupCount() && m.group(group) == null) {
      group++;
    }
    if (group > m.groupCount() || m.group(group) == null) {
      return;
    }
    String value = m.group(group);
    Hit candidate =
        new Hit(CredentialRule.SECRET_ASSIGNMENT, number, m.start(group), m.end(group), key);
    if (overlapsAny(candidate, taken)) {
      return;
    }
    Optional<CredentialRule> rule = classify(key, value);
    if (rule.isPresent()) {
      Hit hit = new Hit(rule.get(), number, m.start(group), m.end(group), key);
      hits.add(hit);
      taken.add(hit);
    }
  }

  /** The rule a value under a secret-like key breaks, if any. */
  private static Optional<CredentialRule> classify(String key, String raw) {
    String value = raw.strip();
    Matcher scheme = AUTH_SCHEME.matcher(value);
    if (scheme.matches()) {
      value = scheme.group(1);
    }
    if (Allowlist.example(value) || name(value)) {
      return Optional.empty();
    }
    if (SecretKeyNames.awsSecretAccessKey(key) && BASE64_40.matcher(value).matches()) {
      return Optional.of(CredentialRule.AWS_SECRET_ACCESS_KEY);
    }
    if (SecretKeyNames.azureAccountKey(key) && BASE64_88.matcher(value).matches()) {
      return Optional.of(CredentialRule.AZURE_STORAGE_ACCOUNT_KEY);
    }
    Optional<String> decoded = printableBase64(value);
    if (decoded.isPresent()) {
      // A Kubernetes Secret's data: judge what the base 64 holds, so that "changeme" encoded
      // stays a placeholder.
      String plain = decoded.get().strip();
      if (plain.isEmpty()
          || Allowlist.benignValue(plain)
          || Allowlist.example(plain)
          || Allowlist.word(plain)) {
        return Optional.empty();
      }
    }
    if (randomLooking(value)) {
      return Optional.of(CredentialRule.SECRET_ASSIGNMENT);
    }
    if (CredentialKeys.isPassword(key) && chosenPassword(value)) {
      return Optional.of(CredentialRule.SECRET_ASSIGNMENT);
    }
    return Optional.empty();
  }

  /**
   * True when {@code value} is a name rather than a value: lower-case words joined by {@code .},
   * {@code :}, {@code /}, {@code -} or {@code _} ({@code system:serviceaccount:etl}, {@code
   * /v1/oauth/tokens}), or a property name that names a secret itself ({@code
   * aws.secretAccessKey}). Like the allow-list's plain identifiers, such a value is not reported
   * under any key, a password key included.
   */
  private static boolean name(String value) {
    return NAME_LIKE.matcher(value).matches()
        || (PROPERTY_NAME.matcher(value).matches() && CredentialKeys.mentionsCredential(value));
  }

  /**
   * A password someone chose rather than generated ({@code Welcome2024!}, {@code s3cr3t-Pa55}): 8
   * to 200 characters without spaces, at least two character classes, and not benign. Only under a
   * password key, where a readable value is still a password.
   */
  private static boolean chosenPassword(String value) {
    int length = value.length();
    return length >= 8
        && length <= 200
        && !hasWhitespace(value)
        && classes(value) >= 2
        && !Allowlist.benignValue(value);
  }

  /** The text a base 64 value holds, when it is printable ASCII (8 to 200 characters). */
  private static Optional<String> printableBase64(String value) {
    if (value.length() < 8 || value.length() > 300 || !BASE64.matcher(value).matches()) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    for (byte b : bytes) {
      if (b < 0x20 || b > 0x7e) {
        if (b != '\n' && b != '\r') {
          return Optional.empty();
        }
      }
    }
    return Optional.of(new String(bytes, StandardCharsets.US_ASCII));
  }

  /**
   * True when a value looks generated rather than chosen: 8 to 1000 characters without spaces, not
   * benign, and either a hex string of at least 16 digits, or at least two character classes with a
   * Shannon entropy near the maximum for its length, or 20+ characters of one class with high
   * entropy.
   */
  static boolean randomLooking(String value) {
    int length = value.length();
    if (length < 8 || length > 1000 || hasWhitespace(value)) {
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

  private static boolean hasWhitespace(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isWhitespace(value.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean digits(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (!Character.isDigit(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean overlapsAny(Hit hit, List<Hit> others) {
    for (Hit other : others) {
      if (hit.overlaps(other)) {
        return true;
      }
    }
    return false;
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

  /** A private key header followed by "...", "<key>" or "xxx": documentation, not a key. */
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

  /**
   * A token rule. {@code hints} lists, separated by {@code |}, strings of which every line the
   * pattern matches holds one ({@code (?i)} first: in any case); empty when there is none.
   */
  private static TokenRule token(CredentialRule rule, String hints, String regex, Check check) {
    return new TokenRule(rule, hints, 0, regex, check);
  }

  /** A token rule whose pattern matches only lines of at least {@code minLength} characters. */
  private static TokenRule token(
      CredentialRule rule, String hints, int minLength, String regex, Check check) {
    return new TokenRule(rule, hints, minLength, regex, check);
  }

  /** Letters and digits both: a generated identifier, not a word. */
  private static boolean mixed(String token) {
    boolean letter = false;
    boolean digit = false;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      letter |= Character.isLetter(c);
      digit |= Character.isDigit(c);
    }
    return letter && digit;
  }

  /** Where a prefixed token's random part starts: after its first {@code _} or {@code -}. */
  private static int prefixEnd(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '_' || c == '-') {
        return i + 1;
      }
    }
    return 0;
  }

  /** An OpenAI key without its {@code sk-} and project, service-account or admin prefix. */
  private static String openAiSecret(String token) {
    String rest = token.substring(3);
    for (String kind : List.of("proj-", "svcacct-", "admin-")) {
      if (rest.startsWith(kind)) {
        return rest.substring(kind.length());
      }
    }
    return rest;
  }

  /** A Discord bot token: its first part is a base-64 numeric id, or the line names Discord. */
  private static boolean discord(String token, String line) {
    if (line.toLowerCase(Locale.ROOT).contains("discord")) {
      return randomLooking(token.substring(token.lastIndexOf('.') + 1));
    }
    String id = token.substring(0, token.indexOf('.'));
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.ISO_8859_1);
      return decoded.length() >= 15 && digits(decoded);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** True when the line names an HTTP Authorization header. */
  private static boolean authorizationLine(String line) {
    return line.toLowerCase(Locale.ROOT).contains("authoriz");
  }

  /** A Basic credential: base 64 of user:password, the password not a placeholder. */
  private static boolean basicCredential(String token) {
    Optional<String> decoded = printableBase64(token);
    if (decoded.isEmpty()) {
      return false;
    }
    String text = decoded.get();
    int colon = text.indexOf(':');
    return colon >= 0 && colon + 1 < text.length() && !plainWord(text.substring(colon + 1));
  }

  /** Where a line's comment starts, by the comment syntax of its file. */
  private static final class Comments {
    private Comments() {}

    /** The index of the comment opener outside any string, or -1 when the line has none. */
    static int start(String line, Syntax syntax) {
      char quote = 0;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quote != 0) {
          if (c == '\\' && (quote != '\'' || syntax.code())) {
            i++;
          } else if (c == quote) {
            quote = 0;
          }
          continue;
        }
        boolean afterSpace = i == 0 || Character.isWhitespace(line.charAt(i - 1));
        if (opensString(line, i, syntax)) {
          quote = c;
          continue;
        }
        if (c == '#' && afterSpace && hashComments(syntax)) {
          return i;
        }
        if (c == '/'
            && i + 1 < line.length()
            && (line.charAt(i + 1) == '/' || line.charAt(i + 1) == '*')
            && slashComments(syntax)
            && (afterSpace || syntax != Syntax.TEXT)) {
          return i;
        }
        if (c == ';' && afterSpace && syntax == Syntax.INI) {
          return i;
        }
        if (c == '!' && syntax == Syntax.PROPERTIES && line.substring(0, i).isBlank()) {
          return i;
        }
        if (c == '<' && syntax == Syntax.XML && line.startsWith("<!--", i)) {
          return i;
        }
      }
      return -1;
    }

    private static boolean opensString(String line, int i, Syntax syntax) {
      char c = line.charAt(i);
      if (syntax == Syntax.PROPERTIES) {
        return false;
      }
      if (c == '"') {
        return true;
      }
      boolean code = syntax.code() || syntax == Syntax.SHELL;
      if (c == '`') {
        return code;
      }
      if (c != '\'') {
        return false;
      }
      if (code) {
        return true;
      }
      // In YAML and other data files an apostrophe inside a word ("don't") is not a quote.
      char before = i == 0 ? ' ' : line.charAt(i - 1);
      return Character.isWhitespace(before) || ":=[{,(".indexOf(before) >= 0;
    }

    private static boolean hashComments(Syntax syntax) {
      return switch (syntax) {
        case JSON, C_STYLE, XML -> false;
        default -> true;
      };
    }

    private static boolean slashComments(Syntax syntax) {
      return switch (syntax) {
        case JSON, C_STYLE, HCL, TEXT -> true;
        default -> false;
      };
    }
  }
}
