package dev.floe.core.scan;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The patterns of one {@code .gitignore} file (or {@code .git/info/exclude}), with gitignore(5)
 * semantics: blank lines and {@code #} comments ignored, trailing unescaped spaces dropped, {@code
 * !} negates, a trailing {@code /} matches folders only, a {@code /} at the start or in the middle
 * anchors the pattern to the file's folder (otherwise it matches a name at any depth), {@code *}
 * and {@code ?} and {@code [...]} never match {@code /}, and {@code **} matches any number of
 * folders in {@code **}{@code /x}, {@code x/**} and {@code x/**}{@code /y}. Within one file the
 * last matching pattern decides. Immutable.
 *
 * <p>A small implementation rather than a dependency: the scanner needs only to decide, folder by
 * folder, what git would not track; git's own matcher, JGit, is far too heavy for that.
 */
final class GitIgnore {
  /** What a file's patterns say about a path. */
  enum Verdict {
    IGNORED,
    INCLUDED,
    /** No pattern matched: a file higher up decides. */
    UNDECIDED
  }

  private record Rule(Pattern pattern, boolean negated, boolean folderOnly, boolean anchored) {}

  private final Path folder;
  private final List<Rule> rules;

  private GitIgnore(Path folder, List<Rule> rules) {
    this.folder = folder;
    this.rules = List.copyOf(rules);
  }

  /** The patterns of {@code text}, relative to {@code folder}. */
  static GitIgnore parse(Path folder, String text) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : text.split("\r\n|\n|\r", -1)) {
      rule(raw).ifPresent(rules::add);
    }
    return new GitIgnore(requireNonNull(folder, "folder"), rules);
  }

  /**
   * The patterns of {@code file} relative to {@code folder}; empty when there is no such regular
   * file or it cannot be read (git would not use it either).
   */
  static Optional<GitIgnore> read(Path folder, Path file) {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(folder, Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException | java.io.UncheckedIOException e) {
      return Optional.empty();
    }
  }

  /** The folder the patterns are relative to. */
  Path folder() {
    return folder;
  }

  /** What the patterns say about {@code path}, a file or folder below {@link #folder()}. */
  Verdict check(Path path, boolean isFolder) {
    if (!path.startsWith(folder) || path.equals(folder)) {
      return Verdict.UNDECIDED;
    }
    String relative = folder.relativize(path).toString().replace('\\', '/');
    Path name = path.getFileName();
    String base = name == null ? relative : name.toString();
    for (int i = rules.size() - 1; i >= 0; i--) {
      Rule rule = rules.get(i);
      if (rule.folderOnly() && !isFolder) {
        continue;
      }
      String subject = rule.anchored() ? relative : base;
      if (rule.pattern().matcher(subject).matches()) {
        return rule.negated() ? Verdict.INCLUDED : Verdict.IGNORED;
      }
    }
    return Verdict.UNDECIDED;
  }

  /** The repository root at or above {@code dir}: the nearest folder holding {@code .git}. */
  static Optional<Path> repositoryRoot(Path dir) {
    for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  private static Optional<Rule> rule(String raw) {
    String line = stripTrailingSpaces(raw);
    if (line.isEmpty() || line.startsWith("#")) {
      return Optional.empty();
    }
    boolean negated = false;
    if (line.startsWith("!")) {
      negated = true;
      line = line.substring(1);
    }
    boolean folderOnly = false;
    if (line.endsWith("/") && !line.endsWith("\\/")) {
      folderOnly = true;
      line = line.substring(0, line.length() - 1);
    }
    if (line.isEmpty()) {
      return Optional.empty();
    }
    boolean anchored = line.contains("/");
    if (line.startsWith("/")) {
      line = line.substring(1);
    }
    if (line.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Rule(Pattern.compile(regex(line)), negated, folderOnly, anchored));
  }

  /** Drops trailing spaces unless escaped with a backslash. */
  private static String stripTrailingSpaces(String line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ') {
      int backslashes = 0;
      for (int i = end - 2; i >= 0 && line.charAt(i) == '\\'; i--) {
        backslashes++;
      }
      if (backslashes % 2 == 1) {
        break;
      }
      end--;
    }
    return line.substring(0, end);
  }

  /** The glob as a regular expression over a '/'-separated relative path. */
  static String regex(String glob) {
    StringBuilder out = new StringBuilder();
    int n = glob.length();
    int i = 0;
    while (i < n) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < n && glob.charAt(i + 1) == '*') {
        boolean atStart = i == 0 || glob.charAt(i - 1) == '/';
        int after = i + 2;
        while (after < n && glob.charAt(after) == '*') {
          after++;
        }
        if (atStart && after < n && glob.charAt(after) == '/') {
          out.append("(?:.*/)?"); // **/ : zero or more folders
          i = after + 1;
        } else if (atStart && after == n) {
          out.append(".*"); // trailing /** : everything inside
          i = after;
        } else {
          out.append("[^/]*"); // any other ** is a plain *
          i = after;
        }
      } else if (c == '*') {
        out.append("[^/]*");
        i++;
      } else if (c == '?') {
        out.append("[^/]");
        i++;
      } else if (c == '[') {
        int close = classEnd(glob, i);
        if (close < 0) {
          out.append("\\[");
          i++;
        } else {
          out.append(characterClass(glob.substring(i + 1, close)));
          i = close + 1;
        }
      } else if (c == '\\' && i + 1 < n) {
        out.append(Pattern.quote(String.valueOf(glob.charAt(i + 1))));
        i += 2;
      } else {
        out.append(Pattern.quote(String.valueOf(c)));
        i++;
      }
    }
    return out.toString();
  }

  /** The index of the {@code ]} closing the class opened at {@code open}, or -1. */
  private static int classEnd(String glob, int open) {
    int i = open + 1;
    if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
      i++;
    }
    if (i < glob.length() && glob.charAt(i) == ']') {
      i++; // a ']' first is a member
    }
    while (i < glob.length()) {
      char c = glob.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == ']') {
        return i;
      }
      i++;
    }
    return -1;
  }

  private static String characterClass(String body) {
    StringBuilder members = new StringBuilder();
    boolean negated = false;
    int i = 0;
    if (!body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^')) {
      negated = true;
      i = 1;
    }
    for (; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        i++;
        c = body.charAt(i);
      } else if (c == '-' && members.length() > 0 && i + 1 < body.length()) {
        members.append('-'); // a range
        continue;
      }
      if (Character.isLetterOrDigit(c)) {
        members.append(c);
      } else {
        members.append('\\').append(c);
      }
    }
    // Like every wildcard, a class never matches '/'.
    return negated ? "(?:(?!/)[^" + members + "])" : "[" + members + "]";
  }
}
