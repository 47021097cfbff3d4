package dev.floe.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.diag.Disclosure;
import dev.floe.core.diag.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code floe scan} words {@code FLOE-X040} like the floe.yaml check: "'key' looks like …". */
class FindingTest {
  private static Finding finding(CredentialRule rule, String key) {
    return new Finding(
        rule, Path.of("/repo/config/db.yaml"), "config/db.yaml", 3, 13, 20, key, "sha256:0");
  }

  @Test
  void namesTheKeyAndTheKindOfCredential() {
    Problem p = finding(CredentialRule.SECRET_ASSIGNMENT, "password").problem();

    assertThat(p.message())
        .isEqualTo(
            "'password' looks like a high-entropy value under a secret-like key"
                + " (rule secret-assignment)");
    assertThat(p.code()).isEqualTo("FLOE-X040");
    assertThat(p.disclosure()).isEqualTo(Disclosure.SECRET);
  }

  @Test
  void aCredentialNotUnderAKeyIsAValue() {
    assertThat(finding(CredentialRule.JWT, "").message())
        .isEqualTo("A value looks like a JSON Web Token (rule jwt)");
  }
}
