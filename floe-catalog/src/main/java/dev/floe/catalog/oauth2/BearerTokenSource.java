package dev.floe.catalog.oauth2;

import static java.util.Objects.requireNonNull;

import dev.floe.core.secret.Secret;
import java.util.function.Supplier;

/**
 * Where an {@link OAuth2AuthManager} session takes the bearer token of each request from: an {@link
 * OAuth2TokenManager} (client-credentials grant), a fixed token (a static {@code token} secret) or
 * any refreshing source such as workload identity tokens.
 *
 * <p>Implementations must be thread-safe, must never show a token in {@code toString}, and should
 * return a token that stays valid for the request being sent.
 */
public interface BearerTokenSource {

  /**
   * A usable bearer token.
   *
   * @return the token; never null
   * @throws RuntimeException when no token can be obtained; the message never shows a secret
   */
  Secret token();

  /**
   * Reports that a server answered 401 to a request carrying {@code token}; a refreshing source
   * drops it so that the next {@link #token()} gets a new one. The default does nothing.
   *
   * @param token a token returned by {@link #token()}; not null
   */
  default void invalidate(Secret token) {
    requireNonNull(token, "token");
  }

  /**
   * A source that always hands out {@code token}: a static bearer token.
   *
   * @param token the token; not null
   * @param description what the token is, for {@code toString} (for example {@code secret
   *     'polaris-token'}); never a value; not null
   */
  static BearerTokenSource fixed(Secret token, String description) {
    requireNonNull(token, "token");
    requireNonNull(description, "description");
    return new BearerTokenSource() {
      @Override
      public Secret token() {
        return token;
      }

      @Override
      public String toString() {
        return "BearerTokenSource.fixed[" + description + "]";
      }
    };
  }

  /**
   * A source that asks {@code tokens} for every request (it caches and refreshes itself).
   *
   * @param tokens the supplier; thread-safe; not null
   * @param description what the tokens are, for {@code toString}; never a value; not null
   */
  static BearerTokenSource refreshing(Supplier<Secret> tokens, String description) {
    requireNonNull(tokens, "tokens");
    requireNonNull(description, "description");
    return new BearerTokenSource() {
      @Override
      public Secret token() {
        return requireNonNull(tokens.get(), "token");
      }

      @Override
      public String toString() {
        return "BearerTokenSource.refreshing[" + description + "]";
      }
    };
  }
}
