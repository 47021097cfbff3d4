package dev.floe.catalog.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.catalog.failure.MissingSecretKeyException;
import dev.floe.core.secret.Secret;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** {@link StaticS3Credentials}: keys of a resolved multi-key secret. */
class StaticS3CredentialsTest {
  private static final String SECRET = "canary-static-secret-key-3b8d";
  private static final String TOKEN = "canary-static-session-token-77c2";

  @Test
  void basicCredentialsFromTheTwoKeys() {
    AwsCredentials credentials =
        StaticS3Credentials.provider(
                "minio-credentials",
                Map.of(
                    "access_key_id", Secret.of("AKIAMINIO"),
                    "secret_access_key", Secret.of(SECRET)))
            .resolveCredentials();

    assertThat(credentials).isInstanceOf(AwsBasicCredentials.class);
    assertThat(credentials.accessKeyId()).isEqualTo("AKIAMINIO");
    assertThat(credentials.secretAccessKey()).isEqualTo(SECRET);
    assertThat(credentials.toString()).doesNotContain(SECRET);
  }

  @Test
  void sessionCredentialsWhenASessionTokenIsPresent() {
    AwsCredentials credentials =
        StaticS3Credentials.provider(
                "s3-temporary",
                Map.of(
                    "access_key_id", Secret.of("ASIATEMP"),
                    "secret_access_key", Secret.of(SECRET),
                    "session_token", Secret.of(TOKEN)))
            .resolveCredentials();

    assertThat(credentials).isInstanceOf(AwsSessionCredentials.class);
    assertThat(((AwsSessionCredentials) credentials).sessionToken()).isEqualTo(TOKEN);
    assertThat(credentials.toString()).doesNotContain(SECRET).doesNotContain(TOKEN);
  }

  @Test
  void missingKeysNameTheSecretAndEveryMissingKeyButNoValue() {
    assertThatThrownBy(
            () ->
                StaticS3Credentials.provider(
                    "minio-credentials", Map.of("session_token", Secret.of(TOKEN))))
        .isInstanceOfSatisfying(
            MissingSecretKeyException.class,
            e -> {
              assertThat(e.secretName()).isEqualTo("minio-credentials");
              assertThat(e.missingKeys()).containsExactly("access_key_id", "secret_access_key");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "secret 'minio-credentials' has no key 'access_key_id' and no key"
                          + " 'secret_access_key': static S3 credentials need 'access_key_id'"
                          + " and 'secret_access_key' (and optionally 'session_token')")
                  .doesNotContain(TOKEN);
            });
  }
}
