package dev.floe.catalog.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.secret.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * SC-005: a 24-hour run with 1-hour tokens and 1 000 concurrent callers, in virtual time. Every
 * virtual minute, all callers ask for a token at the same instant (a phaser releases them together)
 * and check it against the server's own record of what it issued and when that expires; then the
 * clock moves on. The server counts the token requests.
 */
class TokenLifetimeSimulationTest {
  private static final int CALLERS = 1_000;
  private static final int GROUP = 25;
  private static final long SEED = 20260101L;
  private static final long MAX_STEP_SECONDS = 600;
  private static final Duration RUN = Duration.ofHours(24);

  @Test
  void aDayOfOneHourTokensNeverFailsAndRequestsOneTokenPerRefreshWindow() throws Exception {
    ManualClock clock = new ManualClock();
    Instant start = clock.instant();
    Instant end = start.plus(RUN);
    SplittableRandom steps = new SplittableRandom(SEED);
    AtomicLong rounds = new AtomicLong(1);
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicLong calls = new AtomicLong();

    try (ScriptedTokenServer server = new ScriptedTokenServer(clock);
        OAuth2TokenManager tokens =
            OAuth2TokenManager.builder(
                    OAuth2Settings.builder(server.endpoint(), "etl", Secret.of("s3cret")).build())
                .clock(clock)
                .sleeper(new VirtualSleeper(clock))
                .random(new SplittableRandom(7))
                .refreshExecutor(Runnable::run)
                .build()) {
      Phaser minute =
          new Phaser() {
            @Override
            protected boolean onAdvance(int phase, int parties) {
              if (!clock.instant().isBefore(end)) {
                return true;
              }
              clock.advance(Duration.ofSeconds(steps.nextLong(1, MAX_STEP_SECONDS + 1)));
              rounds.incrementAndGet();
              return false;
            }
          };
      // A tree of phasers: 1 000 parties on one phaser contend on a single state word.
      List<Phaser> groups = new ArrayList<>();
      for (int g = 0; g < CALLERS / GROUP; g++) {
        groups.add(new Phaser(minute, GROUP));
      }
      List<Thread> callers = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        Phaser group = groups.get(i / GROUP);
        Thread caller =
            new Thread(
                null,
                () -> call(tokens, server, clock, group, failures, calls),
                "caller-" + i,
                256 * 1024);
        caller.setDaemon(true);
        callers.add(caller);
        caller.start();
      }
      for (Thread caller : callers) {
        caller.join(Duration.ofMinutes(2).toMillis());
        assertThat(caller.isAlive()).as("%s finished", caller.getName()).isFalse();
      }

      assertThat(failures).as("seed %d", SEED).isEmpty();
      assertThat(calls.get()).isEqualTo(CALLERS * rounds.get());
      assertThat(clock.instant()).isAfterOrEqualTo(end);
      List<Instant> requests =
          server.received().stream().map(ScriptedTokenServer.Received::at).toList();
      // One request at the start, then at most one per refresh window of 0.8 x 1 h = 48 min: the
      // first caller at or after the refresh time sends it.
      Duration window = Duration.ofMinutes(48);
      assertThat(requests.get(0)).isEqualTo(start);
      for (int i = 1; i < requests.size(); i++) {
        Duration gap = Duration.between(requests.get(i - 1), requests.get(i));
        assertThat(gap)
            .as("seed %d, request %d", SEED, i)
            .isBetween(window, window.plusSeconds(MAX_STEP_SECONDS));
      }
      assertThat(requests).hasSizeLessThanOrEqualTo((int) (RUN.dividedBy(window) + 1));
      assertThat(requests)
          .hasSizeGreaterThanOrEqualTo((int) RUN.dividedBy(window.plusSeconds(MAX_STEP_SECONDS)));
    }
  }

  private static void call(
      OAuth2TokenManager tokens,
      ScriptedTokenServer server,
      ManualClock clock,
      Phaser minute,
      Queue<String> failures,
      AtomicLong calls) {
    do {
      Instant now = clock.instant();
      try {
        Secret token = tokens.token();
        if (!server.valid(token.reveal(), now)) {
          failures.add("an expired or unknown token at " + now);
        }
      } catch (RuntimeException e) {
        failures.add(e + " at " + now);
      }
      calls.incrementAndGet();
      // The last party of the final phase gets a non-negative phase back: ask the phaser.
    } while (minute.arriveAndAwaitAdvance() >= 0 && !minute.isTerminated());
  }
}
