package dev.floe.catalog.identity;

import static java.util.Objects.requireNonNull;

import dev.floe.catalog.failure.MissingSecretKeyException;
import dev.floe.core.secret.Secret;
import java.util.List;
import java.util.Map;

/**
 * The static credential of a catalog profile, from a resolved multi-key secret: a bearer {@value
 * #TOKEN} or a client {@value #CREDENTIAL} ({@code id:secret}, which an Iceberg REST catalog
 * exchanges for tokens itself).
 *
 * <p>Values are {@link Secret}s; nothing here prints them. Immutable and thread-safe.
 */
public sealed interface CatalogCredential
    permits CatalogCredential.BearerToken, CatalogCredential.ClientCredential {
  /** The key holding a bearer token. */
  String TOKEN = "token";

  /** The key holding a client credential, {@code id:secret}. */
  String CREDENTIAL = "credential";

  /**
   * The credential in the keys of the secret {@code secretName}: {@value #TOKEN} or {@value
   * #CREDENTIAL}, exactly one of them.
   *
   * @param secretName the secret's name, for messages; not null
   * @param keys the resolved keys of the secret; not null
   * @throws MissingSecretKeyException naming the secret and both keys when neither is present
   * @throws IllegalArgumentException when both are present, or the credential is not {@code
   *     id:secret} with two non-empty parts (the message names the secret and key, never a value)
   */
  static CatalogCredential fromStaticSecret(String secretName, Map<String, Secret> keys) {
    requireNonNull(secretName, "secretName");
    requireNonNull(keys, "keys");
    Secret token = keys.get(TOKEN);
    Secret credential = keys.get(CREDENTIAL);
    if (token != null && credential != null) {
      throw new IllegalArgumentException(
          "secret '"
              + secretName
              + "' has both '"
              + TOKEN
              + "' and '"
              + CREDENTIAL
              + "': a catalog's static credentials are one of them; remove the other");
    }
    if (token != null) {
      return new BearerToken(token);
    }
    if (credential == null) {
      throw new MissingSecretKeyException(
          secretName,
          List.of(TOKEN, CREDENTIAL),
          "secret '"
              + secretName
              + "' has neither key '"
              + TOKEN
              + "' nor key '"
              + CREDENTIAL
              + "': a catalog's static credentials are a bearer '"
              + TOKEN
              + "' or a client '"
              + CREDENTIAL
              + "' (id:secret)");
    }
    return credential.use(
        value -> {
          int colon = value.indexOf(':');
          if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException(
                "key '"
                    + CREDENTIAL
                    + "' of secret '"
                    + secretName
                    + "' must be id:secret, a client id and a client secret joined by ':'");
          }
          return new ClientCredential(
              Secret.of(value.substring(0, colon)), Secret.of(value.substring(colon + 1)));
        });
  }

  /**
   * A bearer token, sent as {@code Authorization: Bearer <token>} (Iceberg's {@code token}
   * property).
   *
   * @param token the token
   */
  record BearerToken(Secret token) implements CatalogCredential {
    /** Checks the token is not null. */
    public BearerToken {
      requireNonNull(token, "token");
    }
  }

  /**
   * A client id and secret, for a client-credentials grant (Iceberg's {@code credential} property).
   *
   * @param clientId the client id
   * @param clientSecret the client secret
   */
  record ClientCredential(Secret clientId, Secret clientSecret) implements CatalogCredential {
    /** Checks that no component is null. */
    public ClientCredential {
      requireNonNull(clientId, "clientId");
      requireNonNull(clientSecret, "clientSecret");
    }

    /** {@code id:secret}, the form of Iceberg's {@code credential} property, as a secret. */
    public Secret joined() {
      return clientId.use(id -> clientSecret.use(secret -> Secret.of(id + ":" + secret)));
    }
  }
}
