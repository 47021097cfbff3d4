package dev.floe.core.scan;

import dev.floe.core.internal.credential.CredentialKeys;

/**
 * What the detector adds to the credential vocabulary of {@link CredentialKeys}: which keys name an
 * AWS secret access key or an Azure account key, whose values have a known shape. Whether a key
 * holds a secret at all is {@link CredentialKeys#isCredential}, shared with the validator and the
 * masker. Stateless.
 */
final class SecretKeyNames {
  private SecretKeyNames() {}

  /** True when {@code key} names an AWS secret access key. */
  static boolean awsSecretAccessKey(String key) {
    String joined = String.join("_", CredentialKeys.words(key));
    return joined.endsWith("secret_access_key")
        || (joined.contains("aws") && joined.endsWith("secret_key"));
  }

  /** True when {@code key} names an Azure storage account key. */
  static boolean azureAccountKey(String key) {
    String joined = String.join("_", CredentialKeys.words(key));
    return joined.endsWith("account_key")
        || joined.endsWith("storage_key")
        || (joined.contains("azure") && joined.endsWith("key"));
  }
}
