package dev.floe.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.diag.SourceMap;
import dev.floe.core.internal.digest.Hashes;
import org.junit.jupiter.api.Test;

class LoadedTest {
  @Test
  void aTextIsHashedOnFirstUseAsItWouldBeUpFront() {
    String text = "name: ünïcode\n";
    Loaded<String> deferred = Loaded.ofText("model", "floe.yaml", SourceMap.EMPTY, text);
    Loaded<String> known = new Loaded<>("model", "floe.yaml", SourceMap.EMPTY, Hashes.sha256(text));

    assertThat(deferred.sha256()).isEqualTo(Hashes.sha256(text)).isEqualTo(deferred.sha256());
    assertThat(deferred).isEqualTo(known).hasSameHashCodeAs(known);
    assertThat(deferred).hasToString(known.toString());
    assertThat(deferred.toString()).startsWith("Loaded[value=model, file=floe.yaml, sourceMap=");
  }

  @Test
  void differsByEveryComponent() {
    Loaded<String> a = Loaded.ofText("model", "floe.yaml", SourceMap.EMPTY, "a");
    assertThat(a)
        .isNotEqualTo(Loaded.ofText("other", "floe.yaml", SourceMap.EMPTY, "a"))
        .isNotEqualTo(Loaded.ofText("model", "other.yaml", SourceMap.EMPTY, "a"))
        .isNotEqualTo(Loaded.ofText("model", "floe.yaml", SourceMap.EMPTY, "b"));
  }
}
