package dev.floe.testing.runtime;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import dev.floe.runtime.RunResult;
import dev.floe.runtime.RunResult.AssetResult;
import dev.floe.runtime.RunResult.AssetStatus;
import java.util.List;
import java.util.OptionalLong;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link RunResult}, usually through {@link FloeTestProject#assertThatRun}:
 *
 * <pre>{@code
 * project.assertThatRun(run)
 *     .assetFailed("enrich")
 *     .assetSkipped("report")
 *     .assetSucceeded("orders")
 *     .hasRows("orders", 100);
 * }</pre>
 *
 * <p>Failure messages name the asset, its status and its one-line error. Not thread-safe, like
 * every AssertJ assertion.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class RunAssert extends AbstractAssert<RunAssert, RunResult> {

  private RunAssert(RunResult actual) {
    super(actual, RunAssert.class);
  }

  /** Assertions on {@code result}. */
  public static RunAssert assertThat(RunResult result) {
    return new RunAssert(requireNonNull(result, "result"));
  }

  /** Verifies that every selected asset succeeded; the failure lists those that did not. */
  public RunAssert succeeded() {
    isNotNull();
    List<AssetResult> others =
        actual.assets().stream().filter(a -> a.status() != AssetStatus.SUCCESS).toList();
    if (!actual.succeeded() || !others.isEmpty()) {
      StringBuilder message =
          new StringBuilder("Expecting run ")
              .append(actual.runId())
              .append(" of ")
              .append(actual.pipeline())
              .append(" to succeed but ")
              .append(others.size())
              .append(" of ")
              .append(actual.assets().size())
              .append(actual.assets().size() == 1 ? " asset" : " assets")
              .append(" did not:");
      for (AssetResult a : others) {
        message.append("\n  ").append(describe(a));
      }
      failWithMessage("%s", message.toString());
    }
    return this;
  }

  /** Verifies that at least one asset failed. */
  public RunAssert failed() {
    isNotNull();
    if (actual.succeeded()) {
      failWithMessage(
          "%s",
          "Expecting run "
              + actual.runId()
              + " of "
              + actual.pipeline()
              + " to fail but every asset succeeded: "
              + names());
    }
    return this;
  }

  /** Verifies that asset {@code name} ran and succeeded. */
  public RunAssert assetSucceeded(String name) {
    return hasStatus(name, AssetStatus.SUCCESS);
  }

  /** Verifies that asset {@code name} ran and threw. */
  public RunAssert assetFailed(String name) {
    return hasStatus(name, AssetStatus.FAILED);
  }

  /**
   * Verifies that asset {@code name} failed with an error (the one-line {@code ExceptionType:
   * message} of the run document) containing {@code text}.
   */
  public RunAssert assetFailedWith(String name, String text) {
    requireNonNull(text, "text");
    AssetResult a = asset(name);
    hasStatus(name, AssetStatus.FAILED);
    String error = a.error().orElse("");
    if (!error.contains(text)) {
      failWithMessage(
          "%s",
          "Expecting asset "
              + name
              + " to fail with an error containing \""
              + text
              + "\" but its error is \""
              + error
              + "\"");
    }
    return this;
  }

  /** Verifies that asset {@code name} was skipped because an upstream asset failed. */
  public RunAssert assetSkipped(String name) {
    return hasStatus(name, AssetStatus.SKIPPED);
  }

  /** Verifies that asset {@code name} reported {@code rows} rows (returned or written). */
  public RunAssert hasRows(String name, long rows) {
    AssetResult a = asset(name);
    OptionalLong reported = a.rows();
    if (reported.isEmpty() || reported.getAsLong() != rows) {
      failWithMessage(
          "%s",
          "Expecting asset "
              + name
              + " to report "
              + rows
              + (rows == 1 ? " row" : " rows")
              + " but it "
              + (reported.isPresent()
                  ? "reported " + reported.getAsLong()
                  : "reported no row count (" + describe(a) + ")"));
    }
    return this;
  }

  private RunAssert hasStatus(String name, AssetStatus expected) {
    AssetResult a = asset(name);
    if (a.status() != expected) {
      failWithMessage(
          "%s",
          "Expecting asset "
              + name
              + " to have "
              + expectation(expected)
              + " but it "
              + outcome(a));
    }
    return this;
  }

  private AssetResult asset(String name) {
    requireNonNull(name, "name");
    isNotNull();
    return actual
        .asset(name)
        .orElseThrow(
            () ->
                failure(
                    "%s",
                    "Expecting asset "
                        + name
                        + " in run "
                        + actual.runId()
                        + " but the run has no such asset; it ran "
                        + names()));
  }

  private List<String> names() {
    return actual.assets().stream().map(AssetResult::name).toList();
  }

  private static String expectation(AssetStatus status) {
    return switch (status) {
      case SUCCESS -> "succeeded";
      case FAILED -> "failed";
      case SKIPPED -> "been skipped";
    };
  }

  private static String describe(AssetResult a) {
    return a.name() + " " + outcome(a);
  }

  private static String outcome(AssetResult a) {
    String error = a.error().orElse("");
    return switch (a.status()) {
      case SUCCESS -> "succeeded";
      case FAILED -> "failed: " + error;
      case SKIPPED -> "was skipped (" + error.replaceFirst("^skipped: ", "") + ")";
    };
  }
}
