package dev.floe.core.internal.credential;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides what may be a credential in a line of configuration before it is shown in a diagnostic: the
 * value of every credential-like key (also a near miss such as {@code client_secert}, and in flow
 * mappings {@code {token: x, api_key: y}}) and the user-info of every URL. Stateless.
 */
public final class SecretMask {
  /** What replaces a hidden value; fixed, so that the length of a secret is not shown either. */
  public static final String MASK = "****";

  private static final Pattern KEY =
      Pattern.compile("(?<![A-Za-z0-9_.-])([\"']?)([A-Za-z0-9_.-]+)\\1\\s*:(?=\\s|$)");
  private static final Pattern USER_INFO =
      Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://([^/?#\\s@\"']+)@");

  private SecretMask() {}

  /**
   * A line with its secrets hidden, and where each column of the original now is.
   *
   * @param text the masked line
   * @param starts for each original column index (0-based), its index in {@code text}
   */
  // The array is a lookup table built and read only by the masker; a Masked is never compared
  // or hashed, so the record's reference semantics for it do not matter.
  @SuppressWarnings("ArrayRecordComponent")
  public record Masked(String text, int[] starts) {
    /** The 0-based index in the masked text of the original index {@code column}. */
    public int map(int column) {
      if (column <= 0) {
        return 0;
      }
      return column >= starts.length ? text.length() : starts[column];
    }
  }

  /** Masks a line; {@code alsoFrom} (0-based, or -1) hides everything from that column on. */
  public static Masked line(String line, int alsoFrom) {
    List<int[]> ranges = new ArrayList<>();
    Matcher url = USER_INFO.matcher(line);
    while (url.find()) {
      ranges.add(new int[] {url.start(1), url.end(1)});
    }
    Matcher key = KEY.matcher(line);
    while (key.find()) {
      String name = key.group(2);
      if (!CredentialKeys.resembles(name)) {
        continue;
      }
      int start = skipSpaces(line, key.end());
      if (start >= line.length()) {
        continue;
      }
      if (line.charAt(start) == '{') {
        maskFlowValues(line, start + 1, ranges);
        continue;
      }
      int end = inFlow(line, key.start()) ? flowValueEnd(line, start) : line.length();
      ranges.add(new int[] {start, end});
    }
    if (alsoFrom >= 0 && alsoFrom < line.length()) {
      ranges.add(new int[] {alsoFrom, line.length()});
    }
    return apply(line, ranges);
  }

  /** Inside {@code {...}} after a credential key: every value but the secret reference's. */
  private static void maskFlowValues(String line, int from, List<int[]> ranges) {
    Matcher key = KEY.matcher(line);
    key.region(from, line.length());
    int close = closingBrace(line, from);
    while (key.find() && key.start() < close) {
      String name = key.group(2);
      int start = skipSpaces(line, key.end());
      int end = flowValueEnd(line, start);
      if (!name.equals("secret_ref") && !name.startsWith("x-") && start < end) {
        ranges.add(new int[] {start, end});
      }
    }
  }

  private static int closingBrace(String line, int from) {
    return end(line, from, false);
  }

  private static boolean inFlow(String line, int position) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < position; i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if ((c == '}' || c == ']') && depth > 0) {
        depth--;
      }
    }
    return depth > 0;
  }

  /** The end of a flow value: the next ',' or closing bracket outside quotes, else the line end. */
  private static int flowValueEnd(String line, int start) {
    return end(line, start, true);
  }

  /** The closing bracket of the current level (or, with {@code atComma}, a ',' first). */
  private static int end(String line, int from, boolean atComma) {
    char quote = 0;
    int depth = 0;
    for (int i = from; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (depth == 0) {
          return i;
        }
        depth--;
      } else if (atComma && c == ',' && depth == 0) {
        return i;
      }
    }
    return line.length();
  }

  private static int skipSpaces(String line, int from) {
    int i = from;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static Masked apply(String line, List<int[]> ranges) {
    boolean[] hidden = new boolean[line.length()];
    for (int[] r : ranges) {
      for (int i = Math.max(0, r[0]); i < Math.min(line.length(), r[1]); i++) {
        hidden[i] = true;
      }
    }
    StringBuilder out = new StringBuilder();
    int[] starts = new int[line.length()];
    for (int i = 0; i < line.length(); i++) {
      starts[i] = out.length();
      if (hidden[i]) {
        if (i == 0 || !hidden[i - 1]) {
          out.append(MASK);
        }
      } else {
        out.append(line.charAt(i));
      }
    }
    return new Masked(out.toString(), starts);
  }
}
