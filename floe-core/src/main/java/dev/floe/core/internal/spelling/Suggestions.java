package dev.floe.core.internal.spelling;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the closest valid value for "did you mean" hints. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate closest to {@code value} by edit distance, when it is close enough to be a
   * plausible typo (distance at most a third of the longer word, at least 2), or when one is a
   * case-insensitive match or a prefix of the other.
   */
  public static Optional<String> closest(String value, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = value.toLowerCase(Locale.ROOT);
    for (String candidate : candidates) {
      String c = candidate.toLowerCase(Locale.ROOT);
      int distance = c.equals(lower) ? 0 : osa(lower, c);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = candidate;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    int limit = Math.max(2, Math.max(value.length(), best.length()) / 3);
    if (bestDistance <= limit) {
      return Optional.of(best);
    }
    // "vended" for "vended-credentials": a prefix is a plausible shorthand at any distance.
    if (lower.length() >= 3) {
      for (String candidate : candidates) {
        String c = candidate.toLowerCase(Locale.ROOT);
        if (c.startsWith(lower) || lower.startsWith(c)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** Damerau-Levenshtein distance (optimal string alignment), ignoring case. */
  public static int distance(String a, String b) {
    return osa(a.toLowerCase(Locale.ROOT), b.toLowerCase(Locale.ROOT));
  }

  private static int osa(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
