package dev.floe.catalog.oauth2;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.floe.catalog.oauth2.OAuth2Exception.Kind;
import dev.floe.catalog.oauth2.ScriptedTokenServer.Reply;
import dev.floe.core.secret.Secret;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OAuth2TokenManagerTest {
  private final ManualClock clock = new ManualClock();
  private final VirtualSleeper sleeper = new VirtualSleeper(clock);
  private final ScriptedTokenServer server = new ScriptedTokenServer(clock);
  private final List<Runnable> queuedRefreshes = new ArrayList<>();

  @AfterEach
  void stopServer() {
    server.close();
  }

  private OAuth2Settings.Builder settings() {
    return OAuth2Settings.builder(server.endpoint(), "etl", Secret.of("s3cret"));
  }

  private OAuth2TokenManager manager(OAuth2Settings settings) {
    return OAuth2TokenManager.builder(settings)
        .clock(clock)
        .sleeper(sleeper)
        .random(new SplittableRandom(42))
        .refreshExecutor(Runnable::run)
        .build();
  }

  private OAuth2TokenManager manager() {
    return manager(settings().build());
  }

  private String endpoint() {
    return server.endpoint().toString();
  }

  @Test
  void sendsTheClientCredentialsGrantAsFormFieldsByDefault() {
    OAuth2TokenManager tokens =
        manager(settings().scope("PRINCIPAL_ROLE:ALL").audience("lake").build());

    assertThat(tokens.token().reveal()).isEqualTo("token-1");

    ScriptedTokenServer.Received request = server.received().get(0);
    assertThat(request.form())
        .containsEntry("grant_type", "client_credentials")
        .containsEntry("client_id", "etl")
        .containsEntry("client_secret", "s3cret")
        .containsEntry("scope", "PRINCIPAL_ROLE:ALL")
        .containsEntry("audience", "lake");
    assertThat(request.header("Authorization")).isEmpty();
    assertThat(request.header("Content-Type")).contains("application/x-www-form-urlencoded");
  }

  @Test
  void sendsFormEncodedCredentialsInABasicHeaderWhenConfigured() {
    OAuth2TokenManager tokens =
        manager(
            OAuth2Settings.builder(server.endpoint(), "etl:job", Secret.of("s3c r+t/ü"))
                .clientAuthentication(ClientAuthentication.CLIENT_SECRET_BASIC)
                .build());

    tokens.token();

    ScriptedTokenServer.Received request = server.received().get(0);
    assertThat(request.form())
        .containsEntry("grant_type", "client_credentials")
        .doesNotContainKeys("client_id", "client_secret", "scope", "audience");
    String basic = request.header("Authorization").orElseThrow();
    assertThat(basic).startsWith("Basic ");
    assertThat(new String(Base64.getDecoder().decode(basic.substring(6)), UTF_8))
        .isEqualTo("etl%3Ajob:s3c+r%2Bt%2F%C3%BC");
  }

  @Test
  void cachesTheTokenUntilItsRefreshTime() {
    OAuth2TokenManager tokens = manager();

    Secret first = tokens.token();
    clock.advance(Duration.ofMinutes(47).plusSeconds(59));

    assertThat(tokens.token()).isSameAs(first);
    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void refreshesAtEightyPercentOfTheLifetimeWhileHandingOutTheValidToken() {
    OAuth2TokenManager tokens = manager();
    Secret first = tokens.token();
    clock.advance(Duration.ofMinutes(48));

    Secret atRefresh = tokens.token();
    Secret after = tokens.token();

    assertThat(atRefresh).isSameAs(first);
    assertThat(after.reveal()).isEqualTo("token-2");
    assertThat(server.requests()).isEqualTo(2);
  }

  @Test
  void startsOneBackgroundRefreshAndKeepsServingTheValidTokenMeanwhile() {
    OAuth2TokenManager tokens =
        OAuth2TokenManager.builder(settings().build())
            .clock(clock)
            .sleeper(sleeper)
            .refreshExecutor(queuedRefreshes::add)
            .build();
    Secret first = tokens.token();
    clock.advance(Duration.ofMinutes(50));

    for (int i = 0; i < 100; i++) {
      assertThat(tokens.token()).isSameAs(first);
    }

    assertThat(queuedRefreshes).hasSize(1);
    assertThat(server.requests()).isEqualTo(1);
    queuedRefreshes.get(0).run();
    assertThat(tokens.token().reveal()).isEqualTo("token-2");
  }

  @Test
  void concurrentFirstCallersShareOneRequest() throws Exception {
    OAuth2TokenManager tokens = manager();
    CountDownLatch hold = new CountDownLatch(1);
    server.then(
        Reply.json(
                200, "{\"access_token\":\"shared\",\"token_type\":\"bearer\",\"expires_in\":3600}")
            .heldBy(hold));
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(pool.submit(() -> tokens.token().reveal()));
      }
      while (server.requests() == 0) {
        Thread.onSpinWait();
      }
      hold.countDown();
      for (Future<String> result : results) {
        assertThat(result.get()).isEqualTo("shared");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void retriesServerErrorsWithFullJitterBackoff() {
    server.then(Reply.status(500), Reply.status(502), Reply.status(503));
    OAuth2TokenManager tokens = manager();

    assertThat(tokens.token().reveal()).isEqualTo("token-1");

    assertThat(server.requests()).isEqualTo(4);
    List<Duration> sleeps = sleeper.sleeps();
    assertThat(sleeps).hasSize(3);
    assertThat(sleeps.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(200));
    assertThat(sleeps.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(400));
    assertThat(sleeps.get(2)).isBetween(Duration.ZERO, Duration.ofMillis(800));
  }

  @Test
  void theSameSeedGivesTheSameBackoff() {
    server.then(Reply.status(500), Reply.status(500), Reply.status(500));
    manager().token();
    List<Duration> first = sleeper.sleeps();

    ManualClock otherClock = new ManualClock();
    VirtualSleeper otherSleeper = new VirtualSleeper(otherClock);
    try (ScriptedTokenServer other = new ScriptedTokenServer(otherClock)) {
      other.then(Reply.status(500), Reply.status(500), Reply.status(500));
      OAuth2TokenManager.builder(
              OAuth2Settings.builder(other.endpoint(), "etl", Secret.of("x")).build())
          .clock(otherClock)
          .sleeper(otherSleeper)
          .random(new SplittableRandom(42))
          .build()
          .token();
    }

    assertThat(otherSleeper.sleeps()).isEqualTo(first);
  }

  @Test
  void honoursRetryAfterInSeconds() {
    server.then(Reply.status(429).header("Retry-After", "7"));

    manager().token();

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
    assertThat(server.requests()).isEqualTo(2);
  }

  @Test
  void honoursRetryAfterAsAnHttpDate() {
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            clock.instant().plusSeconds(12).atOffset(ZoneOffset.UTC));
    server.then(Reply.status(503).header("Retry-After", date));

    manager().token();

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void failsAtOnceWhenRetryAfterIsBeyondTheBudget() {
    server.then(Reply.status(429).header("Retry-After", "120"));

    OAuth2Exception e = catchThrowableOfType(OAuth2Exception.class, () -> manager().token());

    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e.getMessage())
        .isEqualTo(
            "token endpoint unavailable for client 'etl' at "
                + endpoint()
                + ": HTTP 429 (rate limited) (1 attempt in 0 ms; the server asked to retry after"
                + " 120 s, beyond the retry budget)");
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void givesUpAfterTheLastAttempt() {
    for (int i = 0; i < 5; i++) {
      server.then(Reply.status(503));
    }

    OAuth2Exception e = catchThrowableOfType(OAuth2Exception.class, () -> manager().token());

    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e.attempts()).isEqualTo(5);
    assertThat(e.getMessage())
        .startsWith(
            "token endpoint unavailable for client 'etl' at "
                + endpoint()
                + ": HTTP 503 (5 attempts in ");
    assertThat(server.requests()).isEqualTo(5);
  }

  @Test
  void givesUpWhenTheTimeBudgetIsUsedUp() {
    for (int i = 0; i < 5; i++) {
      server.then(Reply.status(500));
    }
    OAuth2Settings tight =
        settings()
            .retry(
                new RetryPolicy(
                    5, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)))
            .build();
    OAuth2TokenManager tokens =
        OAuth2TokenManager.builder(tight)
            .clock(clock)
            .sleeper(sleeper)
            .random(new FixedRandom())
            .build();

    OAuth2Exception e = catchThrowableOfType(OAuth2Exception.class, tokens::token);

    assertThat(e.getMessage()).contains("the retry budget of 1 s is used up");
    assertThat(server.requests()).isEqualTo(2);
  }

  @Test
  void reportsAnUnreachableEndpoint() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/token");
    OAuth2TokenManager tokens =
        manager(OAuth2Settings.builder(nowhere, "etl", Secret.of("s")).build());

    OAuth2Exception e = catchThrowableOfType(OAuth2Exception.class, tokens::token);

    assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(e.endpoint()).isEqualTo(nowhere);
    assertThat(e.attempts()).isEqualTo(5);
    assertThat(e.getMessage())
        .startsWith(
            "token endpoint unreachable for client 'etl' at " + nowhere + ": cannot connect")
        .contains("(5 attempts in ");
    assertThat(e.getCause()).isNotNull();
  }

  @Test
  void reportsASlowEndpointAsATimeout() {
    CountDownLatch never = new CountDownLatch(1);
    server.then(Reply.status(200).heldBy(never), Reply.status(200).heldBy(never));
    OAuth2Settings impatient =
        settings()
            .requestTimeout(Duration.ofMillis(150))
            .retry(
                new RetryPolicy(
                    2, Duration.ofSeconds(30), Duration.ofMillis(10), Duration.ofMillis(10)))
            .build();

    try {
      OAuth2Exception e =
          catchThrowableOfType(OAuth2Exception.class, () -> manager(impatient).token());

      assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
      assertThat(e.getMessage())
          .startsWith(
              "token request timed out for client 'etl' at "
                  + endpoint()
                  + ": no answer within 150 ms (2 attempts in ");
    } finally {
      never.countDown();
    }
  }

  @Test
  void reportsAuthenticationFailuresWithTheServersErrorAndDescription() {
    server.then(
        Reply.json(
            401,
            "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}"));

    OAuth2Exception e = catchThrowableOfType(OAuth2Exception.class, () -> manager().token());

    assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
    assertThat(e.getMessage())
        .isEqualTo(
            "authentication failed for client 'etl' at "
                + endpoint()
                + ": invalid_client (Client authentication failed)");
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void reportsAnAuthenticationFailureWithoutAnErrorBodyByItsStatus() {
    server.then(Reply.text(400, "text/plain", "nope"));

    assertThatThrownBy(() -> manager().token())
        .isInstanceOf(OAuth2Exception.class)
        .hasMessage("authentication failed for client 'etl' at " + endpoint() + ": HTTP 400");
  }

  @Test
  void rejectsAnAnswerThatIsNotJson() {
    server.then(Reply.text(200, "text/html", "<html>login</html>"));

    OAuth2Exception e = catchThrowableOfType(OAuth2Exception.class, () -> manager().token());

    assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
    assertThat(e.getMessage())
        .isEqualTo(
            "invalid token response for client 'etl' at "
                + endpoint()
                + ": the answer is not a JSON object (content type text/html)");
    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void rejectsAnAnswerWithoutAccessToken() {
    server.then(Reply.json(200, "{\"token_type\":\"Bearer\"}"));

    assertThatThrownBy(() -> manager().token())
        .hasMessageEndingWith(": the answer has no access_token");
  }

  @Test
  void rejectsTokenTypesOtherThanBearer() {
    server.then(Reply.json(200, "{\"access_token\":\"t\",\"token_type\":\"mac\"}"));

    assertThatThrownBy(() -> manager().token())
        .hasMessageEndingWith(": token_type 'mac' is not supported (only Bearer)");
  }

  @Test
  void rejectsANonPositiveExpiresIn() {
    server.then(
        Reply.json(200, "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":0}"));

    assertThatThrownBy(() -> manager().token())
        .hasMessageEndingWith(": expires_in must be a positive number of seconds");
  }

  @Test
  void refreshesATokenWithoutExpiresInEveryFiveMinutes() {
    server.lifetime(Optional.empty());
    OAuth2TokenManager tokens = manager();
    Secret first = tokens.token();

    clock.advance(Duration.ofMinutes(4).plusSeconds(59));
    assertThat(tokens.token()).isSameAs(first);
    assertThat(server.requests()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    assertThat(tokens.token()).isSameAs(first);
    assertThat(tokens.token().reveal()).isEqualTo("token-2");
    assertThat(server.requests()).isEqualTo(2);
  }

  @Test
  void keepsATokenWithoutExpiresInWhenItsRefreshFails() {
    server.lifetime(Optional.empty());
    OAuth2TokenManager tokens = manager();
    Secret first = tokens.token();
    for (int i = 0; i < 5; i++) {
      server.then(Reply.status(503));
    }
    clock.advance(Duration.ofMinutes(5));

    assertThat(tokens.token()).isSameAs(first);
    assertThat(tokens.token()).isSameAs(first);
    assertThat(server.requests()).isEqualTo(6);
  }

  @Test
  void invalidatingTheCurrentTokenFetchesANewOneOnce() {
    OAuth2TokenManager tokens = manager();
    Secret first = tokens.token();

    tokens.invalidate(first);
    Secret second = tokens.token();
    tokens.invalidate(first);

    assertThat(second.reveal()).isEqualTo("token-2");
    assertThat(tokens.token()).isSameAs(second);
    assertThat(server.requests()).isEqualTo(2);
  }

  @Test
  void aFailedRequestDoesNotPoisonTheNextCall() {
    server.then(Reply.json(401, "{\"error\":\"invalid_client\"}"));
    OAuth2TokenManager tokens = manager();

    assertThatThrownBy(tokens::token)
        .hasMessage("authentication failed for client 'etl' at " + endpoint() + ": invalid_client");

    assertThat(tokens.token().reveal()).isEqualTo("token-1");
  }

  @Test
  void aFailedBackgroundRefreshIsRetriedAfterAPauseWhileTheOldTokenServes() {
    OAuth2TokenManager tokens = manager();
    Secret first = tokens.token();
    for (int i = 0; i < 5; i++) {
      server.then(Reply.status(500));
    }
    clock.advance(Duration.ofMinutes(48));

    assertThat(tokens.token()).isSameAs(first);
    assertThat(tokens.token()).isSameAs(first);
    assertThat(server.requests()).isEqualTo(6);

    clock.advance(RetryPolicy.DEFAULT.maxBackoff());
    assertThat(tokens.token()).isSameAs(first);
    assertThat(tokens.token().reveal()).isEqualTo("token-2");
    assertThat(server.requests()).isEqualTo(7);
  }

  @Test
  void callersWaitForANewTokenOnceTheOldOneIsNoLongerUsable() {
    OAuth2TokenManager tokens = manager();
    tokens.token();
    for (int i = 0; i < 5; i++) {
      server.then(Reply.status(500));
    }
    clock.advance(Duration.ofMinutes(48));
    tokens.token();
    clock.advance(Duration.ofMinutes(11).plusSeconds(50));

    assertThat(tokens.token().reveal()).isEqualTo("token-2");
  }

  @Test
  void refusesTokensAfterClose() {
    OAuth2TokenManager tokens = manager();
    tokens.token();
    tokens.close();

    assertThatThrownBy(tokens::token)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the token manager of client 'etl' is closed");
  }

  @Test
  void namesClientAndEndpointButNoSecretInToString() {
    assertThat(manager().toString())
        .isEqualTo("OAuth2TokenManager[client=etl, endpoint=" + endpoint() + "]");
  }

  /** Always the upper bound: every backoff is its cap. */
  private static final class FixedRandom implements java.util.random.RandomGenerator {
    @Override
    public long nextLong() {
      return Long.MAX_VALUE;
    }

    @Override
    public long nextLong(long bound) {
      return bound - 1;
    }
  }
}
