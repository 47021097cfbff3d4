package dev.floe.runtime.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlTextTest {
  @Test
  void linesAndColumnsFollowEveryLineBreak() {
    SqlText text = new SqlText("a\nbc\r\nd\re");
    assertThat(text.lineColumn(0)).containsExactly(1, 1);
    assertThat(text.lineColumn(3)).containsExactly(2, 2);
    assertThat(text.lineColumn(6)).containsExactly(3, 1);
    assertThat(text.lineColumn(8)).containsExactly(4, 1);
  }

  @Test
  void byteOffsetsBecomeCharacterOffsets() {
    SqlText text = new SqlText("é✓😀x");
    assertThat(text.byteLength()).isEqualTo(2 + 3 + 4 + 1);
    assertThat(text.charOffset(2)).isEqualTo(1);
    assertThat(text.charOffset(5)).isEqualTo(2);
    assertThat(text.charOffset(9)).isEqualTo(4);
    assertThat(text.charLength(2, 7)).isEqualTo(3);
    assertThat(text.charOffset(100)).isEqualTo(5);
  }

  @Test
  void nameLengthsStopBeforeTheAlias() {
    SqlText text = new SqlText("FROM bronze.orders o, \"a\"\"b\".\"c d\" x, t");
    assertThat(text.nameLength(5, 15)).isEqualTo("bronze.orders".length());
    int quoted = text.text().indexOf('"');
    assertThat(text.nameLength(quoted, 12)).isEqualTo("\"a\"\"b\".\"c d\"".length());
    assertThat(text.nameLength(text.text().length() - 1, 1)).isEqualTo(1);
    assertThat(text.nameLength(0, 0)).isZero();
  }
}
