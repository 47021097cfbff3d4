package dev.floe.core.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recognises key names that hold a secret value, in any spelling: {@code db_password}, {@code
 * dbPassword}, {@code DB-PASSWORD}, {@code spring.datasource.password}, {@code GITHUB_TOKEN}. The
 * last word decides: {@code password_file}, {@code token_endpoint} and {@code secret_ref} name a
 * place or a reference, not a value. Stateless.
 */
final class SecretKeyNames {
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

  /** A key ending in one of these word pairs holds a secret ("private_key", "apiKey"). */
  private static final Set<String> SECRET_PAIRS =
      Set.of(
          "private_key",
          "access_key",
          "secret_key",
          "account_key",
          "auth_key",
          "shared_key",
          "master_key",
          "signing_key",
          "encryption_key",
          "storage_key",
          "app_key",
          "subscription_key",
          "sas_key",
          "client_secret",
          "key_base");

  private SecretKeyNames() {}

  /** True when {@code key} names a secret value. */
  static boolean holdsSecret(String key) {
    List<String> words = words(key);
    if (words.isEmpty()) {
      return false;
    }
    String last = words.get(words.size() - 1);
    if (SECRET_WORDS.contains(last)) {
      return true;
    }
    if (words.size() >= 2) {
      String pair = words.get(words.size() - 2) + "_" + last;
      return SECRET_PAIRS.contains(pair);
    }
    return false;
  }

  /** True when {@code key} names an AWS secret access key. */
  static boolean awsSecretAccessKey(String key) {
    String joined = String.join("_", words(key));
    return joined.endsWith("secret_access_key")
        || (joined.contains("aws") && joined.endsWith("secret_key"));
  }

  /** True when {@code key} names an Azure storage account key. */
  static boolean azureAccountKey(String key) {
    String joined = String.join("_", words(key));
    return joined.endsWith("account_key")
        || joined.endsWith("storage_key")
        || (joined.contains("azure") && joined.endsWith("key"));
  }

  /**
   * The words of a key, lower-case: camelCase, {@code -}, {@code .}, {@code _} and spaces separate
   * words ({@code spring.datasource.password} → {@code [spring, datasource, password]}).
   */
  static List<String> words(String key) {
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
    // Compounds written as one word mean the same as their parts: "privateKey" is
    // "private_key", "PRIVATEKEY" too; "api_key" and "apikey" are both "apikey".
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
