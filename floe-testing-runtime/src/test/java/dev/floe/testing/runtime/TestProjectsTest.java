package dev.floe.testing.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestProjectsTest {
  @Test
  void pipelineNamesComeFromClassNames() {
    assertThat(TestProjects.pipelineName("OrdersPipelineTest")).isEqualTo("orders-pipeline-test");
    assertThat(TestProjects.pipelineName("HTTPLogsTest")).isEqualTo("httplogs-test");
    assertThat(TestProjects.pipelineName("my_Test2")).isEqualTo("my_test2");
    assertThat(TestProjects.pipelineName("_Odd$Name")).isEqualTo("test-_odd-name");
    assertThat(TestProjects.pipelineName("Ü")).isEqualTo("test--");
    assertThat(TestProjects.pipelineName("A".repeat(150))).hasSize(100);
  }
}
