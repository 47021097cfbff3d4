package dev.floe.catalog;

import static java.util.Objects.requireNonNull;

import dev.floe.catalog.oauth2.OAuth2Settings;
import dev.floe.catalog.oauth2.OAuth2TokenManager;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.model.AccessDelegation;
import dev.floe.core.model.Credentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.SupportsPrefixOperations;

/**
 * The connectivity checks of one catalog profile and its storage, for {@code floe platform check}:
 * an OAuth2 token can be obtained (with its lifetime), the catalog answers ({@code /v1/config} of a
 * REST catalog, the database of a JDBC catalog), the bucket or folder is reachable. Each check has
 * its own timeout and reports a {@link Result}; {@link #runAll} runs them in parallel.
 *
 * <p>Stateless and thread-safe; every check opens and closes its own connections.
 */
public final class ConnectivityChecks {

  /**
   * The outcome of one check.
   *
   * @param name what was checked, for example {@code oauth2 token}
   * @param ok whether it succeeded
   * @param duration how long it took
   * @param detail what was found, in words (the token's lifetime, the endpoint that answered); no
   *     secret
   * @param problem the diagnostic of a failed check
   */
  public record Result(
      String name, boolean ok, Duration duration, String detail, Optional<Problem> problem) {
    /** Checks every component. */
    public Result {
      requireNonNull(name, "name");
      requireNonNull(duration, "duration");
      requireNonNull(detail, "detail");
      requireNonNull(problem, "problem");
    }
  }

  /**
   * One named check; running it never throws.
   *
   * @param name what it checks
   * @param timeout how long it may take
   * @param body the check, returning its detail or throwing
   */
  record Check(String name, Duration timeout, Supplier<String> body) {}

  private ConnectivityChecks() {}

  /**
   * Runs every check of the context in parallel, each within its timeout (the context's request
   * timeout times four, as a token request may be retried), and returns their results in order:
   * {@code oauth2 token} (OAuth2 catalogs only), {@code catalog}, {@code storage}.
   *
   * @param context the profiles to check; not null
   */
  public static List<Result> runAll(CatalogContext context) {
    requireNonNull(context, "context");
    List<Check> checks = checks(context);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            checks.size(),
            task -> {
              Thread thread = new Thread(task, "floe-connectivity-check");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<Result>> futures = new ArrayList<>();
      for (Check check : checks) {
        futures.add(pool.submit(() -> run(check, context)));
      }
      List<Result> results = new ArrayList<>();
      for (int i = 0; i < checks.size(); i++) {
        results.add(await(checks.get(i), futures.get(i), context));
      }
      return List.copyOf(results);
    } finally {
      pool.shutdownNow();
    }
  }

  static List<Check> checks(CatalogContext context) {
    Duration timeout = context.requestTimeout().multipliedBy(4);
    List<Check> checks = new ArrayList<>();
    if (context.catalog().value().credentials() instanceof Credentials.OAuth2 oauth2) {
      checks.add(new Check("oauth2 token", timeout, () -> token(context, oauth2)));
    }
    checks.add(new Check("catalog", timeout, () -> catalog(context)));
    checks.add(new Check("storage", timeout, () -> storage(context)));
    return checks;
  }

  private static Result run(Check check, CatalogContext context) {
    Instant start = context.clock().instant();
    try {
      String detail = check.body().get();
      return new Result(check.name(), true, since(start, context), detail, Optional.empty());
    } catch (RuntimeException e) {
      Problem problem = problemOf(e, context);
      return new Result(
          check.name(), false, since(start, context), problem.message(), Optional.of(problem));
    }
  }

  private static Result await(Check check, Future<Result> future, CatalogContext context) {
    try {
      return future.get(check.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      String message =
          check.name()
              + " check of '"
              + context.catalogPath()
              + "' timed out after "
              + check.timeout();
      Problem problem =
          CatalogProblems.problem(
              check.name().equals("storage") ? CatalogCode.K121 : CatalogCode.K111,
              check.name().equals("storage") ? context.storagePath() : context.catalogPath(),
              message,
              "the endpoint is slow or a firewall drops packets; check its health and the"
                  + " network path");
      return new Result(check.name(), false, check.timeout(), message, Optional.of(problem));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking connectivity", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a connectivity check failed unexpectedly", e.getCause());
    }
  }

  private static String token(CatalogContext context, Credentials.OAuth2 oauth2) {
    CatalogProperties.Plan plan = Catalogs.plan(context);
    OAuth2Settings settings =
        ProfileCredentials.oauth2(oauth2, plan.tokenEndpoint().orElseThrow(), context);
    try (OAuth2TokenManager tokens =
        OAuth2TokenManager.builder(settings).clock(context.clock()).build()) {
      tokens.token();
      String lifetime =
          tokens
              .currentExpiry()
              .map(
                  at ->
                      "valid for "
                          + Duration.between(context.clock().instant(), at).toSeconds()
                          + " s")
              .orElse("without a stated lifetime");
      return "token obtained from " + plan.tokenEndpoint().get().display() + ", " + lifetime;
    } catch (RuntimeException e) {
      throw CatalogProblems.describe(
          e, plan.where(context), CatalogProblems.Side.CATALOG, List.of(settings.clientSecret()));
    }
  }

  private static String catalog(CatalogContext context) {
    try (OpenedCatalog opened = Catalogs.open(context)) {
      return switch (opened.type()) {
        case POLARIS, REST ->
            "GET /v1/config answered by " + Catalogs.plan(context).catalog().display();
        case JDBC -> "JDBC database opened at " + Catalogs.plan(context).catalog().display();
        default -> opened.type().wire() + " catalog initialized";
      };
    }
  }

  private static String storage(CatalogContext context) {
    CatalogProperties.Plan plan = Catalogs.plan(context);
    StorageConnection storage = plan.storage();
    if (storage.s3().isEmpty()) {
      Path folder =
          dev.floe.catalog.storage.LocalPaths.resolve(context.projectDir(), storage.location());
      try {
        Files.createDirectories(folder);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      if (!Files.isWritable(folder)) {
        throw CatalogProblems.unsupported(
            CatalogCode.K124,
            context.storagePath() + ".path",
            "the warehouse folder "
                + folder
                + " of storage '"
                + context.storagePath()
                + "' is not writable",
            "make the folder writable for this user, or choose another path");
      }
      return "folder " + folder + " is writable";
    }
    if (context.catalog().value().accessDelegation() != AccessDelegation.NONE) {
      return "skipped: the catalog vends storage credentials per table";
    }
    Resources resources = new Resources();
    try (resources) {
      FileIO io = storage.open(context, resources);
      boolean empty =
          !((SupportsPrefixOperations) io)
              .listPrefix(storage.location() + "/")
              .iterator()
              .hasNext();
      return "bucket " + storage.described() + " listed" + (empty ? " (empty)" : "");
    } catch (RuntimeException e) {
      throw CatalogProblems.describe(
          e, plan.where(context), CatalogProblems.Side.STORAGE, List.of());
    }
  }

  private static Problem problemOf(RuntimeException e, CatalogContext context) {
    if (e instanceof ProblemException known) {
      return known.problems().get(0);
    }
    return CatalogProblems.describe(
            e, Catalogs.plan(context).where(context), CatalogProblems.Side.CATALOG, List.of())
        .problems()
        .get(0);
  }

  private static Duration since(Instant start, CatalogContext context) {
    Duration elapsed = Duration.between(start, context.clock().instant());
    return elapsed.isNegative() ? Duration.ZERO : elapsed;
  }
}
