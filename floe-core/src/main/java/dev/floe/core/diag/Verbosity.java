package dev.floe.core.diag;

import dev.floe.core.api.Api;

/**
 * How much a renderer shows of a {@link Problem}. {@link #NORMAL} is what users see; {@link #DEBUG}
 * (the CLI's {@code --debug}) adds each problem's {@linkplain Problem#cause() cause} with its stack
 * trace, for reporting a bug in floe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public enum Verbosity {
  /** The problem as designed: message, position, snippet, help. Never a stack trace. */
  NORMAL,
  /** Also the cause of each problem that has one: class, message and stack trace. */
  DEBUG
}
