package dev.floe.core.diag;

import dev.floe.core.api.Api;
import java.util.regex.Pattern;

/**
 * A stable problem code: {@code FLOE-} + a letter + three digits, and a few words naming the kind
 * of problem. floe-core's codes are {@link Code}; another module owns its codes in its own enum
 * that implements this interface, under a letter reserved for it in {@code docs/errors.md}, and
 * lists them through a {@link ProblemCodes} provider. Implementations must be immutable and
 * thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public interface ProblemCode {
  /** The form of every code as printed: {@code FLOE-} + an upper-case letter + three digits. */
  Pattern ID = Pattern.compile("FLOE-[A-Z][0-9]{3}");

  /**
   * The code as printed, e.g. {@code FLOE-S010}; it never changes meaning once released.
   *
   * @return an identifier matching {@link #ID}; never null
   */
  String id();

  /**
   * A few lower-case words naming the kind of problem, as in the code's heading of {@code
   * docs/errors.md}, e.g. {@code unknown key}.
   *
   * @return the title; never null or blank
   */
  String title();
}
