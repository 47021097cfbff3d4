package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

class RunCommandTest extends OnDemoProject {
  private void usePackages(String packages) throws IOException {
    Path file = project.resolve("floe.yaml");
    String yaml = Files.readString(file, StandardCharsets.UTF_8);
    Files.writeString(
        file,
        yaml.replace("packages: [dev.floe.demo]", "packages: [" + packages + "]")
            .replaceAll("(?m)^transforms:\\n(  .*\\n)+", ""),
        StandardCharsets.UTF_8);
  }

  @Test
  void runsEveryAssetAndPrintsTheSummary() throws IOException {
    usePackages("dev.floe.cli.fixtures.assets");
    Cli.Result result = cli.run("run");
    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCodes.OK);
    assertThat(result.out())
        .contains("floe run · customer-analytics · environment local · 4 assets")
        .contains("[raw_numbers] seeding 10 numbers")
        .contains("success  raw_numbers")
        .containsPattern("raw_numbers\\s+success\\s+\\d+ ms\\s+10")
        .containsPattern("calendar\\s+success\\s+\\d+ ms\\s+365")
        .containsPattern("number_stats\\s+success\\s+\\d+ ms\\s+-")
        .contains("observability: traces off · lineage off")
        .contains("run document:  .floe/runs/")
        .contains("✓ 4 assets succeeded");
    try (Stream<Path> runs = Files.list(project.resolve(".floe/runs"))) {
      assertThat(runs).singleElement().satisfies(f -> assertThat(f.toString()).endsWith(".json"));
    }
  }

  @Test
  void jsonIsTheRunDocument() throws IOException {
    usePackages("dev.floe.cli.fixtures.assets");
    Cli.Result result = cli.run("run", "--format", "json", "--select", "+even_numbers");
    assertThat(result.code()).isEqualTo(ExitCodes.OK);
    JsonNode json = result.json();
    assertThat(json.get("pipeline").asText()).isEqualTo("customer-analytics");
    assertThat(json.get("environment").asText()).isEqualTo("local");
    assertThat(json.get("status").asText()).isEqualTo("success");
    assertThat(json.get("assets")).hasSize(2);
    assertThat(json.get("assets").get(0).get("name").asText()).isEqualTo("raw_numbers");
    assertThat(json.get("assets").get(0).get("rows").asLong()).isEqualTo(10);
    assertThat(json.get("assets").get(0).at("/metadata/seed").asText()).isEqualTo("7");
    assertThat(json.get("assets").get(1).get("outputs").get(0).asText())
        .isEqualTo("silver.even_numbers");
    Path document = project.resolve(".floe/runs/" + json.get("run_id").asText() + ".json");
    assertThat(Cli.MAPPER.readTree(document.toFile())).isEqualTo(json);
  }

  @Test
  void aFailedAssetExitsThreeAndSkipsItsDownstream() throws IOException {
    usePackages("dev.floe.cli.fixtures.failing");
    // The asset's own exception is named (it is the user's code that failed), never its trace.
    Cli.Result result = cli.runUnchecked("run", "--parallelism", "1");
    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
    assertThat(result.all()).doesNotContain("\tat ").doesNotContain("Caused by:");
    assertThat(result.out())
        .contains(
            "failed   broken",
            "java.lang.IllegalArgumentException: source file orders.csv has 3 columns, expected 6")
        .contains("skipped  after_broken")
        .containsPattern("fine\\s+success")
        .contains("✗ 1 failed, 1 skipped, 1 succeeded");
    Cli.Result json = cli.runUnchecked("run", "--format", "json");
    assertThat(json.code()).isEqualTo(ExitCodes.ENVIRONMENT);
    assertThat(json.err()).isEmpty();
    assertThat(json.json().get("status").asText()).isEqualTo("failed");
    assertThat(json.json().at("/assets/1/status").asText()).isEqualTo("skipped");
    Cli.Result debug = cli.runUnchecked("run", "--debug", "--select", "broken");
    assertThat(debug.err())
        .contains("stack trace of broken:")
        .contains("\tat dev.floe.cli.fixtures.failing.Failing.broken");
  }

  @Test
  void selectionsThatNameNothingAreReportedWithASuggestion() throws IOException {
    usePackages("dev.floe.cli.fixtures.assets");
    Cli.Result result = cli.run("run", "--select", "raw_numbrs");
    assertThat(result.code()).isEqualTo(ExitCodes.INPUT);
    assertThat(result.err()).contains("FLOE-U012").contains("did you mean 'raw_numbers'?");
    assertThat(project.resolve(".floe/runs")).doesNotExist();
  }

  @Test
  void packagesWithoutAssetsAreReported() throws IOException {
    usePackages("com.example.nothing");
    Cli.Result result = cli.run("run");
    assertThat(result.code()).isEqualTo(ExitCodes.INPUT);
    assertThat(result.err())
        .contains("FLOE-U010")
        .contains("com.example.nothing")
        .contains("--classpath");
  }

  @Test
  void aMissingSecretExitsThreeBeforeAnyAssetRuns() throws IOException {
    usePackages("dev.floe.cli.fixtures.assets");
    Cli.Result result = cli.run("run", "--env", "dev");
    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
    assertThat(result.err()).contains("FLOE-C033").contains("polaris-client-secret");
    assertThat(result.out()).doesNotContain("success ");
    assertThat(project.resolve(".floe/runs")).doesNotExist();
  }

  @Test
  void aCompiledArtifactRunsAsIs() throws IOException {
    usePackages("dev.floe.cli.fixtures.assets");
    assertThat(cli.run("compile").code()).isEqualTo(ExitCodes.OK);
    Cli.Result result =
        cli.run("run", "--artifacts", ".floe/compiled_artifacts.json", "--format", "json");
    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCodes.OK);
    assertThat(result.json().get("assets")).hasSize(4);
    Cli.Result both =
        cli.run("run", "--artifacts", ".floe/compiled_artifacts.json", "--env", "dev");
    assertThat(both.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(both.err()).contains("--artifacts already names the platform");
  }

  @Test
  void assetClassesComeFromTheClassPathOption() throws IOException {
    usePackages("com.acme.pipeline");
    Path sources = Files.createDirectories(temp.resolve("src/com/acme/pipeline"));
    Path source = sources.resolve("Orders.java");
    Files.writeString(
        source,
        """
        package com.acme.pipeline;
        import dev.floe.runtime.FloeAsset;
        public final class Orders {
          @FloeAsset(outputs = "bronze.orders")
          public long orders() { return 42; }
        }
        """,
        StandardCharsets.UTF_8);
    Path classes = Files.createDirectories(temp.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int compiled =
        javac.run(
            null,
            null,
            null,
            "-d",
            classes.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            source.toString());
    assertThat(compiled).isZero();

    assertThat(cli.run("run").code()).as("not on floe's own class path").isEqualTo(ExitCodes.INPUT);
    Cli.Result result = cli.run("run", "--classpath", classes.toString(), "--format", "json");
    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCodes.OK);
    assertThat(result.json().at("/assets/0/name").asText()).isEqualTo("orders");
    assertThat(result.json().at("/assets/0/rows").asLong()).isEqualTo(42);

    Cli.Result missing =
        cli.run("run", "--classpath", classes + File.pathSeparator + "target/nope.jar");
    assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).contains("FLOE-U011").contains("target/nope.jar");
  }

  @Test
  void theHelpNamesTheOptions() {
    Cli.Result help = cli.run("run", "--help");
    assertThat(help.code()).isEqualTo(ExitCodes.OK);
    assertThat(help.out())
        .contains("--select", "--classpath", "--artifacts", "--env", "--platform", "--format");
    assertThat(List.of(help.out().split("\n"))).isNotEmpty();
  }
}
