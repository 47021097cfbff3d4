package dev.floe.testing.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.diag.ProblemException;
import dev.floe.runtime.AssetContext;
import dev.floe.runtime.FloeAsset;
import dev.floe.runtime.RunResult;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@FloeTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FloeTestProjectTest {
  /** A per-run resource: made on first use in each run, closed at its end. */
  public static final class Sequence implements AutoCloseable {
    static final AtomicInteger MADE = new AtomicInteger();
    static final AtomicInteger CLOSED = new AtomicInteger();

    @Override
    public void close() {
      CLOSED.incrementAndGet();
    }
  }

  public record Day(LocalDate day, int number) {}

  public static final class Calendar {
    @FloeAsset(outputs = "days")
    public long days(AssetContext context, Sequence sequence) {
      context.log().info("writing {} days", 3);
      return context.writeRows(
          "days",
          Day.class,
          List.of(
              new Day(LocalDate.of(2026, 1, 1), 1),
              new Day(LocalDate.of(2026, 1, 2), 2),
              new Day(LocalDate.of(2026, 1, 3), 3)));
    }
  }

  @Test
  @Order(1)
  void nothingIsRecordedBeforeARun(FloeTestProject project) {
    assertThat(project.spans()).isEmpty();
    assertThat(project.lineageEvents()).isEmpty();
    assertThat(project.logs()).isEmpty();
    assertThatThrownBy(project::runSpan)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("did the test call materialize?");
    assertThatThrownBy(() -> project.span("days"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("(did the test call materialize?)");
    assertThatThrownBy(() -> project.rows("days"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting table tests.days to exist")
        .hasMessageContaining("it has no table at all");
  }

  @Test
  @Order(2)
  void resourceFactoriesMakeOnePerRun(FloeTestProject project) {
    project.resourceFactory(
        Sequence.class,
        () -> {
          Sequence.MADE.incrementAndGet();
          return new Sequence();
        });
    project.materialize(Calendar.class);
    RunResult second = project.materialize(Calendar.class);

    project.assertThatRun(second).succeeded().hasRows("days", 3);
    assertThat(Sequence.MADE).hasValue(2);
    assertThat(Sequence.CLOSED).hasValue(2);
    assertThat(project.rows("days"))
        .extracting(r -> r.get("day"))
        .containsExactlyInAnyOrder(
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 3));
    assertThat(project.rows("tests.days")).extracting(r -> r.get("number")).contains(1, 2, 3);
    assertThat(project.logs()).containsExactly("[days] writing 3 days");
    assertThat(project.lineageEvents())
        .extracting(e -> e.at("/job/name").asText())
        .contains(project.pipeline(), project.pipeline() + ".days");
  }

  @Test
  @Order(3)
  void aRunThatCannotStartLeavesNothingOfTheLastOne(FloeTestProject project) {
    project.materialize(Calendar.class);
    assertThat(project.spans()).isNotEmpty();

    assertThatThrownBy(() -> project.materialize(List.of("no_such_asset"), Calendar.class))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("no_such_asset");
    assertThat(project.spans()).isEmpty();
    assertThat(project.lineageEvents()).isEmpty();
  }

  @Test
  @Order(4)
  void anInstanceResourceIsTheTestsOwn(FloeTestProject project) {
    Sequence mine = new Sequence();
    int closed = Sequence.CLOSED.get();
    project.resource(Sequence.class, mine);
    project.assertThatRun(project.materialize(Calendar.class)).succeeded();
    assertThat(Sequence.CLOSED).hasValue(closed);
  }

  @Test
  @Order(5)
  void definitionProblemsAreThrownBeforeAnythingRuns(FloeTestProject project) {
    project.materialize(Calendar.class);
    assertThat(project.logs()).isNotEmpty();
    assertThatThrownBy(() -> project.materialize(String.class))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("FLOE-U010");
    assertThat(project.logs()).isEmpty();
    assertThat(project.spans()).isEmpty();
  }
}
