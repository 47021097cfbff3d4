package dev.floe.cli;

import dev.floe.testing.DemoProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one set-up of the command-line tests that run on the demo project: a fresh copy of it ({@link
 * DemoProject}) as the working folder, an empty home folder beside it, and a {@link Cli} working
 * there with an empty environment.
 */
abstract class OnDemoProject {
  @TempDir Path temp;

  /** The copy of the demo project. */
  DemoProject demo;

  /** Its folder, the working folder of {@link #cli}. */
  Path project;

  /** An empty home folder. */
  Path home;

  /** The command line in {@link #project}. */
  Cli cli;

  @BeforeEach
  final void copyDemo() throws IOException {
    demo = DemoProject.copyTo(temp.resolve("project"));
    project = demo.root();
    home = Files.createDirectories(temp.resolve("home"));
    cli = Cli.in(project, home);
  }
}
