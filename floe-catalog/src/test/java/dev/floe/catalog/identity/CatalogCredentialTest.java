package dev.floe.catalog.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.catalog.failure.MissingSecretKeyException;
import dev.floe.core.secret.Secret;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link CatalogCredential}: a catalog's static credentials from a multi-key secret. */
class CatalogCredentialTest {
  private static final String TOKEN = "canary-catalog-bearer-0e9f";
  private static final String CLIENT_SECRET = "canary-catalog-client-secret-8d21";

  @Test
  void aTokenKeyIsABearerToken() {
    CatalogCredential credential =
        CatalogCredential.fromStaticSecret("polaris", Map.of("token", Secret.of(TOKEN)));

    assertThat(credential).isInstanceOf(CatalogCredential.BearerToken.class);
    assertThat(((CatalogCredential.BearerToken) credential).token().reveal()).isEqualTo(TOKEN);
    assertThat(credential.toString()).doesNotContain(TOKEN);
  }

  @Test
  void aCredentialKeyIsAClientIdAndSecret() {
    CatalogCredential credential =
        CatalogCredential.fromStaticSecret(
            "polaris", Map.of("credential", Secret.of("floe-client:" + CLIENT_SECRET)));

    assertThat(credential)
        .isInstanceOfSatisfying(
            CatalogCredential.ClientCredential.class,
            c -> {
              assertThat(c.clientId().reveal()).isEqualTo("floe-client");
              assertThat(c.clientSecret().reveal()).isEqualTo(CLIENT_SECRET);
              assertThat(c.joined().reveal()).isEqualTo("floe-client:" + CLIENT_SECRET);
              assertThat(c.toString()).doesNotContain(CLIENT_SECRET).doesNotContain("floe-client");
            });
  }

  @Test
  void neitherKeyNamesTheSecretAndBothKeys() {
    assertThatThrownBy(() -> CatalogCredential.fromStaticSecret("polaris", Map.of()))
        .isInstanceOfSatisfying(
            MissingSecretKeyException.class,
            e -> {
              assertThat(e.secretName()).isEqualTo("polaris");
              assertThat(e.missingKeys()).containsExactly("token", "credential");
              assertThat(e.getMessage())
                  .startsWith("secret 'polaris' has neither key 'token' nor key 'credential'");
            });
  }

  @Test
  void bothKeysOrAMalformedCredentialAreRejectedWithoutTheValue() {
    assertThatThrownBy(
            () ->
                CatalogCredential.fromStaticSecret(
                    "polaris",
                    Map.of(
                        "token", Secret.of(TOKEN), "credential", Secret.of("a:" + CLIENT_SECRET))))
        .hasMessageContaining("has both 'token' and 'credential'")
        .hasMessageNotContaining(TOKEN);
    assertThatThrownBy(
            () ->
                CatalogCredential.fromStaticSecret(
                    "polaris", Map.of("credential", Secret.of(CLIENT_SECRET))))
        .hasMessage(
            "key 'credential' of secret 'polaris' must be id:secret, a client id and a client"
                + " secret joined by ':'")
        .hasMessageNotContaining(CLIENT_SECRET);
  }
}
