package dev.floe.core.schema;

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
          "_password", "_secret", "_token", "_api_key", "_apikey", "_private_key", "_secret_key");

  private CredentialKeys() {}

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
