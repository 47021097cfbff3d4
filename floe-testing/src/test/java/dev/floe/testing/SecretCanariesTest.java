package dev.floe.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCanariesTest {

  @Test
  void makesUniqueCanariesOfAFixedShape() {
    SecretCanaries canaries = SecretCanaries.create();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      String canary = canaries.next();
      assertThat(canary).matches("floe-canary-[0-9a-f]{16}");
      assertThat(seen.add(canary)).isTrue();
    }
    assertThat(canaries.issued()).hasSize(1_000).containsExactlyInAnyOrderElementsOf(seen);
  }

  @Test
  void repeatsItsCanariesForTheSameSeed() {
    long seed = 20_261_201L;
    SecretCanaries first = SecretCanaries.withSeed(seed);
    SecretCanaries second = SecretCanaries.withSeed(seed);

    assertThat(first.next()).as("seed %d", seed).isEqualTo(second.next());
    assertThat(first.next()).as("seed %d", seed).isEqualTo(second.next());
    assertThat(SecretCanaries.withSeed(seed + 1).next()).isNotEqualTo(first.issued().get(0));
  }

  @Test
  void findsACanaryInTextAndShowsWhere() {
    SecretCanaries canaries = SecretCanaries.withSeed(1);
    String secret = canaries.next();

    assertThatCode(() -> canaries.assertAbsentFrom("client_secret=<masked>"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> canaries.assertAbsentFrom("line 1\nclient_secret=" + secret + "\n"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(secret)
        .hasMessageContaining("at offset 21")
        .hasMessageContaining("client_secret=" + secret);
  }

  @Test
  void findsACanaryInBytesInUtf8AndUtf16() {
    SecretCanaries canaries = SecretCanaries.withSeed(2);
    String secret = canaries.next();

    assertThatThrownBy(
            () -> canaries.assertAbsentFrom(("x" + secret).getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("at offset 1");
    assertThatThrownBy(() -> canaries.assertAbsentFrom(secret.getBytes(StandardCharsets.UTF_16LE)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("UTF-16LE");
    assertThatCode(() -> canaries.assertAbsentFrom(new byte[] {1, 2, 3}))
        .doesNotThrowAnyException();
  }

  @Test
  void findsACanaryInAnyFileOrFileNameOfATree(@TempDir Path root) throws Exception {
    SecretCanaries canaries = SecretCanaries.withSeed(3);
    String inFile = canaries.next();
    String inName = canaries.next();
    Files.createDirectories(root.resolve("a/b"));
    Files.writeString(root.resolve("a/b/clean.log"), "nothing to see");
    canaries.assertAbsentFrom(root);

    Files.writeString(root.resolve("a/b/run.json"), "{\"token\":\"" + inFile + "\"}");
    assertThatThrownBy(() -> canaries.assertAbsentFrom(root))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(inFile)
        .hasMessageContaining("run.json");

    Files.delete(root.resolve("a/b/run.json"));
    Files.writeString(root.resolve("a/" + inName + ".txt"), "");
    assertThatThrownBy(() -> canaries.assertAbsentFrom(root))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("file name");
  }
}
