package dev.floe.cli;

/** Counts in words, singular or plural as the number says: "1 file", "2 files", "0 files". */
final class Counts {
  private Counts() {}

  /** {@code n} and {@code noun}, with an {@code s} unless {@code n} is 1. */
  static String of(long n, String noun) {
    return of(n, noun, noun + "s");
  }

  /** {@code n} and {@code singular} when {@code n} is 1, else {@code plural}. */
  static String of(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
