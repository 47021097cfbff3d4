package dev.floe.core.model;

import dev.floe.core.api.Api;
import java.util.regex.Pattern;

/** Environment names: {@code platform/<env>/}, {@code --env}, {@code FLOE_PLATFORM_ENV}. */
@Api(status = Api.Status.EXPERIMENTAL)
public final class Environments {
  /** Lower-case letters, digits and hyphens; any name ({@code sandbox-team-a}). */
  public static final Pattern NAME_PATTERN =
      Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");

  /** The environment used when none is named. */
  public static final String DEFAULT = "local";

  private Environments() {}

  /** True when {@code name} is a valid environment name. */
  public static boolean isValid(String name) {
    return NAME_PATTERN.matcher(name).matches();
  }
}
