package dev.floe.cli;

import dev.floe.core.platform.PlatformRequest;
import java.nio.file.Path;
import java.util.Optional;

/** {@code --env NAME} or {@code --platform PATH}; at most one. */
final class PlatformChoice {
  String env;

  Path platform;

  /** Adds {@code [--env=NAME | --platform=PATH]}, setting these fields, to {@code args}. */
  void addTo(Args args) {
    args.exclusive(
        Arg.option(String.class, v -> env = v, "--env")
            .paramLabel("NAME")
            .description(
                "The environment: platform/NAME/platform.yaml (default: FLOE_PLATFORM_ENV,"
                    + " else local)."),
        Arg.option(Path.class, v -> platform = v, "--platform")
            .paramLabel("PATH")
            .description("A platform.yaml file or an environment folder."));
  }

  /** Whether the command line gave {@code --env} or {@code --platform}. */
  boolean given() {
    return env != null || platform != null;
  }

  Optional<String> env() {
    return Optional.ofNullable(env);
  }

  Optional<Path> platform() {
    return Optional.ofNullable(platform);
  }

  /** The platform request these options make, from the terminal's folders. */
  PlatformRequest request(Terminal terminal) {
    PlatformRequest.Builder request = terminal.platformRequest();
    if (env != null) {
      request.environment(env);
    }
    if (platform != null) {
      request.platform(platform);
    }
    return request.build();
  }
}
