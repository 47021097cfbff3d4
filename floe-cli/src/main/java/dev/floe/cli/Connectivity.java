package dev.floe.cli;

import dev.floe.catalog.CatalogContext;
import dev.floe.catalog.ConnectivityChecks;
import dev.floe.core.compile.CompiledArtifacts.Resolved;
import dev.floe.core.diag.Problem;
import dev.floe.core.model.CatalogProfile;
import dev.floe.core.model.PlatformObservability;
import dev.floe.core.model.PlatformSpec;
import dev.floe.core.model.StorageProfile;
import dev.floe.core.model.StringOrSecret;
import dev.floe.core.secret.ResolvedSetting;
import dev.floe.core.secret.SecretResolver;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLException;

/**
 * The endpoint checks of {@code floe platform check}: for every catalog profile (with the storage
 * profile of the same name, else {@code default}, else the first) the checks of {@link
 * ConnectivityChecks} — OAuth2 token, catalog, warehouse storage — and the OTLP and lineage
 * endpoints answering HTTP. Profiles are checked in parallel, each check within its timeout. No
 * check shows a secret: a hidden endpoint is named {@code secret_ref:NAME}.
 */
final class Connectivity {
  /** The time one request may take before its check fails. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private Connectivity() {}

  /**
   * One endpoint check.
   *
   * @param name what was checked, e.g. {@code catalogs.default catalog}
   * @param ok whether it succeeded
   * @param duration how long it took
   * @param detail what was found, in words, never a secret
   * @param problem the diagnostic of a failed check
   */
  record Result(
      String name, boolean ok, Duration duration, String detail, Optional<Problem> problem) {}

  static List<Result> run(
      PlatformSpec platform, SecretResolver secrets, Path projectDir, Map<String, String> env) {
    List<CompletableFuture<List<Result>>> work = new ArrayList<>();
    for (Map.Entry<String, CatalogProfile> catalog : platform.catalogs().entrySet()) {
      Optional<Map.Entry<String, StorageProfile>> storage = storageFor(platform, catalog.getKey());
      if (storage.isEmpty()) {
        continue;
      }
      CatalogContext context =
          new CatalogContext(
              new Resolved<>(catalog.getKey(), catalog.getValue()),
              new Resolved<>(storage.get().getKey(), storage.get().getValue()),
              secrets,
              projectDir,
              Clock.systemUTC(),
              env,
              REQUEST_TIMEOUT);
      String prefix = "catalogs." + catalog.getKey() + " ";
      work.add(
          CompletableFuture.supplyAsync(
              () ->
                  ConnectivityChecks.runAll(context).stream()
                      .map(
                          r ->
                              new Result(
                                  prefix + r.name(), r.ok(), r.duration(), r.detail(), r.problem()))
                      .toList()));
    }
    PlatformObservability observability = platform.observability();
    if (observability.signals().traces() || observability.signals().metrics()) {
      observability
          .otlpEndpoint()
          .ifPresent(
              e ->
                  work.add(
                      http(
                          "observability.otlp_endpoint",
                          e,
                          "observability.otlp_endpoint",
                          secrets)));
    }
    if (observability.signals().lineage()) {
      observability
          .lineageEndpoint()
          .ifPresent(
              e ->
                  work.add(
                      http(
                          "observability.lineage_endpoint",
                          e,
                          "observability.lineage_endpoint",
                          secrets)));
    }
    List<Result> results = new ArrayList<>();
    work.forEach(w -> results.addAll(w.join()));
    return List.copyOf(results);
  }

  /** The storage profile a catalog's tables live in: same name, else default, else the first. */
  static Optional<Map.Entry<String, StorageProfile>> storageFor(
      PlatformSpec platform, String catalog) {
    Map<String, StorageProfile> storage = platform.storage();
    if (storage.containsKey(catalog)) {
      return Optional.of(Map.entry(catalog, storage.get(catalog)));
    }
    if (storage.containsKey("default")) {
      return Optional.of(Map.entry("default", storage.get("default")));
    }
    return storage.entrySet().stream().findFirst().map(e -> Map.entry(e.getKey(), e.getValue()));
  }

  /** An HTTP endpoint answers at all (any status): it is reachable. */
  private static CompletableFuture<List<Result>> http(
      String name, StringOrSecret endpoint, String field, SecretResolver secrets) {
    return CompletableFuture.supplyAsync(
        () -> {
          Instant start = Instant.now();
          String shown = field;
          try {
            ResolvedSetting setting = secrets.resolve(endpoint, field);
            shown = setting.display();
            HttpClient client =
                HttpClient.newBuilder()
                    .connectTimeout(REQUEST_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            HttpResponse<Void> response =
                client.send(
                    HttpRequest.newBuilder(URI.create(setting.reveal()))
                        .timeout(REQUEST_TIMEOUT)
                        .GET()
                        .build(),
                    HttpResponse.BodyHandlers.discarding());
            return List.of(
                new Result(
                    name,
                    true,
                    Duration.between(start, Instant.now()),
                    shown + " answered HTTP " + response.statusCode(),
                    Optional.empty()));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(failed(name, start, shown, "interrupted"));
          } catch (Exception e) {
            return List.of(failed(name, start, shown, reason(e)));
          }
        });
  }

  private static Result failed(String name, Instant start, String endpoint, String reason) {
    String message = "Cannot reach " + endpoint + ": " + reason;
    return new Result(
        name,
        false,
        Duration.between(start, Instant.now()),
        message,
        Optional.of(
            Problem.error(CliCode.L002, message)
                .path(name)
                .hint(
                    "check the endpoint, that its server runs, and the network between this"
                        + " machine and it; observability never fails a run, but spans or lineage"
                        + " would be dropped")
                .build()));
  }

  /** The failure in words, without the exception's own text (which may quote a URL's query). */
  private static String reason(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return "connection refused";
      }
      if (t instanceof HttpTimeoutException) {
        return "timed out after " + REQUEST_TIMEOUT.toSeconds() + " s";
      }
      if (t instanceof UnknownHostException) {
        return "unknown host";
      }
      if (t instanceof SSLException) {
        return "TLS handshake failed";
      }
      if (t instanceof IllegalArgumentException) {
        return "not a valid URL";
      }
    }
    return "no answer (" + e.getClass().getSimpleName() + ")";
  }
}
