package dev.floe.testing.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class FloeTestExtensionTest {
  static final List<FloeTestProject> SEEN = new CopyOnWriteArrayList<>();

  @FloeTest
  static class DefaultSample {
    DefaultSample(FloeTestProject project) {
      SEEN.add(project);
    }

    @BeforeAll
    static void beforeAll(FloeTestProject project) {
      SEEN.add(project);
    }

    @BeforeEach
    void beforeEach(FloeTestProject project) {
      SEEN.add(project);
    }

    @Test
    void one(FloeTestProject project) {
      SEEN.add(project);
      assertThat(project.root().resolve("floe.yaml")).exists();
    }

    @Test
    void two(FloeTestProject project) {
      SEEN.add(project);
    }

    @Nested
    class Inner {
      @Test
      void sharesTheEnclosingProject(FloeTestProject project) {
        SEEN.add(project);
      }
    }
  }

  @Test
  void oneProjectPerClassInEveryPlaceAndDeletedAfterIt() {
    SEEN.clear();
    run(DefaultSample.class).assertStatistics(s -> s.started(3).succeeded(3));

    assertThat(SEEN).hasSizeGreaterThanOrEqualTo(9);
    assertThat(SEEN.stream().distinct()).hasSize(1);
    FloeTestProject project = SEEN.get(0);
    assertThat(project.pipeline()).isEqualTo("default-sample");
    assertThat(project.artifacts().environment()).isEqualTo("local");
    assertThat(project.artifacts().assetPackages()).containsExactly("dev.floe.testing.runtime");
    assertThat(Files.exists(project.root())).isFalse();
    assertThat(Files.exists(project.root().getParent())).isFalse();
  }

  @ExtendWith(FloeTestExtension.class)
  static class ExtendWithSample {
    @Test
    void usesTheDefaults(FloeTestProject project) {
      SEEN.add(project);
    }
  }

  @Test
  void extendWithUsesTheDefaults() {
    SEEN.clear();
    run(ExtendWithSample.class).assertStatistics(s -> s.succeeded(1));
    assertThat(SEEN.get(0).pipeline()).isEqualTo("extend-with-sample");
  }

  @FloeTest(environment = "qa")
  static class OtherEnvironmentSample {
    @Test
    void compilesForIt(FloeTestProject project) {
      SEEN.add(project);
    }
  }

  @Test
  void theDefaultProjectTakesTheEnvironmentName() {
    SEEN.clear();
    run(OtherEnvironmentSample.class).assertStatistics(s -> s.succeeded(1));
    assertThat(SEEN.get(0).artifacts().environment()).isEqualTo("qa");
  }

  @FloeTest(project = "src/test/resources/no-such-project")
  static class MissingProjectSample {
    @Test
    void never(FloeTestProject project) {}
  }

  @FloeTest(project = "src/test/resources/my-pipeline", environment = "dev")
  static class MissingPlatformSample {
    @Test
    void never(FloeTestProject project) {}
  }

  @FloeTest(environment = "Prod!")
  static class BadEnvironmentSample {
    @Test
    void never(FloeTestProject project) {}
  }

  @FloeTest(project = "src/test/resources/broken-pipeline")
  static class BrokenProjectSample {
    @Test
    void never(FloeTestProject project) {}
  }

  @Test
  void aProjectThatCannotBeMadeFailsTheClassWithItsReason() {
    failsWith(
        MissingProjectSample.class,
        m ->
            m.contains("@FloeTest on " + MissingProjectSample.class.getName())
                && m.contains("no-such-project: it has no floe.yaml")
                && m.contains("a relative project path starts at the working folder"));
    failsWith(
        MissingPlatformSample.class,
        m -> m.contains("it has no platform/dev/platform.yaml for environment 'dev'"));
    failsWith(
        BadEnvironmentSample.class,
        m -> m.contains("Environment 'Prod!' is not a valid environment name"));
    failsWith(
        BrokenProjectSample.class,
        m -> m.contains("Cannot compile the test project") && m.contains("nowhere"));
  }

  private static void failsWith(Class<?> sample, Predicate<String> expected) {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(sample))
        .execute()
        .containerEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                container(sample),
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class), message(expected))));
  }

  private static Events run(Class<?> sample) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(sample))
        .execute()
        .testEvents();
  }

  @Test
  void folderOfAFailedProjectIsGone() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    long before = count(tmp);
    failsWith(BrokenProjectSample.class, m -> true);
    assertThat(count(tmp)).isLessThanOrEqualTo(before);
  }

  private static long count(Path tmp) {
    try (var s = Files.list(tmp)) {
      return s.filter(p -> p.getFileName().toString().startsWith("floe-test-")).count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
