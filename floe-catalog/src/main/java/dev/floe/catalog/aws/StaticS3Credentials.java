package dev.floe.catalog.aws;

import static java.util.Objects.requireNonNull;

import dev.floe.catalog.failure.MissingSecretKeyException;
import dev.floe.core.secret.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Static S3 keys from a resolved multi-key secret: the {@code static} credentials mode of an {@code
 * s3} storage profile. The secret holds {@value #ACCESS_KEY_ID}, {@value #SECRET_ACCESS_KEY} and
 * optionally {@value #SESSION_TOKEN}.
 *
 * <p>Stateless and thread-safe.
 */
public final class StaticS3Credentials {
  /** The key holding the access key id. */
  public static final String ACCESS_KEY_ID = "access_key_id";

  /** The key holding the secret access key. */
  public static final String SECRET_ACCESS_KEY = "secret_access_key";

  /** The optional key holding a session token (temporary credentials). */
  public static final String SESSION_TOKEN = "session_token";

  private StaticS3Credentials() {}

  /**
   * A credentials provider over the keys of the secret {@code secretName}: session credentials when
   * {@value #SESSION_TOKEN} is present, basic credentials otherwise. The values are handed to the
   * AWS SDK's credentials objects, which do not print them.
   *
   * @param secretName the secret's name, for messages; not null
   * @param keys the resolved keys of the secret; not null
   * @throws MissingSecretKeyException naming the secret and every missing key (never a value) when
   *     {@value #ACCESS_KEY_ID} or {@value #SECRET_ACCESS_KEY} is absent
   */
  public static AwsCredentialsProvider provider(String secretName, Map<String, Secret> keys) {
    requireNonNull(secretName, "secretName");
    requireNonNull(keys, "keys");
    List<String> missing = new ArrayList<>();
    for (String key : List.of(ACCESS_KEY_ID, SECRET_ACCESS_KEY)) {
      if (keys.get(key) == null) {
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      throw new MissingSecretKeyException(
          secretName,
          missing,
          "secret '"
              + secretName
              + "' has no key "
              + String.join(" and no key ", missing.stream().map(k -> "'" + k + "'").toList())
              + ": static S3 credentials need '"
              + ACCESS_KEY_ID
              + "' and '"
              + SECRET_ACCESS_KEY
              + "' (and optionally '"
              + SESSION_TOKEN
              + "')");
    }
    Secret sessionToken = keys.get(SESSION_TOKEN);
    AwsCredentials credentials =
        sessionToken == null
            ? AwsBasicCredentials.builder()
                .accessKeyId(keys.get(ACCESS_KEY_ID).reveal())
                .secretAccessKey(keys.get(SECRET_ACCESS_KEY).reveal())
                .providerName("StaticS3Credentials")
                .build()
            : AwsSessionCredentials.builder()
                .accessKeyId(keys.get(ACCESS_KEY_ID).reveal())
                .secretAccessKey(keys.get(SECRET_ACCESS_KEY).reveal())
                .sessionToken(sessionToken.reveal())
                .providerName("StaticS3Credentials")
                .build();
    return StaticCredentialsProvider.create(credentials);
  }
}
