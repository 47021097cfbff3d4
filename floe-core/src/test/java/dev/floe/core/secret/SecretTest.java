package dev.floe.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link Secret}: every printable form is {@code ****}; the value leaves only on request. */
class SecretTest {
  private static final String CANARY = "canary-s3cr3t-value-5e1d";

  /** A record holding a secret, as runtime code might; its generated toString must not leak. */
  record Login(String user, Secret password) {}

  @Test
  void toStringIsTheMask() {
    Secret secret = Secret.of(CANARY);

    assertThat(secret.toString()).isEqualTo("****");
    assertThat(String.valueOf(secret)).isEqualTo("****");
    assertThat("password=" + secret).isEqualTo("password=****");
    assertThat(String.format("%s|%10s", secret, secret)).doesNotContain(CANARY);
    assertThat(new Login("floe", secret).toString()).isEqualTo("Login[user=floe, password=****]");
    assertThat(List.of(secret).toString()).isEqualTo("[****]");
    assertThat(Map.of("k", secret).toString()).isEqualTo("{k=****}");
    assertThat(Optional.of(secret).toString()).isEqualTo("Optional[****]");
  }

  @Test
  void jsonFormIsTheMask() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    Secret secret = Secret.of(CANARY);

    assertThat(mapper.writeValueAsString(secret)).isEqualTo("\"****\"");
    assertThat(mapper.writeValueAsString(Map.of("token", secret)))
        .isEqualTo("{\"token\":\"****\"}");
    assertThat(mapper.writeValueAsString(new Login("floe", secret)))
        .doesNotContain(CANARY)
        .contains("\"password\":\"****\"");
    assertThat(
            mapper
                .copy()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .activateDefaultTyping(
                    mapper.getPolymorphicTypeValidator(), ObjectMapper.DefaultTyping.NON_FINAL)
                .writeValueAsString(List.of(secret)))
        .doesNotContain(CANARY);
  }

  @Test
  void exceptionTextBuiltFromASecretIsMasked() {
    Secret secret = Secret.of(CANARY);

    IllegalStateException e = new IllegalStateException("login failed with " + secret);

    assertThat(e.getMessage()).isEqualTo("login failed with ****");
    assertThat(e.toString()).doesNotContain(CANARY);
  }

  @Test
  void revealAndUseAreTheWaysOut() {
    Secret secret = Secret.of(CANARY);

    assertThat(secret.reveal()).isEqualTo(CANARY);
    assertThat(secret.use(String::length)).isEqualTo(CANARY.length());
    assertThat(new String(secret.revealChars())).isEqualTo(CANARY);
  }

  @Test
  void charArraysAreCopied() {
    char[] chars = CANARY.toCharArray();
    Secret secret = Secret.of(chars);

    java.util.Arrays.fill(chars, 'x');

    assertThat(secret.reveal()).isEqualTo(CANARY);
    char[] out = secret.revealChars();
    java.util.Arrays.fill(out, 'y');
    assertThat(secret.reveal()).isEqualTo(CANARY);
  }

  @Test
  void equalityIsIdentityAndHashCodeSaysNothingAboutTheValue() {
    Secret a = Secret.of(CANARY);
    Secret b = Secret.of(CANARY);

    assertThat(a).isNotEqualTo(b).isEqualTo(a);
    assertThat(a.hashCode()).isEqualTo(System.identityHashCode(a));
    assertThat(a.sameValueAs(b)).isTrue();
    assertThat(a.sameValueAs(Secret.of(CANARY + "x"))).isFalse();
    assertThat(a.sameValueAs(Secret.of("other"))).isFalse();
  }

  @Test
  void isNotJavaSerializable() {
    assertThat(Serializable.class.isAssignableFrom(Secret.class)).isFalse();
  }

  @Test
  void redactHidesTheValueInOtherText() {
    Secret secret = Secret.of(CANARY);
    Secret longer = Secret.of(CANARY + "-longer");

    assertThat(secret.redact("driver said: bad password '" + CANARY + "' for user x"))
        .isEqualTo("driver said: bad password '****' for user x");
    assertThat(secret.redact("nothing here")).isEqualTo("nothing here");
    assertThat(Secret.redact("a " + CANARY + "-longer b " + CANARY, List.of(secret, longer)))
        .isEqualTo("a **** b ****");
    assertThat(Secret.of("").redact("text")).isEqualTo("text");
  }

  @Test
  void destroyWipesTheValue() {
    Secret secret = Secret.of(CANARY);

    secret.destroy();

    assertThat(secret.isDestroyed()).isTrue();
    assertThat(secret.toString()).isEqualTo("****");
    assertThat(secret.redact(CANARY)).isEqualTo(CANARY);
    assertThatThrownBy(secret::reveal)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the secret was destroyed");
  }

  @Test
  void multiKeySecretShowsKeyNamesOnly() {
    MultiKeySecret login =
        new MultiKeySecret(
            "warehouse-login", Map.of("user", Secret.of(CANARY), "password", Secret.of(CANARY)));

    assertThat(login.toString())
        .doesNotContain(CANARY)
        .contains("****")
        .startsWith("warehouse-login{");
    assertThat(login.require("user").reveal()).isEqualTo(CANARY);
    assertThatThrownBy(() -> login.require("token"))
        .hasMessage("secret 'warehouse-login' has no key 'token'");
  }
}
