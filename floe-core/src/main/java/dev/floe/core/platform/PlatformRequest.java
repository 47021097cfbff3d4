package dev.floe.core.platform;

import static java.util.Objects.requireNonNull;

import dev.floe.core.diag.SourcePosition;
import dev.floe.core.internal.load.PlatformLocator;
import dev.floe.core.model.FloeSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link PlatformLocator} needs to find a platform.
 *
 * @param platformOption {@code --platform PATH}: a platform.yaml or an environment folder
 * @param envOption {@code --env NAME}
 * @param projectDir the folder holding floe.yaml
 * @param workDir the working folder
 * @param homeDir the user's home folder
 * @param env the process environment
 * @param pin floe.yaml's {@code platform:} pin, and where it is written
 */
public record PlatformRequest(
    Optional<Path> platformOption,
    Optional<String> envOption,
    Path projectDir,
    Path workDir,
    Path homeDir,
    Map<String, String> env,
    Optional<Pin> pin) {
  public PlatformRequest {
    requireNonNull(platformOption, "platformOption");
    requireNonNull(envOption, "envOption");
    requireNonNull(projectDir, "projectDir");
    requireNonNull(workDir, "workDir");
    requireNonNull(homeDir, "homeDir");
    env = Map.copyOf(env);
    requireNonNull(pin, "pin");
  }

  /** A registry pin and its position in floe.yaml. */
  public record Pin(FloeSpec.PlatformPin pin, Optional<SourcePosition> position) {}

  /** A request from the current process: its working folder, home and environment. */
  public static PlatformRequest fromProcess(
      Optional<Path> platformOption, Optional<String> envOption, Path projectDir) {
    return new PlatformRequest(
        platformOption,
        envOption,
        projectDir,
        Path.of("").toAbsolutePath(),
        Path.of(System.getProperty("user.home")),
        System.getenv(),
        Optional.empty());
  }

  /** The same request with a registry pin. */
  public PlatformRequest withPin(Pin newPin) {
    return new PlatformRequest(
        platformOption, envOption, projectDir, workDir, homeDir, env, Optional.of(newPin));
  }
}
