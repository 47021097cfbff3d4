package dev.floe.cli;

import static java.util.Objects.requireNonNull;

import dev.floe.core.platform.PlatformRequest;
import dev.floe.core.project.FloeProject;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may touch of the outside world: the working folder, the home folder, the
 * environment and the two output streams. Injected so that tests run the real command line
 * in-process with their own folders and variables.
 *
 * @param workDir the working folder; relative paths resolve against it
 * @param homeDir the user's home folder
 * @param env the environment variables
 * @param out standard output (results, JSON)
 * @param err standard error (diagnostics in text form, progress)
 * @param colour whether to colour text output
 */
public record Terminal(
    Path workDir,
    Path homeDir,
    Map<String, String> env,
    PrintWriter out,
    PrintWriter err,
    boolean colour) {
  public Terminal {
    requireNonNull(workDir, "workDir");
    requireNonNull(homeDir, "homeDir");
    env = Map.copyOf(env);
    requireNonNull(out, "out");
    requireNonNull(err, "err");
  }

  /**
   * Whether standard output is a terminal. Before JDK 22 a non-null {@link System#console()} means
   * one; from JDK 22 on the console is never null, and {@code Console.isTerminal()} (called
   * reflectively, floe targets Java 17) tells.
   */
  // The null check is right on the JDK 17-21 this targets; on 22+ isTerminal() decides.
  @SuppressWarnings("SystemConsoleNull")
  private static boolean interactive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException | ClassCastException e) {
      return true;
    }
  }

  /** The terminal of this process; colour only on a console and when NO_COLOR is not set. */
  public static Terminal system() {
    Map<String, String> env = System.getenv();
    boolean colour =
        interactive()
            && env.getOrDefault("NO_COLOR", "").isEmpty()
            && !"dumb".equals(env.get("TERM"));
    return new Terminal(
        Path.of("").toAbsolutePath(),
        Path.of(System.getProperty("user.home")),
        env,
        new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8),
        colour);
  }

  /** {@code path} resolved against the working folder. */
  public Path resolve(String path) {
    return workDir.resolve(path).normalize();
  }

  /** The project API over this terminal's environment variables, on the system clock. */
  FloeProject project() {
    return FloeProject.builder().variables(env).build();
  }

  /** A platform request from this terminal's working and home folders. */
  PlatformRequest.Builder platformRequest() {
    return PlatformRequest.builder().workDir(workDir).homeDir(homeDir);
  }
}
