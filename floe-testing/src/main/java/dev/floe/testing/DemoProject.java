package dev.floe.testing;

import static java.util.Objects.requireNonNull;

import dev.floe.core.platform.PlatformRequest;
import dev.floe.core.project.FloeProject;
import dev.floe.core.secret.SecretNames;
import dev.floe.core.secret.SecretRequirement;
import dev.floe.core.secret.SecretRequirements;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A copy of floe's demo project — {@code floe.yaml} and {@code platform/<env>/platform.yaml} for
 * the four {@link #ENVIRONMENTS} — in a folder the test owns, with helpers to edit its files and to
 * provide the secrets its platforms reference.
 *
 * <pre>{@code
 * @TempDir Path temp;
 *
 * @Test
 * void everySecretOfDevResolves() {
 *   DemoProject demo = DemoProject.copyTo(temp.resolve("project"));
 *   demo.edit("floe.yaml", "catalog: default", "catalog: analytics");
 *   Map<String, String> env = demo.secretVariables("dev", canaries::next);
 *   … run the code under test in demo.root() with env …
 * }
 * }</pre>
 *
 * <p>The demo files travel inside this module's jar (copied from the repository's {@code demo/}
 * folder when the module is built), so a copy needs no checkout of floe. A copy holds no generated
 * output ({@code .floe/}). Arguments must not be {@code null}. An instance only names its folder:
 * it is immutable and safe for use by several threads, but the files are as safe as the tests that
 * change them.
 */
public final class DemoProject {

  /** The environments of the demo project, in the order {@code floe demo} shows them. */
  public static final List<String> ENVIRONMENTS = List.of("local", "dev", "staging", "prod");

  /** The demo's SQL transforms (silver and gold), relative to its root. */
  public static final List<String> SQL_FILES =
      List.of(
          "sql/silver/stg_customers.sql",
          "sql/silver/stg_products.sql",
          "sql/silver/stg_orders.sql",
          "sql/silver/stg_order_items.sql",
          "sql/gold/mart_customer_orders.sql",
          "sql/gold/mart_product_performance.sql",
          "sql/gold/mart_revenue.sql");

  /** The pipeline file of the demo project, relative to its root. */
  public static final String FLOE_YAML = "floe.yaml";

  private static final String RESOURCES = "/dev/floe/testing/demo/";

  private final Path root;

  private DemoProject(Path root) {
    this.root = root;
  }

  /**
   * Copies the demo project into {@code target}, creating the folder when needed.
   *
   * @param target the folder to copy into; files of the same names are replaced
   * @return the copy
   * @throws UncheckedIOException if a file cannot be written
   */
  public static DemoProject copyTo(Path target) {
    requireNonNull(target, "target");
    Path root = target.toAbsolutePath().normalize();
    List<String> files = new ArrayList<>();
    files.add(FLOE_YAML);
    ENVIRONMENTS.forEach(env -> files.add(platformPath(env)));
    files.addAll(SQL_FILES);
    for (String file : files) {
      try (InputStream in = DemoProject.class.getResourceAsStream(RESOURCES + file)) {
        if (in == null) {
          throw new IllegalStateException(
              "the demo file " + file + " is missing from floe-testing");
        }
        Path copy = root.resolve(file);
        Files.createDirectories(copy.getParent());
        Files.write(copy, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot copy the demo project to " + root, e);
      }
    }
    return new DemoProject(root);
  }

  /**
   * Returns the project folder.
   *
   * @return the absolute folder holding {@code floe.yaml} and {@code platform/}
   */
  public Path root() {
    return root;
  }

  /**
   * Returns the pipeline file.
   *
   * @return {@code <root>/floe.yaml}
   */
  public Path floeYaml() {
    return root.resolve(FLOE_YAML);
  }

  /**
   * Returns the platform file of an environment, whether or not it exists.
   *
   * @param environment an environment name, e.g. {@code dev}
   * @return {@code <root>/platform/<environment>/platform.yaml}
   */
  public Path platformFile(String environment) {
    requireNonNull(environment, "environment");
    return root.resolve(platformPath(environment));
  }

  /**
   * Resolves a path against the project folder.
   *
   * @param relative a '/'-separated path, e.g. {@code platform/dev/platform.yaml}
   * @return the path below {@link #root()}
   */
  public Path resolve(String relative) {
    requireNonNull(relative, "relative");
    return root.resolve(relative).normalize();
  }

  /**
   * Reads a file of the project as UTF-8.
   *
   * @param relative the file, relative to the project folder
   * @return its text
   * @throws UncheckedIOException if it cannot be read
   */
  public String read(String relative) {
    Path file = resolve(relative);
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Writes a file of the project as UTF-8, creating its folders, replacing it when it exists.
   *
   * @param relative the file, relative to the project folder
   * @param text its new text
   * @return the file
   * @throws UncheckedIOException if it cannot be written
   */
  public Path write(String relative, String text) {
    requireNonNull(text, "text");
    return writeFile(resolve(relative), text);
  }

  /**
   * Replaces the first occurrence of {@code from} in a file of the project with {@code to}.
   *
   * @param relative the file, relative to the project folder
   * @param from the text to replace; it must occur in the file
   * @param to the replacement
   * @return the file
   * @throws IllegalArgumentException if {@code from} does not occur in the file
   * @throws UncheckedIOException if the file cannot be read or written
   */
  public Path edit(String relative, String from, String to) {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    String text = read(relative);
    int at = text.indexOf(from);
    if (at < 0) {
      throw new IllegalArgumentException("'" + from + "' does not occur in " + relative);
    }
    return write(relative, text.substring(0, at) + to + text.substring(at + from.length()));
  }

  /**
   * Lists the secrets the platform of an environment references, as the runtime would resolve them.
   *
   * @param environment one of the project's environments
   * @return every requirement, in the platform's order
   * @throws dev.floe.core.diag.ProblemException if the platform file is missing or invalid
   */
  public List<SecretRequirement> secrets(String environment) {
    FloeProject floe = FloeProject.builder().variables(Map.of()).build();
    return SecretRequirements.of(
        floe.platform(
                PlatformRequest.builder()
                    .platform(platformFile(environment))
                    .workDir(root)
                    .homeDir(root)
                    .build())
            .platform());
  }

  /**
   * Gives every secret the platform of {@code environment} references a value, as environment
   * variables ({@code POLARIS_CLIENT_SECRET}, {@code MINIO_CREDENTIALS_ACCESS_KEY_ID}, …): one
   * value for a single-value secret, one per key of a multi-key secret.
   *
   * @param environment one of the project's environments
   * @param values gives each value, e.g. {@code SecretCanaries::next}; called once per variable
   * @return variable name to value, in the platform's order; a variable named by several fields
   *     appears once
   */
  public Map<String, String> secretVariables(String environment, Supplier<String> values) {
    requireNonNull(values, "values");
    Map<String, String> variables = new LinkedHashMap<>();
    for (SecretRequirement requirement : secrets(environment)) {
      List<String> keys = requirement.keys().map(k -> k.all()).orElse(List.of());
      if (keys.isEmpty()) {
        variables.computeIfAbsent(SecretNames.variable(requirement.name()), v -> values.get());
      } else {
        for (String key : keys) {
          variables.computeIfAbsent(
              SecretNames.variable(requirement.name(), key), v -> values.get());
        }
      }
    }
    return variables;
  }

  /**
   * Gives every secret the platform of {@code environment} references a value, as files mounted in
   * {@code secretsDir} (the layout of {@code FLOE_SECRETS_DIR} and Kubernetes secret volumes:
   * {@code <dir>/<name>}, or {@code <dir>/<name>/<key>} for each key of a multi-key secret). Each
   * file holds its value and a newline.
   *
   * @param environment one of the project's environments
   * @param secretsDir the folder to write into; created when needed
   * @param values gives each value; called once per file
   * @return file to value, in the platform's order; a file named by several fields appears once
   * @throws UncheckedIOException if a file cannot be written
   */
  public Map<Path, String> writeSecretFiles(
      String environment, Path secretsDir, Supplier<String> values) {
    requireNonNull(secretsDir, "secretsDir");
    requireNonNull(values, "values");
    Map<Path, String> files = new LinkedHashMap<>();
    for (SecretRequirement requirement : secrets(environment)) {
      List<String> keys = requirement.keys().map(k -> k.all()).orElse(List.of());
      if (keys.isEmpty()) {
        files.computeIfAbsent(SecretNames.file(secretsDir, requirement.name()), f -> values.get());
      } else {
        for (String key : keys) {
          files.computeIfAbsent(
              SecretNames.folder(secretsDir, requirement.name()).resolve(key), f -> values.get());
        }
      }
    }
    files.forEach((file, value) -> writeFile(file, value + "\n"));
    return files;
  }

  @Override
  public String toString() {
    return "DemoProject[" + root + "]";
  }

  private static String platformPath(String environment) {
    return "platform/" + environment + "/platform.yaml";
  }

  private static Path writeFile(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
