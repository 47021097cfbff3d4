package dev.floe.catalog.oauth2;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sleeper that records every wait and advances a {@link ManualClock} instead of sleeping. */
final class VirtualSleeper implements OAuth2TokenManager.Sleeper {
  private final ManualClock clock;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  VirtualSleeper(ManualClock clock) {
    this.clock = clock;
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    clock.advance(duration);
  }

  List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
