package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the real command line in-process: {@link Main#run} with a {@link Terminal} whose working
 * folder, home folder, environment and output streams belong to the test. Every run is checked for
 * stack traces and exception names, which no command may print for a user error.
 */
final class Cli {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path workDir;
  private final Path homeDir;
  private final Map<String, String> env = new HashMap<>();

  private Cli(Path workDir, Path homeDir) {
    this.workDir = workDir;
    this.homeDir = homeDir;
  }

  /** A command line working in {@code workDir}, with an empty home and an empty environment. */
  static Cli in(Path workDir, Path homeDir) {
    return new Cli(workDir, homeDir);
  }

  /** Sets an environment variable for the following runs. */
  Cli env(String name, String value) {
    env.put(name, value);
    return this;
  }

  Path workDir() {
    return workDir;
  }

  /** What one run printed and returned. */
  record Result(int code, String out, String err) {
    /** Everything printed, for assertions that must hold on both streams. */
    String all() {
      return out + "\n" + err;
    }

    /** Parses stdout as exactly one JSON document. */
    JsonNode json() {
      return parseSingleDocument(out);
    }

    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
  }

  /**
   * Runs {@code floe args...} and checks what must hold for every command: nothing looks like a
   * Java stack trace, no colour codes on a plain terminal, and with {@code --format json} (and a
   * valid command line) exactly one JSON document on stdout and nothing on stderr.
   */
  Result run(String... args) {
    Result result = runUnchecked(args);
    assertNoStackTrace(result);
    assertThat(result.all())
        .as("no ANSI colour without a terminal:\n%s", result)
        .doesNotContain("\u001b[");
    List<String> list = List.of(args);
    int format = list.indexOf("--format");
    boolean json = format >= 0 && format + 1 < list.size() && list.get(format + 1).equals("json");
    boolean help = list.contains("--help") || list.contains("-h");
    if (json && !help && result.code() != ExitCodes.USAGE) {
      assertThat(result.err()).as("nothing on stderr with --format json:\n%s", result).isEmpty();
      JsonNode document = result.json();
      if (document.has("ok")) {
        assertThat(document.get("ok").asBoolean()).isEqualTo(result.code() == ExitCodes.OK);
      }
    }
    return result;
  }

  /** Runs {@code floe args...} without the stack-trace check. */
  Result runUnchecked(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Terminal terminal =
        new Terminal(workDir, homeDir, env, new PrintWriter(out), new PrintWriter(err), false);
    int code = Main.run(terminal, args);
    return new Result(code, out.toString(), err.toString());
  }

  /** No Java exception name and no stack frame on either stream. */
  static void assertNoStackTrace(Result result) {
    assertThat(result.all())
        .as("no stack trace or exception name in the output of a user error:\n%s", result)
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("Caused by:");
  }

  /** Parses {@code text} as one JSON document and fails when anything but whitespace follows. */
  static JsonNode parseSingleDocument(String text) {
    try (JsonParser parser = MAPPER.getFactory().createParser(text)) {
      JsonNode node = MAPPER.readTree(parser);
      assertThat(node).as("a JSON document on stdout:\n%s", text).isNotNull();
      assertThat(parser.nextToken()).as("exactly one JSON document:\n%s", text).isNull();
      return node;
    } catch (IOException e) {
      throw new AssertionError("stdout is not one JSON document:\n" + text, e);
    }
  }

  /** Returns {@code text} with the first occurrence of {@code from} replaced, failing if absent. */
  static String replaceOnce(String text, String from, String to) {
    int at = text.indexOf(from);
    assertThat(at).as("'%s' in the text to edit", from).isGreaterThanOrEqualTo(0);
    return text.substring(0, at) + to + text.substring(at + from.length());
  }

  /** Edits a file of a project copy in place. */
  static void edit(Path file, String from, String to) {
    write(file, replaceOnce(read(file), from, to));
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The repository root: the nearest folder above user.dir that holds {@code demo/}. */
  static Path repositoryRoot() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("demo").resolve("floe.yaml"))) {
        return p;
      }
    }
    throw new IllegalStateException("no demo/ folder above " + dir);
  }

  /** Files below {@code dir}, relative and with '/' separators; empty when it does not exist. */
  static List<String> filesBelow(Path dir) {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
