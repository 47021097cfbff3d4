package dev.floe.core.platform;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which platform to find, and from where: what {@code --env NAME} and {@code --platform PATH} say,
 * the working folder and the user's home folder. The process's environment variables ({@code
 * FLOE_PLATFORM_ENV}, {@code FLOE_PLATFORM_FILE}, {@code FLOE_*}) are not part of the request: the
 * {@code FloeProject} that handles it supplies them. Build one with {@link #builder()}. Immutable
 * and thread-safe.
 *
 * @param platform {@code --platform PATH}: a platform.yaml or an environment folder, relative to
 *     the working folder; empty to search
 * @param environment {@code --env NAME}; empty for {@code FLOE_PLATFORM_ENV}, else {@code local}
 * @param workDir the working folder: relative paths resolve against it and problems name files
 *     relative to it
 * @param homeDir the user's home folder, whose {@code .floe/<env>/platform.yaml} is searched last
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record PlatformRequest(
    Optional<Path> platform, Optional<String> environment, Path workDir, Path homeDir) {
  public PlatformRequest {
    requireNonNull(platform, "platform");
    requireNonNull(environment, "environment");
    requireNonNull(workDir, "workDir");
    requireNonNull(homeDir, "homeDir");
  }

  /**
   * A builder that searches from this process's working folder and the user's home folder ({@code
   * user.home}), for the environment that {@code FLOE_PLATFORM_ENV} names, else {@code local}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PlatformRequest}; every setting is optional. Not thread-safe. */
  public static final class Builder {
    private @Nullable Path platform;
    private @Nullable String environment;
    private Path workDir = Path.of("").toAbsolutePath();
    private Path homeDir = Path.of(System.getProperty("user.home", ""));

    private Builder() {}

    /**
     * Uses the platform at {@code path} ({@code --platform}) instead of searching.
     *
     * @param path a platform.yaml or an environment folder; not null
     */
    public Builder platform(Path path) {
      this.platform = requireNonNull(path, "path");
      return this;
    }

    /**
     * Looks for environment {@code name} ({@code --env}); an invalid name is reported as a problem
     * when the platform is looked up, not here.
     *
     * @param name e.g. {@code dev}; not null
     */
    public Builder environment(String name) {
      this.environment = requireNonNull(name, "name");
      return this;
    }

    /**
     * The working folder; default: the process's.
     *
     * @param dir not null
     */
    public Builder workDir(Path dir) {
      this.workDir = requireNonNull(dir, "dir");
      return this;
    }

    /**
     * The user's home folder; default: {@code user.home}.
     *
     * @param dir not null
     */
    public Builder homeDir(Path dir) {
      this.homeDir = requireNonNull(dir, "dir");
      return this;
    }

    /** The request. */
    public PlatformRequest build() {
      return new PlatformRequest(
          Optional.ofNullable(platform), Optional.ofNullable(environment), workDir, homeDir);
    }
  }
}
