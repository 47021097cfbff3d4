package dev.floe.runtime.sql;

import java.nio.charset.StandardCharsets;

/**
 * The text of one {@code .sql} file, turning DuckDB's positions (UTF-8 byte offsets) into character
 * offsets and 1-based lines and columns.
 */
final class SqlText {
  private final String text;

  SqlText(String text) {
    this.text = text;
  }

  String text() {
    return text;
  }

  /** The character index of the UTF-8 byte {@code offset}, clamped to the text. */
  int charOffset(long byteOffset) {
    long bytes = 0;
    int i = 0;
    while (i < text.length() && bytes < byteOffset) {
      int codePoint = text.codePointAt(i);
      bytes += utf8Length(codePoint);
      i += Character.charCount(codePoint);
    }
    return i;
  }

  /** The characters of {@code byteLength} UTF-8 bytes from character {@code start}. */
  int charLength(int start, long byteLength) {
    long bytes = 0;
    int i = start;
    while (i < text.length() && bytes < byteLength) {
      int codePoint = text.codePointAt(i);
      bytes += utf8Length(codePoint);
      i += Character.charCount(codePoint);
    }
    return i - start;
  }

  /**
   * The characters of the dotted name at {@code start} ({@code bronze.orders}, {@code "silver"."Stg
   * Orders"}), at most {@code limit}: DuckDB's length of a table reference also covers its alias.
   */
  int nameLength(int start, int limit) {
    int end = Math.min(text.length(), start + limit);
    int i = start;
    while (i < end) {
      if (text.charAt(i) == '"') {
        i++;
        while (i < end && (text.charAt(i) != '"' || (i + 1 < end && text.charAt(i + 1) == '"'))) {
          i += text.charAt(i) == '"' ? 2 : 1;
        }
        i = Math.min(end, i + 1);
      } else {
        while (i < end && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
          i++;
        }
      }
      if (i < end && text.charAt(i) == '.') {
        i++;
      } else {
        break;
      }
    }
    return i > start ? i - start : limit;
  }

  /** The 1-based line and column of character {@code offset}: {@code [line, column]}. */
  int[] lineColumn(int offset) {
    int line = 1;
    int lineStart = 0;
    int end = Math.min(offset, text.length());
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, end - lineStart + 1};
  }

  /** The byte length of the whole text in UTF-8. */
  long byteLength() {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static int utf8Length(int codePoint) {
    if (codePoint < 0x80) {
      return 1;
    }
    if (codePoint < 0x800) {
      return 2;
    }
    return codePoint < 0x10000 ? 3 : 4;
  }
}
