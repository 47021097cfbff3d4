package dev.floe.core.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SourceTextsTest {
  @Test
  void splitsLinesAtEveryLineEnding() {
    assertThat(SourceTexts.lines("")).containsExactly("");
    assertThat(SourceTexts.lines("a\nb\r\nc\rd")).containsExactly("a", "b", "c", "d");
    assertThat(SourceTexts.lines("\n\r\n\r")).containsExactly("", "", "", "");
    assertThat(SourceTexts.lines("a\r\r\nb\n")).containsExactly("a", "", "b", "");
  }

  @Test
  void splitsLinesAsTheLineEndingPatternDoes() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    char[] alphabet = {'a', 'b', ' ', '\n', '\r', '\t', '#'};
    for (int n = 0; n < 2000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(20);
      for (int i = 0; i < length; i++) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String t = text.toString();
      assertThat(SourceTexts.lines(t))
          .as("seed %d, text %s", seed, t.replace("\r", "\\r").replace("\n", "\\n"))
          .isEqualTo(List.of(t.split("\r?\n|\r", -1)));
    }
  }

  @Test
  void recordsTheLinesOfAText() {
    SourceTexts texts = new SourceTexts();
    texts.put("f.yaml", "one\r\ntwo\n");
    texts.hide("f.yaml", 1, 0, 2);
    assertThat(texts.line("f.yaml", 2)).contains("two");
    assertThat(texts.line("f.yaml", 3)).contains("");
    assertThat(texts.line("f.yaml", 4)).isEmpty();
    assertThat(texts.hidden("f.yaml", 1)).hasSize(1);

    texts.put("f.yaml", "one");
    assertThat(texts.hidden("f.yaml", 1)).isEmpty();
  }
}
