package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Canary values written where secrets do not belong must never come back on stdout or stderr, in
 * text or JSON, with or without {@code --debug}. Every canary contains {@code canary}.
 */
class SecretLeakTest extends OnDemoProject {
  /** The starter platform: a plaintext client secret, a password property, a URL with user-info. */
  static final String CANARY_PLATFORM =
      """
      version: "1.0.0"
      catalogs:
        default:
          type: polaris
          uri: https://user:canary-URL-77@polaris.example.com/api/catalog
          warehouse: analytics
          credentials:
            mode: oauth2
            client_id: {secret_ref: polaris-client-id}
            client_secret: canary-SECRET-4f1c
      storage:
        default:
          type: local
          path: .floe/warehouse
      compute:
        default:
          type: duckdb
          properties:
            password: canary-PW-88
      """;

  /** Writes {@code text} as platform/leak/platform.yaml. */
  void platform(String text) {
    Cli.write(project.resolve("platform/leak/platform.yaml"), text);
  }

  /** Runs the commands that read the canary platform, in text and JSON, with and without debug. */
  List<Cli.Result> runEverything(String... secrets) {
    List<String[]> commands =
        List.of(
            new String[] {"validate", "--env", "leak"},
            new String[] {"compile", "--env", "leak"},
            new String[] {"platform", "validate", "--env", "leak"},
            new String[] {"platform", "validate", "platform/leak/platform.yaml"},
            new String[] {"platform", "list-profiles", "--env", "leak"},
            new String[] {"platform", "list-profiles", "--all-envs"});
    List<Cli.Result> results = new ArrayList<>();
    for (String[] command : commands) {
      for (List<String> extra :
          List.of(
              List.<String>of(),
              List.of("--debug"),
              List.of("--format", "json"),
              List.of("--format", "json", "--debug"))) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(extra);
        Cli.Result r = cli.run(args.toArray(String[]::new));
        assertThat(r.all()).as("floe %s\n%s", args, r).doesNotContain("canary");
        for (String secret : secrets) {
          assertThat(r.all()).as("floe %s\n%s", args, r).doesNotContain(secret);
        }
        assertThat(r.code()).as("floe %s\n%s", args, r).isEqualTo(1);
        results.add(r);
      }
    }
    assertThat(Cli.filesBelow(project.resolve(".floe"))).isEmpty();
    return results;
  }

  @Test
  void theStarterCanariesNeverLeak() {
    platform(CANARY_PLATFORM);

    List<Cli.Result> results = runEverything();

    Cli.Result text = cli.run("validate", "--env", "leak");
    assertThat(text.err())
        .contains("error[FLOE-C031]")
        .contains("catalogs.default.uri")
        .contains("error[FLOE-C030]")
        .contains("catalogs.default.credentials.client_secret")
        .contains("compute.default.properties.password")
        .contains("use secret_ref")
        .endsWith("3 errors, 0 warnings\n");
    Cli.Result json = cli.run("validate", "--env", "leak", "--format", "json");
    List<String> codes = new ArrayList<>();
    json.json().get("problems").forEach(p -> codes.add(p.get("code").asText()));
    assertThat(codes).containsExactly("FLOE-C031", "FLOE-C030", "FLOE-C030");
    assertThat(results).hasSize(24);
  }

  @Test
  void canariesInterpolatedFromTheEnvironmentNeverLeak() {
    platform(
        CANARY_PLATFORM
            .replace("https://user:canary-URL-77@polaris.example.com/api/catalog", "\"${CAT_URI}\"")
            .replace("client_secret: canary-SECRET-4f1c", "client_secret: \"${CLIENT_SECRET}\"")
            .replace("password: canary-PW-88", "password: \"${DB_PASSWORD}\""));
    cli.env("CAT_URI", "https://user:canary-URL-77@polaris.example.com/api/catalog")
        .env("CLIENT_SECRET", "canary-SECRET-4f1c")
        .env("DB_PASSWORD", "canary-PW-88");

    runEverything();
  }

  /** Token-shaped canaries: the detector's rules, not the word canary, find these. */
  static final String GITHUB = "ghp_" + "Zq7VcN2pLm8RtY4wKx9BdF3hJs6GaE1uQo5T";

  static final String AWS_KEY = "AKIA" + "2CA4EDWFJG57I534";

  static final String SLACK = "xoxb-" + "2938475610-9182736450-Qw8Er7Ty6Ui5Op4As3Df2Gh1";

  static final String VALID_PLATFORM =
      """
      version: "1.0.0"
      catalogs:
        default:
          type: polaris
          uri: https://polaris.internal:8181/api/catalog
          warehouse: analytics
          credentials:
            mode: oauth2
            client_id: {secret_ref: polaris-client-id}
            client_secret: {secret_ref: polaris-client-secret}
            scope: "PRINCIPAL_ROLE:DATA_ENGINEER"
          properties: {}
      storage:
        default:
          type: local
          path: .floe/warehouse
      compute:
        default:
          type: duckdb
      observability:
        attributes: {team: analytics}
      """;

  @Test
  void credentialsInAnyPlatformValueNeverLeak() {
    platform(
        VALID_PLATFORM
            .replace("warehouse: analytics", "warehouse: " + GITHUB)
            .replace("\"PRINCIPAL_ROLE:DATA_ENGINEER\"", SLACK)
            .replace(
                "https://polaris.internal:8181/api/catalog",
                "\"https://polaris.internal:8181/api/catalog?key=" + GITHUB + "\"")
            .replace("team: analytics", "team: " + AWS_KEY));

    runEverything(GITHUB, AWS_KEY, SLACK);

    Cli.Result r = cli.run("validate", "--env", "leak");
    assertThat(r.err())
        .contains("error[FLOE-X040]")
        .contains("catalogs.default.warehouse")
        .contains("catalogs.default.credentials.scope")
        .contains("observability.attributes.team")
        .contains("use secret_ref");
  }

  @Test
  void anExpandedCredentialNeverLeaksAndNamesTheVariable() {
    platform(
        VALID_PLATFORM.replace(
            "properties: {}", "properties: {header.Authorization: \"Bearer ${GITHUB_TOKEN}\"}"));
    cli.env("GITHUB_TOKEN", GITHUB);

    runEverything(GITHUB);

    Cli.Result r = cli.run("compile", "--env", "leak");
    assertThat(r.err()).contains("error[FLOE-V004]").contains("'GITHUB_TOKEN'");
    assertThat(Cli.filesBelow(project.resolve(".floe"))).isEmpty();
  }

  @Test
  void credentialKeysNeverLeak() {
    platform(
        VALID_PLATFORM.replace(
            "attributes: {team: analytics}",
            "attributes:\n    "
                + AWS_KEY
                + ": x\n    \"postgres://etl:canary-Hunter2Secret@db/x\": \"1\"\n"));

    runEverything(AWS_KEY);
  }

  @Test
  void aCredentialKeyInAnInvalidPlaceNeverLeaks() {
    platform(
        VALID_PLATFORM.replace(
            "  default:\n    type: duckdb", "  " + AWS_KEY + ":\n    type: duck"));

    runEverything(AWS_KEY);
  }

  @Test
  void canaryUrlsInTheFloeFallbackNeverLeak() {
    Cli bare = Cli.in(home, home);
    Cli.write(home.resolve("floe.yaml"), Cli.read(project.resolve("floe.yaml")));
    bare.env("FLOE_CATALOG_URI", "https://user:canary-URL-77@polaris.example.com/api/catalog")
        .env("FLOE_CATALOG_WAREHOUSE", "analytics")
        .env("FLOE_OTLP_ENDPOINT", "https://otel:canary-URL-78@otel.example.com");

    for (String format : List.of("text", "json")) {
      for (String[] command :
          List.of(
              new String[] {"validate", "--debug", "--format", format},
              new String[] {"compile", "--debug", "--format", format},
              new String[] {"platform", "list-profiles", "--format", format})) {
        Cli.Result r = bare.run(command);
        assertThat(r.all()).as("%s", r).doesNotContain("canary");
        assertThat(r.code()).as("%s", r).isEqualTo(1);
      }
    }
  }

  @Test
  void aDuplicatedSecretKeyNeverLeaks() {
    platform(
        CANARY_PLATFORM.replace(
            "client_secret: canary-SECRET-4f1c",
            "client_secret: canary-SECRET-4f1c\n      client_secret: canary-SECRET-4f1d"));

    runEverything();
  }

  @Test
  void secretsOnFlowStyleLinesNeverLeak() {
    platform(
        """
        version: "1.0.0"
        catalogs:
          default: {type: jdbc, uri: "jdbc:sqlite:x.db", warehouse: w}
        storage:
          default: {type: s3, bucket: b, endpoint: "https://k:canary-URL-78@minio", credentials: {mode: static, secret_ref: m, access_key: canary-AK-1}}
        compute:
          default: {type: duckdb, properties: {token: "canary-TOK-9", api_key: canary-AK-2}}
        """);

    runEverything();
  }

  @Test
  void aSyntaxErrorOnASecretLineNeverLeaks() {
    platform(
        CANARY_PLATFORM.replace(
            "client_secret: canary-SECRET-4f1c", "client_secret: canary-SECRET-4f1c: x"));

    runEverything();
  }

  @Test
  void aTaggedSecretNeverLeaks() {
    platform(
        CANARY_PLATFORM.replace(
            "client_secret: canary-SECRET-4f1c", "client_secret: !!binary canary-SECRET-4f1c"));

    runEverything();
  }

  @Test
  void anUnterminatedQuotedSecretNeverLeaks() {
    platform(
        CANARY_PLATFORM.replace(
            "client_secret: canary-SECRET-4f1c", "client_secret: \"canary-SECRET-4f1c"));

    runEverything();
  }

  @Test
  void aSecretOfTheWrongTypeNeverLeaks() {
    platform(
        CANARY_PLATFORM.replace(
            "password: canary-PW-88", "password: [canary-PW-88, canary-PW-89]"));

    runEverything();
  }
}
