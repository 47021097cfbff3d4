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
          "pat");

  /** A key whose last two words are one of these holds a secret ({@code private_key}). */
  private static final Set<String> SECRET_PAIRS =
      Set.of(
          "private_key",
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
          "key_base");

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
    List<String> words = words(key);
    if (words.isEmpty()) {
      return false;
    }
    String last = words.get(words.size() - 1);
    if (SECRET_WORDS.contains(last)) {
      return true;
    }
    return words.size() >= 2 && SECRET_PAIRS.contains(words.get(words.size() - 2) + "_" + last);
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
