package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.floe.testing.SecretCanaries;
import dev.floe.testing.catalog.RestCatalogServer;
import dev.floe.testing.oauth2.OAuth2Server;
import dev.floe.testing.s3.S3Server;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code floe platform check} against a dev-like environment on loopback: OAuth2 server, Iceberg
 * REST catalog that checks every token, S3 storage with keys from mounted secret files. Every
 * secret is a canary that must appear in no output.
 */
class PlatformCheckEndpointsTest {
  @TempDir Path work;
  @TempDir Path home;

  private final SecretCanaries canaries = SecretCanaries.create();

  @Test
  void everyEndpointAnswersAndNoSecretIsShown() throws Exception {
    String accessKey = canaries.next();
    String secretKey = canaries.next();
    String clientSecret = canaries.next();
    Path secrets = work.resolve("secrets");
    Files.createDirectories(secrets.resolve("minio"));
    Files.writeString(secrets.resolve("catalog-secret"), clientSecret, StandardCharsets.UTF_8);
    Files.writeString(secrets.resolve("minio/access_key_id"), accessKey, StandardCharsets.UTF_8);
    Files.writeString(
        secrets.resolve("minio/secret_access_key"), secretKey, StandardCharsets.UTF_8);
    try (OAuth2Server oauth = OAuth2Server.builder().build().start();
        S3Server s3 =
            S3Server.builder().credentials(accessKey, secretKey).bucket("lake").build().start();
        RestCatalogServer rest =
            RestCatalogServer.builder()
                .requireTokensFrom(oauth)
                .s3Warehouse(s3, "lake")
                .build()
                .start()) {
      Path platform = platform(rest, oauth, s3, "lake");
      Cli cli = Cli.in(work, home).env("FLOE_SECRETS_DIR", secrets.toString());

      Cli.Result text = cli.run("platform", "check", "--platform", platform.toString());
      assertThat(text.code()).as(text.toString()).isZero();
      assertThat(text.out())
          .contains("catalogs.default oauth2 token")
          .contains("catalogs.default catalog")
          .contains("catalogs.default storage")
          .contains("3 endpoint checks: 3 passed, 0 failed");

      Cli.Result json =
          cli.run("platform", "check", "--platform", platform.toString(), "--format", "json");
      assertThat(json.code()).as(json.toString()).isZero();
      List<String> endpoints = new ArrayList<>();
      for (JsonNode check : json.json().get("checks")) {
        assertThat(check.has("name") && check.has("ok") && check.has("duration_ms"))
            .as(check.toString())
            .isTrue();
        assertThat(check.get("detail").asText()).isNotEmpty();
        if (check.get("kind").asText().equals("endpoint")) {
          endpoints.add(check.get("name").asText());
          assertThat(check.get("ok").asBoolean()).as(check.toString()).isTrue();
        }
      }
      assertThat(endpoints).hasSize(3);
      assertThat(rest.rejectedRequests()).isEmpty();

      Cli.Result missingBucket =
          cli.run(
              "platform", "check", "--platform", platform(rest, oauth, s3, "nobucket").toString());
      assertThat(missingBucket.code()).as(missingBucket.toString()).isEqualTo(3);
      assertThat(missingBucket.err()).contains("FLOE-K12");

      for (Cli.Result r : List.of(text, json, missingBucket)) {
        canaries.assertAbsentFrom(r.all());
      }
    }
  }

  private Path platform(RestCatalogServer rest, OAuth2Server oauth, S3Server s3, String bucket)
      throws Exception {
    Path file = work.resolve("platform-" + bucket + ".yaml");
    Files.writeString(
        file,
        """
        version: "1.0.0"
        storage:
          default:
            type: s3
            endpoint: %s
            region: us-east-1
            bucket: %s
            path_style_access: true
            credentials: {mode: static, secret_ref: minio}
        catalogs:
          default:
            type: rest
            uri: %s
            warehouse: demo
            credentials:
              mode: oauth2
              client_id: ingest
              client_secret: {secret_ref: catalog-secret}
              token_endpoint: %s
        """
            .formatted(s3.endpoint(), bucket, rest.uri(), oauth.tokenEndpoint()),
        StandardCharsets.UTF_8);
    return file;
  }
}
