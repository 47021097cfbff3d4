package dev.floe.runtime.compute;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.model.ComputeProfile;
import dev.floe.core.model.ComputeSettings;
import dev.floe.core.secret.SecretResolver;
import dev.floe.runtime.RuntimeCode;
import java.nio.file.Path;

/**
 * Opens the compute engine of a compiled compute profile: embedded DuckDB for {@code duckdb}, a
 * JDBC connection factory for {@code postgres}, {@code trino}, {@code snowflake} and {@code
 * redshift}. Stateless and thread-safe.
 */
@Api(status = Api.Status.INTERNAL)
public final class ComputeEngines {
  private ComputeEngines() {}

  /**
   * Opens {@code profile} now: DuckDB opens (or creates) its database and applies its settings; a
   * JDBC engine checks that its driver is on the class path and resolves its login (it connects at
   * each {@link ComputeEngine#connect()}).
   *
   * @param profile the compute profile and its name, as CompiledArtifacts holds it
   * @param secrets resolves the profile's login, at once
   * @param projectDir the folder holding floe.yaml: relative database and temp paths start here
   * @return the engine, which the caller closes
   * @throws ProblemException {@code FLOE-U040} when the engine cannot be opened, {@code FLOE-U042}
   *     when its JDBC driver is missing, {@code FLOE-U043} for an engine this version cannot
   *     connect, {@code FLOE-C033}/{@code C034} for a missing secret
   */
  public static ComputeEngine open(
      CompiledArtifacts.Resolved<ComputeProfile> profile, SecretResolver secrets, Path projectDir) {
    requireNonNull(profile, "profile");
    requireNonNull(secrets, "secrets");
    requireNonNull(projectDir, "projectDir");
    ComputeSettings settings = profile.value().settings();
    if (settings instanceof ComputeSettings.DuckDb duckDb) {
      return DuckDbEngine.open(profile.profile(), duckDb, projectDir.toAbsolutePath().normalize());
    }
    if (settings instanceof ComputeSettings.BigQuery
        || settings instanceof ComputeSettings.Databricks
        || settings instanceof ComputeSettings.Spark) {
      throw notSupported(profile);
    }
    JdbcTarget target = JdbcTarget.of(profile.profile(), settings);
    return JdbcEngine.open(profile, target, secrets);
  }

  private static ProblemException notSupported(CompiledArtifacts.Resolved<ComputeProfile> profile) {
    String type = profile.value().type().wire();
    return new ProblemException(
        Problem.error(
                RuntimeCode.U043,
                "Cannot open compute '"
                    + ComputeProblems.path(profile.profile())
                    + "' of type "
                    + type
                    + ": this version of floe has no connection for "
                    + type
                    + " yet")
            .path(ComputeProblems.path(profile.profile()) + ".type")
            .hint(
                "use duckdb (embedded), postgres, trino, snowflake or redshift (JDBC); for "
                    + type
                    + ", inject the application's own client with"
                    + " FloeDefinitions.builder().resource(Type.class, instance)")
            .build());
  }
}
