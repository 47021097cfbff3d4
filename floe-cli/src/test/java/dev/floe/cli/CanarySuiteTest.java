package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.testing.DemoProject;
import dev.floe.testing.SecretCanaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The leak-proofing suite: every command, on success and failure paths, in every output format and
 * with {@code --debug}, runs with every secret of the demo environments set to a unique canary —
 * once through environment variables, once through mounted secret files — and with plaintext
 * canaries planted in a broken platform and a broken floe.yaml. No canary may appear on stdout or
 * stderr, nor in any file a command writes.
 */
class CanarySuiteTest {
  /** Where the secrets come from in a run. */
  enum Source {
    ENVIRONMENT,
    FILES
  }

  private static final String BROKEN_PLATFORM =
      """
      version: "1.0.0"
      catalogs:
        default:
          uri: "https://floe:canary-plain-url-1@polaris.example.com/api/catalog"
          warehouse: w
          properties: {token: canary-plain-token-2, rest.auth.password: canary-plain-pw-3}
          credentials:
            mode: oauth2
            client_id: floe
            client_secret: canary-plain-secret-4
            client_secert: canary-plain-typo-5
      storage:
        default: {type: s3, bucket: floe-b, credentials: {mode: static, secret_access_key: canary-plain-6}}
        default: {type: s3, bucket: floe-b}
      compute:
        default:
          type: duckdb
          properties: {threads: 2, password: canary-plain-7}
      observability:
        otlp_endpoint: "http://user:canary-plain-8@otel:4318"
      """;

  private static final String BROKEN_FLOE =
      """
      name: customer-analytics
      version: "1.0.0"
      password: canary-plain-floe-9
      observability:
        attributes: {api_key: canary-plain-floe-10}
      """;

  /** Token-shaped canaries, found by the detector's rules rather than by the word canary. */
  private static final List<String> TOKENS =
      List.of(
          "ghp_" + "Zq7VcN2pLm8RtY4wKx9BdF3hJs6GaE1uQo5T",
          "xoxb-" + "2938475610-9182736450-Qw8Er7Ty6Ui5Op4As3Df2Gh1",
          "AKIA" + "2CA4EDWFJG57I534",
          "ghp_" + "Hb4NcX8vTq2LwE6rYk9PzJ3mUa7SdG5fKo1R");

  /** The variable a platform.yaml interpolates, holding the last token. */
  private static final String TOKEN_VARIABLE = "CANARY_GITHUB_TOKEN";

  /** Credentials in fields that take plain values, in keys and behind a ${VAR}. */
  private static final String TOKEN_PLATFORM =
      """
      version: "1.0.0"
      catalogs:
        default:
          uri: http://polaris.internal:8181/api/catalog
          warehouse: %1$s
          properties: {header.Authorization: "Bearer ${%5$s}"}
          credentials:
            mode: oauth2
            client_id: {secret_ref: polaris-client-id}
            client_secret: {secret_ref: polaris-client-secret}
            scope: "%2$s"
      storage:
        default: {type: local, path: .floe/warehouse}
      compute:
        default: {type: duckdb}
      observability:
        attributes:
          %3$s: x
      """
          .formatted(TOKENS.get(0), TOKENS.get(1), TOKENS.get(2), TOKENS.get(3), TOKEN_VARIABLE);

  /** The seed of the canaries, so that a failing run can be repeated. */
  private static final long SEED = 0xF10E;

  @TempDir Path temp;

  @ParameterizedTest
  @EnumSource(Source.class)
  void noCommandEverPrintsOrWritesASecret(Source source) throws IOException {
    DemoProject demo = DemoProject.copyTo(temp.resolve("project"));
    demo.write("platform/broken/platform.yaml", BROKEN_PLATFORM);
    demo.write("broken-floe.yaml", BROKEN_FLOE);
    demo.write("platform/tokens/platform.yaml", TOKEN_PLATFORM);
    Path secretsDir = temp.resolve("secrets");
    Cli cli = Cli.in(demo.root(), temp.resolve("home"));
    SecretCanaries canaries = SecretCanaries.withSeed(SEED);
    plantCanaries(demo, source, secretsDir, cli, canaries);
    cli.env(TOKEN_VARIABLE, TOKENS.get(3));
    List<String> plaintext = new ArrayList<>(plaintextCanaries());
    plaintext.addAll(TOKENS);

    List<Cli.Result> results = new ArrayList<>();
    for (List<String> command : commands()) {
      for (List<String> variant : List.of(List.<String>of(), List.of("--format", "json"))) {
        for (List<String> debug : List.of(List.<String>of(), List.of("--debug"))) {
          List<String> args = new ArrayList<>(command);
          args.addAll(variant);
          args.addAll(debug);
          results.add(cli.runUnchecked(args.toArray(String[]::new)));
        }
      }
    }

    assertThat(results).hasSizeGreaterThan(40);
    // The canaries were really resolved: every secret of prod is found, so values were read.
    Cli.Result check = cli.runUnchecked("platform", "check", "--offline", "--env", "prod");
    assertThat(check.code()).as("%s", check).isZero();
    assertThat(check.out()).contains("✓").doesNotContain("✗");
    for (Cli.Result result : results) {
      canaries.assertAbsentFrom(result.all());
      for (String canary : plaintext) {
        assertThat(result.all()).as("canary %s in:\n%s", canary, result).doesNotContain(canary);
      }
    }
    for (Path written : writtenFiles(secretsDir)) {
      canaries.assertAbsentFrom(Files.readAllBytes(written));
      String text = Files.readString(written, StandardCharsets.ISO_8859_1);
      for (String canary : plaintext) {
        assertThat(text).as("canary %s in written file %s", canary, written).doesNotContain(canary);
      }
    }
  }

  /** The commands to run: every command of the tree, on good and on broken input. */
  private static List<List<String>> commands() {
    List<List<String>> commands = new ArrayList<>();
    for (String env : List.of("local", "dev", "staging", "prod", "broken", "tokens")) {
      commands.add(List.of("validate", "--env", env));
      commands.add(List.of("compile", "--env", env, "-o", "out/" + env));
      commands.add(List.of("platform", "validate", "--env", env));
      commands.add(List.of("platform", "list-profiles", "--env", env));
      commands.add(List.of("platform", "check", "--offline", "--env", env));
    }
    commands.add(List.of("validate", "-f", "broken-floe.yaml", "--env", "dev"));
    commands.add(List.of("compile", "-f", "broken-floe.yaml", "--env", "dev"));
    commands.add(List.of("platform", "list-profiles", "--all-envs"));
    commands.add(List.of("schema", "export", "-o", "schemas"));
    commands.add(List.of("demo", "--dir", "."));
    if (FloeCommand.COMMANDS.contains("scan")) {
      commands.add(List.of("scan", "."));
    }
    commands.add(List.of("validate", "--no-such-option"));
    return commands;
  }

  /**
   * Sets every secret the demo environments reference to a unique canary, as environment variables
   * or as mounted files (the Kubernetes layout for multi-key secrets).
   */
  private static void plantCanaries(
      DemoProject demo, Source source, Path secretsDir, Cli cli, SecretCanaries canaries) {
    for (String env : DemoProject.ENVIRONMENTS) {
      if (source == Source.ENVIRONMENT) {
        demo.secretVariables(env, canaries::next).forEach(cli::env);
      } else {
        demo.writeSecretFiles(env, secretsDir, canaries::next);
      }
    }
    cli.env("FLOE_SECRETS_DIR", secretsDir.toString());
    assertThat(canaries.issued()).hasSizeGreaterThan(10);
  }

  private static List<String> plaintextCanaries() {
    List<String> planted = new ArrayList<>();
    for (String text : List.of(BROKEN_PLATFORM, BROKEN_FLOE)) {
      for (String word : text.split("[\\s,{}\"@:]+", -1)) {
        if (word.startsWith("canary-")) {
          planted.add(word);
        }
      }
    }
    assertThat(planted).hasSize(10);
    return planted;
  }

  /** Every file below the temporary folder except the secrets, the inputs and their copies. */
  private List<Path> writtenFiles(Path secretsDir) {
    try (Stream<Path> files = Files.walk(temp)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> !p.startsWith(secretsDir))
          .filter(p -> !p.endsWith("platform.yaml") && !p.endsWith("broken-floe.yaml"))
          .filter(p -> !p.getFileName().toString().equals("floe.yaml"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
