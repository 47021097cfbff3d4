package dev.floe.core.internal.credential;

import dev.floe.core.internal.spelling.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one credential-key vocabulary of floe: which key names hold a secret value. The schema
 * validator refuses a plain value under such a key ({@code FLOE-C030}, "use secret_ref"), the
 * snippet masker hides its value and the credential detector treats a random-looking value under it
 * as a credential; all three ask this class, so they always agree.
 *
 * <p>A key is split into lower-case words in any spelling — {@code db_password}, {@code
 * dbPassword}, {@code DB-PASSWORD}, {@code spring.datasource.password}, {@code x-api-key} — and its
 * last word (or last two) decides: {@code password}, {@code token}, {@code secret}, {@code
 * api_key}, {@code private_key}, … hold a secret; {@code password_file}, {@code token_endpoint},
 * {@code token_refresh_enabled}, {@code client_id}, {@code access_key_id} and {@code secret_ref}
 * name a place, a setting, an identifier or a reference, not a value. Stateless.
 */
public final class CredentialKeys {
  /** A key whose last word is one of these holds a secret. */
  private static final Set<String> SECRET_WORDS =
      Set.of(
          "password",
          "passwd",
          "pwd",
          "pass",
          "passphrase",
          "passcode",
          "secret",
          "token",
          "apikey",
          "credential",
          "auth",
          "bearer",
          "pat",
          "pw",
          "pswd",
          "psw");

  /** The words of {@link #SECRET_WORDS} that name a password. */
  private static final Set<String> PASSWORD_WORDS =
      Set.of("password", "passwd", "pwd", "pass", "passphrase", "passcode", "pw", "pswd", "psw");

  /**
   * A key whose last word ends with one of these holds a secret although the compound is written as
   * one word ({@code dbpassword}, {@code APPSECRET}, {@code authtoken}).
   */
  private static final List<String> SECRET_ENDINGS =
      List.of("password", "passwd", "secret", "token", "apikey");

  /**
   * Trailing words that qualify a secret rather than name another thing: a number or version
   * ({@code password2}, {@code api_key_v2}), an environment ({@code DB_PASSWORD_PROD}), a rotation
   * slot ({@code token_old}) or an encoding ({@code secret_b64}). They are skipped before the last
   * word decides.
   */
  private static final Set<String> QUALIFIERS =
      Set.of(
          "prod",
          "production",
          "prd",
          "dev",
          "development",
          "staging",
          "stage",
          "stg",
          "test",
          "qa",
          "uat",
          "live",
          "sandbox",
          "local",
          "old",
          "new",
          "current",
          "next",
          "previous",
          "prev",
          "primary",
          "secondary",
          "backup",
          "b64",
          "base64",
          "encoded",
          "raw",
          "value");

  /** A key whose last two words are one of these holds a secret ({@code private_key}). */
  private static final Set<String> SECRET_PAIRS =
      Set.of(
          "private_key",
          "api_key",
          "access_key",
          "secret_key",
          "account_key",
          "account_json",
          "auth_key",
          "shared_key",
          "master_key",
          "signing_key",
          "encryption_key",
          "storage_key",
          "app_key",
          "subscription_key",
          "sas_key",
          "tls_key",
          "ssl_key",
          "key_base",
          "hmac_key",
          "aes_key",
          "webhook_key");

  /**
   * Credential names a misspelt key is compared with ({@code client_secert}): a near miss is masked
   * too, since a misspelt secret is still a secret.
   */
  private static final List<String> NEAR_MISSES =
      List.of(
          "password",
          "passwd",
          "secret",
          "token",
          "api_key",
          "apikey",
          "private_key",
          "secret_key",
          "secret_access_key",
          "account_key",
          "session_token",
          "client_secret",
          "access_token",
          "refresh_token",
          "bearer_token",
          "auth_token",
          "credential",
          "key_password",
          "service_account_json");

  private CredentialKeys() {}

  /**
   * True when {@code key} holds a secret value, in any spelling ({@code dbPassword}, {@code
   * x-api-key}, {@code s3.secret-access-key}).
   */
  public static boolean isCredential(String key) {
    List<String> words = new ArrayList<>(words(key));
    // Qualifiers after the secret word: password2, DB_PASSWORD_PROD, api_key_v2, token_old.
    while (words.size() >= 2 && qualifier(words.get(words.size() - 1))) {
      words.remove(words.size() - 1);
    }
    if (words.isEmpty()) {
      return false;
    }
    String last = stripDigits(words.get(words.size() - 1));
    if (SECRET_WORDS.contains(last)) {
      return true;
    }
    for (String ending : SECRET_ENDINGS) {
      if (last.endsWith(ending)) {
        return true;
      }
    }
    return words.size() >= 2 && SECRET_PAIRS.contains(words.get(words.size() - 2) + "_" + last);
  }

  /**
   * True when some leading words of {@code name} form a credential key: {@code client.secret},
   * {@code s3.secret-access-key}, {@code db_password_file}, {@code token-endpoint}. A value so
   * named is the name of a secret (a key, a property, a variable), not a secret.
   */
  public static boolean mentionsCredential(String name) {
    List<String> words = words(name);
    for (int n = 1; n <= words.size(); n++) {
      if (isCredential(String.join("_", words.subList(0, n)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when {@code key} holds a password in particular ({@code db_password}, {@code passwd},
   * {@code PGPASSWORD}, {@code passphrase}): a chosen secret, often short and readable, rather than
   * a generated token.
   */
  public static boolean isPassword(String key) {
    List<String> words = new ArrayList<>(words(key));
    while (words.size() >= 2 && qualifier(words.get(words.size() - 1))) {
      words.remove(words.size() - 1);
    }
    if (words.isEmpty()) {
      return false;
    }
    String last = stripDigits(words.get(words.size() - 1));
    return PASSWORD_WORDS.contains(last) || last.endsWith("password") || last.endsWith("passwd");
  }

  private static boolean qualifier(String word) {
    return QUALIFIERS.contains(word)
        || digitsFrom(word, 0)
        || (word.length() >= 2 && word.charAt(0) == 'v' && digitsFrom(word, 1));
  }

  /** True when every character of {@code word} from {@code start} on is a digit. */
  private static boolean digitsFrom(String word, int start) {
    for (int i = start; i < word.length(); i++) {
      if (!Character.isDigit(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code password2} → {@code password}; a word of digits only stays as it is. */
  private static String stripDigits(String word) {
    int end = word.length();
    while (end > 0 && Character.isDigit(word.charAt(end - 1))) {
      end--;
    }
    return end == 0 ? word : word.substring(0, end);
  }

  /**
   * True when {@code key} is a credential name or a near miss of one ({@code client_secert}):
   * renderers hide the value of such keys, since a misspelt secret is still a secret.
   */
  public static boolean resembles(String key) {
    if (isCredential(key)) {
      return true;
    }
    String k = String.join("_", words(key));
    // "credentials" is the credentials block itself, not a value.
    if (k.length() < 5 || k.equals("secret_ref") || k.equals("credentials")) {
      return false;
    }
    for (String name : NEAR_MISSES) {
      if (name.length() >= 5 && Suggestions.distance(k, name) <= 2) {
        return true;
      }
    }
    return false;
  }

  /**
   * The words of a key, lower-case: camelCase, {@code -}, {@code .}, {@code _} and spaces separate
   * words ({@code spring.datasource.password} → {@code [spring, datasource, password]}); compounds
   * written as one word mean the same as their parts ({@code privateKey}, {@code PRIVATEKEY} →
   * {@code [private, key]}; {@code api_key} and {@code apikey} → {@code [apikey]}).
   */
  public static List<String> words(String key) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        flush(word, words);
        continue;
      }
      boolean boundary =
          Character.isUpperCase(c)
              && i > 0
              && (Character.isLowerCase(key.charAt(i - 1))
                  || Character.isDigit(key.charAt(i - 1))
                  || (i + 1 < key.length()
                      && Character.isLowerCase(key.charAt(i + 1))
                      && Character.isUpperCase(key.charAt(i - 1))));
      if (boundary) {
        flush(word, words);
      }
      word.append(Character.toLowerCase(c));
    }
    flush(word, words);
    List<String> out = new ArrayList<>();
    for (String w : words) {
      switch (w) {
        case "privatekey", "secretkey", "accesskey", "accountkey" -> {
          out.add(w.substring(0, w.length() - 3));
          out.add("key");
        }
        case "clientsecret" -> {
          out.add("client");
          out.add("secret");
        }
        default -> out.add(w);
      }
    }
    int n = out.size();
    if (n >= 2 && out.get(n - 2).equals("api") && out.get(n - 1).equals("key")) {
      out.set(n - 2, "apikey");
      out.remove(n - 1);
    }
    return out;
  }

  private static void flush(StringBuilder word, List<String> words) {
    if (word.length() > 0) {
      words.add(word.toString());
      word.setLength(0);
    }
  }
}
