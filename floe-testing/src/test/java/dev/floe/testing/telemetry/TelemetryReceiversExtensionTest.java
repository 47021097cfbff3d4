package dev.floe.testing.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.floe.testing.FloeServers;
import dev.floe.testing.InjectServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

@FloeServers
class TelemetryReceiversExtensionTest {

  @SuppressWarnings("NullAway.Init") // filled by the extension
  @InjectServer
  static OtlpReceiver staticOtlp;

  @SuppressWarnings("NullAway.Init") // filled by the extension
  @InjectServer
  LineageReceiver lineageField;

  static OtlpReceiver fromBeforeAll;

  @BeforeAll
  static void beforeAll(OtlpReceiver otlp) {
    fromBeforeAll = otlp;
  }

  @Test
  void injectsOneStartedReceiverOfEachKindPerClass(OtlpReceiver otlp, LineageReceiver lineage) {
    assertThat(otlp).isSameAs(staticOtlp).isSameAs(fromBeforeAll);
    assertThat(lineage).isSameAs(lineageField);
    assertThat(otlp.isRunning()).isTrue();
    assertThat(lineage.isRunning()).isTrue();
    assertThat(otlp.endpoint().getHost()).isEqualTo("127.0.0.1");
    assertThat(lineage.paths()).containsExactly(LineageReceiver.DEFAULT_PATH);
  }

  @Nested
  class Inner {
    @Test
    void sharesTheReceiversOfTheEnclosingClass(OtlpReceiver otlp) {
      assertThat(otlp).isSameAs(staticOtlp);
    }
  }

  @Test
  void closesTheReceiversAfterTheClass() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(Sample.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(1));
    assertThat(Sample.RECEIVERS).hasSize(2);
    assertThat(Sample.RECEIVERS.get(0).isRunning()).isFalse();
    assertThat(Sample.RECEIVERS.get(1).isRunning()).isFalse();
  }

  /** Run by the engine test kit only. */
  @FloeServers
  static class Sample {
    static final List<LoopbackReceiver> RECEIVERS = new CopyOnWriteArrayList<>();

    @Test
    void uses(OtlpReceiver otlp, LineageReceiver lineage) {
      RECEIVERS.addAll(List.of(otlp, lineage));
    }
  }
}
