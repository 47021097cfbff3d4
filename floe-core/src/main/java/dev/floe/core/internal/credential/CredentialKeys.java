package dev.floe.core.internal.credential;

import dev.floe.core.internal.spelling.Suggestions;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises keys that name a credential ({@code password}, {@code api_key}, {@code *_token}…).
 * Such a key may only hold {@code {secret_ref: NAME}}, wherever it appears.
 */
public final class CredentialKeys {
  private static final Set<String> EXACT =
      Set.of(
          "password",
          "access_key",
          "access_key_id",
          "passwd",
          "pwd",
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
          "tls_key",
          "ssl_key",
          "key_password",
          "service_account_json");
  private static final Set<String> SUFFIXES =
      Set.of(
          "_password",
          "_secret",
          "_token",
          "_api_key",
          "_apikey",
          "_private_key",
          "_secret_key",
          "_secret_access_key",
          "_account_key",
          "_shared_key",
          "_credential",
          "_key_password");

  private CredentialKeys() {}

  /**
   * True when {@code key} is a credential name or a near miss of one ({@code client_secert}):
   * renderers hide the value of such keys, since a misspelt secret is still a secret.
   */
  public static boolean resembles(String key) {
    if (isCredential(key)) {
      return true;
    }
    String k = key.toLowerCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    // "credentials" is the credentials block itself, not a value.
    if (k.length() < 5 || k.equals("secret_ref") || k.equals("credentials")) {
      return false;
    }
    for (String exact : EXACT) {
      if (exact.length() >= 5 && Suggestions.distance(k, exact) <= 2) {
        return true;
      }
    }
    return false;
  }

  /** True when {@code key} names a credential; spelling with {@code -} or {@code .} counts too. */
  public static boolean isCredential(String key) {
    String k = key.toLowerCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    if (EXACT.contains(k)) {
      return true;
    }
    for (String suffix : SUFFIXES) {
      if (k.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }
}
