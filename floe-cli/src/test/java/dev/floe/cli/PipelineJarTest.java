package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A user's pipeline jar with floe's entry point as its Main-Class runs with {@code java -jar
 * my-pipeline.jar run}: its asset classes are found on its own class path, as in a container.
 */
@Tag("process")
class PipelineJarTest extends OnDemoProject {
  @Test
  void javaDashJarRunsThePipeline() throws Exception {
    Path file = project.resolve("floe.yaml");
    Files.writeString(
        file,
        Files.readString(file, StandardCharsets.UTF_8)
            .replace("packages: [dev.floe.demo]", "packages: [com.acme.shipping]")
            .replaceAll("(?m)^transforms:\\n(  .*\\n)+", ""),
        StandardCharsets.UTF_8);
    Path source =
        Files.createDirectories(temp.resolve("src/com/acme/shipping")).resolve("Ships.java");
    Files.writeString(
        source,
        """
        package com.acme.shipping;
        import dev.floe.runtime.AssetContext;
        import dev.floe.runtime.FloeAsset;
        public final class Ships {
          public record Ship(long shipId, String name) {}
          @FloeAsset(outputs = "bronze.ships")
          public long ships(AssetContext context) {
            return context.writeRows("bronze.ships", Ship.class,
                java.util.List.of(new Ship(1, "Elbe"), new Ship(2, "Weser")));
          }
        }
        """,
        StandardCharsets.UTF_8);
    Path classes = Files.createDirectories(temp.resolve("classes"));
    String classPath = CliProcessTest.testClassPath();
    int compiled =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", classes.toString(), "-cp", classPath, source.toString());
    assertThat(compiled).isZero();

    Path jar = temp.resolve("my-pipeline.jar");
    writeJar(jar, classes, classPath);

    Cli.Result result =
        CliProcessTest.java(
            List.of("-jar", jar.toString(), "run", "--format", "json"), project, home);
    assertThat(result.code()).as(result.toString()).isZero();
    JsonNode json = Cli.parseSingleDocument(result.out());
    assertThat(json.at("/assets/0/name").asText()).isEqualTo("ships");
    assertThat(json.at("/assets/0/rows").asLong()).isEqualTo(2);
    assertThat(project.resolve(".floe/warehouse")).isDirectory();
  }

  /** A jar of {@code classes} whose manifest names floe's Main-Class and floe's class path. */
  private static void writeJar(Path jar, Path classes, String classPath) throws IOException {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.put(Attributes.Name.MAIN_CLASS, "dev.floe.cli.Main");
    List<String> urls = new ArrayList<>();
    for (String entry : classPath.split(java.util.regex.Pattern.quote(File.pathSeparator), -1)) {
      if (!entry.isBlank()) {
        urls.add(Path.of(entry).toUri().toString());
      }
    }
    main.put(Attributes.Name.CLASS_PATH, String.join(" ", urls));
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out, manifest);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        jarOut.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        jarOut.write(Files.readAllBytes(f));
        jarOut.closeEntry();
      }
    }
  }
}
