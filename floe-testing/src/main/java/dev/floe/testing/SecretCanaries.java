package dev.floe.testing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Unique secret values ("canaries") for tests that must prove a secret never leaks: give a canary
 * to the code under test as a secret, then assert that no output, log, file or byte stream contains
 * it.
 *
 * <pre>{@code
 * SecretCanaries canaries = SecretCanaries.create();
 * String secret = canaries.next();               // floe-canary-3f9c2a0b7d41e6a5
 * String report = runWithClientSecret(secret);
 * canaries.assertAbsentFrom(report);
 * canaries.assertAbsentFrom(projectDir);         // every file name and file under it
 * }</pre>
 *
 * <p>A canary is {@value #PREFIX} followed by 16 lower-case hex digits, so it never occurs by
 * chance. Every canary this instance has made is checked. Instances are safe for use by several
 * threads.
 */
public final class SecretCanaries {

  /** The start of every canary. */
  public static final String PREFIX = "floe-canary-";

  private static final int CONTEXT = 20;

  private final Random random;
  private final Set<String> issued = new LinkedHashSet<>();

  private SecretCanaries(Random random) {
    this.random = random;
  }

  /**
   * Creates canaries from a secure random source: they differ between runs.
   *
   * @return a new instance with no canary yet
   */
  public static SecretCanaries create() {
    return new SecretCanaries(new SecureRandom());
  }

  /**
   * Creates canaries from a seeded random source, so that a run can be repeated exactly.
   *
   * @param seed the seed; the same seed gives the same canaries in the same order
   * @return a new instance with no canary yet
   */
  public static SecretCanaries withSeed(long seed) {
    return new SecretCanaries(new Random(seed));
  }

  /**
   * Makes a new canary, different from every canary this instance made before.
   *
   * @return {@code floe-canary-} and 16 hex digits
   */
  public synchronized String next() {
    while (true) {
      byte[] bytes = new byte[8];
      random.nextBytes(bytes);
      String canary = PREFIX + HexFormat.of().formatHex(bytes);
      if (issued.add(canary)) {
        return canary;
      }
    }
  }

  /**
   * Returns the canaries made so far, in the order they were made.
   *
   * @return an immutable snapshot
   */
  public synchronized List<String> issued() {
    return List.copyOf(issued);
  }

  /**
   * Asserts that no canary occurs in {@code text}.
   *
   * @param text the text to search; not {@code null}
   * @throws AssertionError naming the canary, its offset and the text around it
   */
  public void assertAbsentFrom(String text) {
    requireNonNull(text, "text");
    for (String canary : issued()) {
      int at = text.indexOf(canary);
      if (at >= 0) {
        throw leak(canary, "the text", at, excerpt(text, at, canary.length()));
      }
    }
  }

  /**
   * Asserts that no canary occurs in {@code bytes}, encoded as UTF-8 or UTF-16 (either byte order).
   *
   * @param bytes the bytes to search; not {@code null}
   * @throws AssertionError naming the canary, its encoding and its offset
   */
  public void assertAbsentFrom(byte[] bytes) {
    requireNonNull(bytes, "bytes");
    check(bytes, "the bytes");
  }

  /**
   * Asserts that no canary occurs in a file, or in any file under a folder or in any of their names
   * (relative to {@code root}); symbolic links are not followed.
   *
   * @param root a file or folder; not {@code null}
   * @throws AssertionError naming the canary and the file it is in
   * @throws UncheckedIOException if a file cannot be read
   */
  public void assertAbsentFrom(Path root) {
    requireNonNull(root, "root");
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
    for (Path file : files) {
      String name = root.relativize(file).toString();
      for (String canary : issued()) {
        if (name.contains(canary)) {
          throw new AssertionError(
              "secret canary " + canary + " leaked into the file name " + file);
        }
      }
      if (Files.isRegularFile(file)) {
        try {
          check(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + file, e);
        }
      }
    }
  }

  private void check(byte[] bytes, String where) {
    for (String canary : issued()) {
      for (java.nio.charset.Charset charset :
          List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
        int at = indexOf(bytes, canary.getBytes(charset));
        if (at >= 0) {
          String shown =
              charset.equals(StandardCharsets.UTF_8)
                  ? excerpt(
                      new String(bytes, StandardCharsets.UTF_8),
                      textOffset(bytes, at),
                      canary.length())
                  : charset.name() + " bytes";
          throw leak(canary, where, at, shown);
        }
      }
    }
  }

  private static int textOffset(byte[] bytes, int byteOffset) {
    return new String(bytes, 0, byteOffset, StandardCharsets.UTF_8).length();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static String excerpt(String text, int at, int length) {
    int from = Math.max(0, at - CONTEXT);
    int to = Math.min(text.length(), at + length + CONTEXT);
    return (from > 0 ? "…" : "")
        + text.substring(from, to).replace("\n", "\\n")
        + (to < text.length() ? "…" : "");
  }

  private static AssertionError leak(String canary, String where, int offset, String context) {
    return new AssertionError(
        "secret canary "
            + canary
            + " leaked into "
            + where
            + " at offset "
            + offset
            + ": "
            + context);
  }

  @Override
  public String toString() {
    return "SecretCanaries[" + issued().size() + " issued]";
  }
}
