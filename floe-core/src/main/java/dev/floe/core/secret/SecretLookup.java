package dev.floe.core.secret;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of looking up one {@link SecretRequirement}: where each value was found, every place
 * tried, and — when something is missing — the diagnostic. The values stay inside: {@link #value()}
 * and {@link #values()} hand them out as {@link Secret}s, and {@link #toString()} shows names and
 * places only. Immutable and thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class SecretLookup {
  private final SecretRequirement requirement;
  private final Map<String, Secret> values;
  private final List<SecretLocation> found;
  private final List<SecretLocation> tried;
  private final List<String> missingKeys;
  private final Optional<Problem> problem;

  SecretLookup(
      SecretRequirement requirement,
      Map<String, Secret> values,
      List<SecretLocation> found,
      List<SecretLocation> tried,
      List<String> missingKeys,
      Optional<Problem> problem) {
    this.requirement = requireNonNull(requirement, "requirement");
    this.values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.found = List.copyOf(found);
    this.tried = List.copyOf(tried);
    this.missingKeys = List.copyOf(missingKeys);
    this.problem = requireNonNull(problem, "problem");
  }

  /** What was looked up. */
  public SecretRequirement requirement() {
    return requirement;
  }

  /** True when the value (every required key of one alternative, for a multi-key secret) exists. */
  public boolean isFound() {
    return problem.isEmpty();
  }

  /** Where each value found came from; for a multi-key secret one place per key found. */
  public List<SecretLocation> found() {
    return found;
  }

  /** Every place consulted, in order, including those that held a value. */
  public List<SecretLocation> tried() {
    return tried;
  }

  /** The places consulted that held nothing usable. */
  public List<SecretLocation> misses() {
    return tried.stream().filter(t -> !found.contains(t)).toList();
  }

  /**
   * For an incomplete multi-key secret, the required keys that are missing (of the alternative
   * closest to complete); empty when found, and for a missing single value.
   */
  public List<String> missingKeys() {
    return missingKeys;
  }

  /** The diagnostic ({@code FLOE-C033} or {@code FLOE-C034}) when not found. */
  public Optional<Problem> problem() {
    return problem;
  }

  /**
   * The value of a single-value secret.
   *
   * @throws ProblemException with the diagnostic when it was not found
   * @throws IllegalStateException for a multi-key secret
   */
  public Secret value() {
    if (requirement.isMultiKey()) {
      throw new IllegalStateException("'" + requirement.name() + "' is a multi-key secret");
    }
    throwIfMissing();
    return requireNonNull(
        values.get(""), "the value of a single-key secret is held under the key \"\"");
  }

  /**
   * The keys of a multi-key secret.
   *
   * @throws ProblemException with the diagnostic when it is missing or incomplete
   * @throws IllegalStateException for a single-value secret
   */
  public MultiKeySecret values() {
    if (!requirement.isMultiKey()) {
      throw new IllegalStateException("'" + requirement.name() + "' is a single-value secret");
    }
    throwIfMissing();
    return new MultiKeySecret(requirement.name(), values);
  }

  private void throwIfMissing() {
    if (problem.isPresent()) {
      throw new ProblemException(problem.get());
    }
  }

  /** Name, field and places; never a value. */
  @Override
  public String toString() {
    return "SecretLookup["
        + requirement.name()
        + " for "
        + requirement.field()
        + (isFound() ? ", found in " + found : ", missing; tried " + tried)
        + "]";
  }
}
