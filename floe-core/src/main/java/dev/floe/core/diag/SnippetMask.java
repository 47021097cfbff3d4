package dev.floe.core.diag;

import dev.floe.core.internal.credential.SecretMask;
import java.util.List;

/**
 * A source line as a snippet shows it: {@link SecretMask}'s masking, then the ranges the loader
 * marked as secret in {@link SourceTexts} (credentials the detector found, keys included), each
 * replaced by the fixed mask. Maps original columns to columns of the shown text for the caret.
 */
final class SnippetMask {
  private final String text;
  private final SecretMask.Masked first;
  private final int[] second;

  private SnippetMask(String text, SecretMask.Masked first, int[] second) {
    this.text = text;
    this.first = first;
    this.second = second;
  }

  /** Applies {@code hidden} (ranges of the original line) over {@code masked}. */
  static SnippetMask of(SecretMask.Masked masked, List<int[]> hidden) {
    String once = masked.text();
    boolean[] hide = new boolean[once.length()];
    for (int[] range : hidden) {
      int from = masked.map(range[0]);
      int to = masked.map(range[1]);
      for (int i = Math.max(0, from); i < Math.min(once.length(), to); i++) {
        hide[i] = true;
      }
    }
    StringBuilder out = new StringBuilder();
    int[] starts = new int[once.length()];
    for (int i = 0; i < once.length(); i++) {
      starts[i] = out.length();
      if (hide[i]) {
        if (i == 0 || !hide[i - 1]) {
          out.append(SecretMask.MASK);
        }
      } else {
        out.append(once.charAt(i));
      }
    }
    return new SnippetMask(out.toString(), masked, starts);
  }

  /** The text to show. */
  String text() {
    return text;
  }

  /** The index in {@link #text()} of the original 0-based column. */
  int map(int column) {
    int once = first.map(column);
    if (once <= 0) {
      return 0;
    }
    return once >= second.length ? text.length() : second[once];
  }
}
