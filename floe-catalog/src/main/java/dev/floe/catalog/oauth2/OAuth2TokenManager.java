package dev.floe.catalog.oauth2;

import static java.util.Objects.requireNonNull;

import dev.floe.catalog.oauth2.OAuth2Exception.Kind;
import dev.floe.core.secret.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;

/**
 * Obtains OAuth2 access tokens with the client-credentials grant, caches them and refreshes them
 * before they expire.
 *
 * <p>{@link #token()} returns the cached token while it is usable. Once its refresh time has come
 * (see {@link RefreshPolicy}), the first caller starts a refresh on the refresh executor and every
 * caller, that one included, keeps getting the still-usable token without waiting; exactly one
 * refresh is in flight at a time. Only when no usable token exists (at the start, after {@link
 * #invalidate(Secret)}, or when refreshes kept failing until the token ran out) do callers wait:
 * one of them sends the request on its own thread and the others wait for its result. A failed
 * refresh leaves nothing behind: the next call tries again (a failed background refresh is retried
 * after {@link RetryPolicy#maxBackoff()} while the old token is still usable).
 *
 * <p>Thread-safe; meant to be shared by every user of one client. Holds no threads of its own:
 * closing it only stops it from handing out tokens. Its {@code toString} names the client and the
 * endpoint, never the secret or a token.
 */
public final class OAuth2TokenManager implements BearerTokenSource, AutoCloseable {

  /**
   * Waits between retries; tests inject one that advances a virtual clock.
   *
   * <p>Implementations must be thread-safe.
   */
  @FunctionalInterface
  public interface Sleeper {
    /**
     * Waits for {@code duration}.
     *
     * @param duration how long; not null, not negative
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
  }

  private final OAuth2Settings settings;
  private final TokenEndpointClient endpoint;
  private final Clock clock;
  private final Executor refreshExecutor;
  private final Duration waitLimit;

  private final Object lock = new Object();
  private volatile CachedToken current;
  // Guarded by lock.
  private CompletableFuture<CachedToken> inFlight;
  private Instant nextBackgroundAttempt = Instant.MIN;
  private boolean closed;

  private OAuth2TokenManager(Builder builder) {
    this.settings = builder.settings;
    this.clock = builder.clock;
    this.refreshExecutor = builder.refreshExecutor;
    HttpClient http =
        builder.httpClient != null
            ? builder.httpClient
            : HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    this.endpoint = new TokenEndpointClient(settings, http, clock, builder.sleeper, builder.random);
    // A refresh ends within its budget plus one request; waiting longer means it is stuck.
    this.waitLimit =
        settings
            .retry()
            .maxElapsed()
            .plus(settings.requestTimeout())
            .plus(settings.connectTimeout())
            .plusSeconds(1);
  }

  /**
   * A builder for a token manager with these settings.
   *
   * @param settings the client configuration; not null
   */
  public static Builder builder(OAuth2Settings settings) {
    return new Builder(settings);
  }

  /**
   * A usable access token, from the cache when possible. Never blocks while the cached token is
   * usable; otherwise waits until a new token arrives or the attempt to get one failed.
   *
   * @return the token (identity matters for {@link #invalidate(Secret)}); never null
   * @throws OAuth2Exception when no token could be obtained; the next call tries again
   * @throws IllegalStateException after {@link #close()}
   */
  @Override
  public Secret token() {
    CachedToken token = current;
    if (token != null) {
      Instant now = clock.instant();
      if (token.usableAt(now)) {
        if (token.dueAt(now)) {
          refreshInBackground(token, now);
        }
        return token.value();
      }
    }
    return awaitNewToken();
  }

  /**
   * Drops {@code token} from the cache if it is still the current one, so that the next {@link
   * #token()} obtains a new token: call it when a server answered 401 to a request carrying {@code
   * token}. A token that was already replaced is ignored, so that many callers reporting the same
   * rejected token cause one new request, not many.
   *
   * @param token a token returned by {@link #token()}; not null
   */
  @Override
  public void invalidate(Secret token) {
    requireNonNull(token, "token");
    synchronized (lock) {
      CachedToken cached = current;
      if (cached != null && cached.value() == token) {
        current = null;
      }
    }
  }

  /**
   * When the cached token expires, by the answer's {@code expires_in}: empty when no token is
   * cached or its answer gave no lifetime. For diagnostics such as a connectivity check.
   */
  public Optional<Instant> currentExpiry() {
    CachedToken token = current;
    return token == null ? Optional.empty() : token.expiresAt();
  }

  /** The token endpoint of this client; never null. */
  public URI tokenEndpoint() {
    return settings.tokenEndpoint();
  }

  /** The client id; never null. */
  public String clientId() {
    return settings.clientId();
  }

  /** Stops handing out tokens and forgets the cached one. Idempotent. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      current = null;
    }
  }

  /** Names the client and the endpoint; never a secret or a token. */
  @Override
  public String toString() {
    return "OAuth2TokenManager[client="
        + settings.clientId()
        + ", endpoint="
        + OAuth2Exception.display(settings.tokenEndpoint())
        + "]";
  }

  // Identity on purpose: refresh only if no other thread has replaced the token we saw.
  @SuppressWarnings("ReferenceEquality")
  private void refreshInBackground(CachedToken seen, Instant now) {
    CompletableFuture<CachedToken> future;
    synchronized (lock) {
      if (closed || inFlight != null || current != seen || now.isBefore(nextBackgroundAttempt)) {
        return;
      }
      future = new CompletableFuture<>();
      inFlight = future;
    }
    try {
      refreshExecutor.execute(() -> refresh(future));
    } catch (RejectedExecutionException e) {
      synchronized (lock) {
        if (inFlight == future) {
          inFlight = null;
        }
      }
      future.cancel(false);
    }
  }

  private Secret awaitNewToken() {
    CompletableFuture<CachedToken> future;
    boolean mine = false;
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException(
            "the token manager of client '" + clientId() + "' is closed");
      }
      CachedToken token = current;
      if (token != null && token.usableAt(clock.instant())) {
        return token.value();
      }
      if (inFlight == null) {
        inFlight = new CompletableFuture<>();
        mine = true;
      }
      future = inFlight;
    }
    if (mine) {
      refresh(future);
    }
    return await(future).value();
  }

  private CachedToken await(CompletableFuture<CachedToken> future) {
    try {
      return future.get(waitLimit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof OAuth2Exception failure) {
        throw failure.rethrown();
      }
      throw new IllegalStateException("token refresh failed unexpectedly", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(Kind.INTERRUPTED, "interrupted while waiting for a token");
    } catch (TimeoutException e) {
      throw failure(
          Kind.TIMEOUT, "no token within " + TokenEndpointClient.text(waitLimit) + " of waiting");
    } catch (CancellationException e) {
      throw failure(Kind.UNAVAILABLE, "the refresh executor rejected the refresh");
    }
  }

  private void refresh(CompletableFuture<CachedToken> future) {
    CachedToken token;
    try {
      token = endpoint.fetch();
    } catch (RuntimeException | Error e) {
      synchronized (lock) {
        if (inFlight == future) {
          inFlight = null;
        }
        nextBackgroundAttempt = clock.instant().plus(settings.retry().maxBackoff());
      }
      future.completeExceptionally(e);
      if (e instanceof Error error) {
        throw error;
      }
      return;
    }
    synchronized (lock) {
      if (inFlight == future) {
        inFlight = null;
      }
      if (!closed) {
        current = token;
      }
      nextBackgroundAttempt = Instant.MIN;
    }
    future.complete(token);
  }

  private OAuth2Exception failure(Kind kind, String detail) {
    return new OAuth2Exception(
        kind, settings.tokenEndpoint(), settings.clientId(), detail, 0, null);
  }

  /**
   * Builds an {@link OAuth2TokenManager}. Every collaborator has a default; tests replace them. Not
   * thread-safe.
   */
  public static final class Builder {
    private final OAuth2Settings settings;
    private Clock clock = Clock.systemUTC();
    private HttpClient httpClient;
    private Sleeper sleeper = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    private RandomGenerator random = new Random();
    private Executor refreshExecutor = Builder::startDaemon;

    private Builder(OAuth2Settings settings) {
      this.settings = requireNonNull(settings, "settings");
    }

    /**
     * Sets the clock that decides expiry and refresh times (default: the UTC system clock).
     *
     * @param clock the clock; not null
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the HTTP client (default: one with the settings' connect timeout, HTTP/1.1 and no
     * redirects, since a redirect would carry the client credentials elsewhere).
     *
     * @param httpClient the client; not null
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * Sets how retries wait (default: {@link Thread#sleep}).
     *
     * @param sleeper the sleeper; not null
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Sets the random generator of the retry jitter (default: an unseeded {@link Random}); it is
     * used by one refresh at a time.
     *
     * @param random the generator, for example {@code new SplittableRandom(seed)}; not null
     */
    public Builder random(RandomGenerator random) {
      this.random = requireNonNull(random, "random");
      return this;
    }

    /**
     * Sets where background refreshes run (default: a new daemon thread per refresh, that is once
     * per token lifetime). {@code Runnable::run} makes the caller that noticed the due refresh run
     * it, which keeps tests deterministic.
     *
     * @param refreshExecutor the executor; not null
     */
    public Builder refreshExecutor(Executor refreshExecutor) {
      this.refreshExecutor = requireNonNull(refreshExecutor, "refreshExecutor");
      return this;
    }

    /** The token manager; it sends no request until the first {@link #token()} call. */
    public OAuth2TokenManager build() {
      return new OAuth2TokenManager(this);
    }

    private static void startDaemon(Runnable task) {
      Thread thread = new Thread(task, "floe-oauth2-refresh");
      thread.setDaemon(true);
      thread.start();
    }
  }
}
