package dev.floe.cli;

import dev.floe.core.platform.PlatformRequest;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --env NAME} or {@code --platform PATH}; at most one. */
final class PlatformChoice {
  @Option(
      names = "--env",
      paramLabel = "NAME",
      description =
          "The environment: platform/NAME/platform.yaml (default: FLOE_PLATFORM_ENV, else local).")
  String env;

  @Option(
      names = "--platform",
      paramLabel = "PATH",
      description = "A platform.yaml file or an environment folder.")
  Path platform;

  static Optional<String> env(PlatformChoice choice) {
    return choice == null ? Optional.empty() : Optional.ofNullable(choice.env);
  }

  static Optional<Path> platform(PlatformChoice choice) {
    return choice == null ? Optional.empty() : Optional.ofNullable(choice.platform);
  }

  /** The platform request these options make, from the terminal's folders. */
  static PlatformRequest request(Terminal terminal, PlatformChoice choice) {
    PlatformRequest.Builder request = terminal.platformRequest();
    env(choice).ifPresent(request::environment);
    platform(choice).ifPresent(request::platform);
    return request.build();
  }
}
