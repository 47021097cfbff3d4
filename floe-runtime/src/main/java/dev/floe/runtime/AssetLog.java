package dev.floe.runtime;

import dev.floe.core.api.Api;
import org.jspecify.annotations.Nullable;

/**
 * An asset's logger. Messages use {@code {}} placeholders as in SLF4J; a trailing {@link Throwable}
 * argument is logged with its message. Lines go to the run's output, prefixed with the asset name,
 * and never to a tracing or lineage endpoint.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public interface AssetLog {
  /** Logs at INFO. */
  void info(String message, @Nullable Object... args);

  /** Logs at WARN. */
  void warn(String message, @Nullable Object... args);

  /** Logs at ERROR. */
  void error(String message, @Nullable Object... args);
}
