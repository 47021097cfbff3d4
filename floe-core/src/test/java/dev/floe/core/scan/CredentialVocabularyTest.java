package dev.floe.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.SourceTexts;
import dev.floe.core.internal.credential.CredentialKeys;
import dev.floe.core.internal.credential.SecretMask;
import dev.floe.core.internal.load.ConfigLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The validator, the snippet masker and the detector share one credential-key vocabulary ({@link
 * CredentialKeys}), so they give the same verdict for every key: a key that holds a secret is
 * refused with a plain value in platform.yaml ({@code FLOE-C030}), masked in snippets and scanned
 * as a credential; any other key is accepted, shown and left alone.
 */
class CredentialVocabularyTest {
  /** Random-looking, so that the detector flags it under a secret key; no token rule matches it. */
  private static final String VALUE = "Zq8vX3mK9pL2wR7t";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "password",
        "dbPassword",
        "db_password",
        "DB-PASSWORD",
        "snowflake_password",
        "minio_secret_key",
        "passwd",
        "api_key",
        "apiKey",
        "x-api-key",
        "private_key",
        "client_secret",
        "clientSecret",
        "session_token",
        "token",
        "access_token",
        "secret_access_key",
        "s3.secret-access-key",
        "account_key",
        "encryption_key",
        "key_password",
        "service_account_json",
        "credential",
        "spark.hadoop.fs.s3a.secret.key"
      })
  void allThreeTreatASecretKeyAsASecret(String key) {
    assertThat(verdicts(key)).as(key).containsExactly(true, true, true, true, true);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "token_endpoint",
        "token_refresh_enabled",
        "token-expires-in-ms",
        "secret_ref",
        "client_id",
        "session_name",
        "token_file",
        "password_file",
        "web_identity_token_file",
        "role_arn",
        "external_id",
        "key_id",
        "access_key_id",
        "s3.access-key-id",
        "private_key_id",
        "oauth2-server-uri",
        "scope",
        "header.X-Client"
      })
  void allThreeLeaveAnyOtherKeyAlone(String key) {
    assertThat(verdicts(key)).as(key).containsExactly(false, false, false, false, false);
  }

  /** The matcher, the validator, the masker, the detector's key test and its scan: secret? */
  private static List<Boolean> verdicts(String key) {
    return List.of(
        CredentialKeys.isCredential(key),
        validatorRefuses(key),
        maskerHides(key),
        CredentialDetector.secretKey(key),
        detectorFlags(key));
  }

  private static boolean validatorRefuses(String key) {
    String platform =
        "version: \"1.0.0\"\n"
            + "catalogs:\n"
            + "  default:\n"
            + "    type: rest\n"
            + "    uri: https://catalog.example.com/api/catalog\n"
            + "    warehouse: demo\n"
            + "    properties:\n"
            + "      \""
            + key
            + "\": "
            + VALUE
            + "\n";
    try {
      new ConfigLoader(new SourceTexts(), Map.of()).platformText("platform.yaml", platform);
      return false;
    } catch (ProblemException e) {
      List<String> codes = e.problems().stream().map(Problem::code).distinct().toList();
      assertThat(codes).as("problems of %s", key).containsExactly("FLOE-C030");
      return true;
    }
  }

  private static boolean maskerHides(String key) {
    String line = "      " + key + ": " + VALUE;
    return !SecretMask.line(line, -1).text().contains(VALUE);
  }

  private static boolean detectorFlags(String key) {
    return !CredentialDetector.scan(key + ": " + VALUE + "\n", Syntax.YAML).hits().isEmpty();
  }
}
