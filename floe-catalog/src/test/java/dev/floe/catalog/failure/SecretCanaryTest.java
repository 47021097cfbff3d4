package dev.floe.catalog.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.floe.catalog.aws.IamRoleCredentials;
import dev.floe.catalog.aws.IamRoleSettings;
import dev.floe.catalog.aws.LoopbackSts;
import dev.floe.catalog.aws.MutableClock;
import dev.floe.catalog.aws.StaticS3Credentials;
import dev.floe.catalog.identity.AccessToken;
import dev.floe.catalog.identity.CatalogCredential;
import dev.floe.catalog.identity.GcpTokenExchange;
import dev.floe.catalog.identity.LoopbackTokenServer;
import dev.floe.catalog.identity.ServiceAccountSettings;
import dev.floe.catalog.identity.ServiceAccountTokens;
import dev.floe.catalog.storage.S3StorageSettings;
import dev.floe.catalog.storage.StorageFileIO;
import dev.floe.core.secret.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.io.FileIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The canary: unique secret values (secret access keys, session tokens, web identity and service
 * account token contents, access tokens, static secrets) go through every success and failure path
 * of the credential modes, and none of them appears in an exception message (of the whole cause
 * chain), a {@code toString} or a log line.
 */
class SecretCanaryTest {
  private static final String WEB_IDENTITY = "canary-web-identity-token-2c7f";
  private static final String SUBJECT = "canary-service-account-token-b60e";
  private static final String STATIC_SECRET = "canary-static-secret-4a1d";
  private static final String STATIC_TOKEN = "canary-static-session-5e3b";
  private static final String CATALOG_TOKEN = "canary-catalog-token-93aa";
  private static final List<String> CANARIES =
      List.of(
          WEB_IDENTITY,
          SUBJECT,
          STATIC_SECRET,
          STATIC_TOKEN,
          CATALOG_TOKEN,
          LoopbackSts.SECRET_PREFIX,
          LoopbackSts.TOKEN_PREFIX,
          LoopbackTokenServer.TOKEN_PREFIX);

  @TempDir Path dir;

  private final List<String> printed = new ArrayList<>();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  @Test
  void noSecretValueIsEverPrintedLoggedOrThrown() throws Exception {
    exerciseIamRole();
    exerciseServiceAccount();
    exerciseStaticKeys();

    assertThat(printed)
        .as("the servers echoed the tokens, and the echo was masked")
        .anyMatch(t -> t.contains("token **** is not valid"))
        .anyMatch(t -> t.contains("bad subject ****"));
    for (String text : printed) {
      for (String canary : CANARIES) {
        assertThat(text).as("printed text").doesNotContain(canary);
      }
    }
    List<String> logs = CapturedLogs.lines();
    assertThat(logs)
        .as("early refresh failures are logged")
        .anyMatch(
            l -> l.contains("refreshing AWS session credentials failed") && l.contains("****"))
        .anyMatch(l -> l.contains("refreshing the gcp service account token failed"));
    for (String line : logs) {
      for (String canary : CANARIES) {
        assertThat(line).as("log line").doesNotContain(canary);
      }
    }
  }

  private void exerciseIamRole() throws Exception {
    Path tokenFile = dir.resolve("web-identity");
    Files.writeString(tokenFile, WEB_IDENTITY, StandardCharsets.UTF_8);
    try (LoopbackSts sts = new LoopbackSts(() -> clock.instant().plus(Duration.ofHours(1)))) {
      IamRoleSettings settings =
          IamRoleSettings.of("arn:aws:iam::123456789012:role/floe-writer")
              .withStsEndpoint(sts.endpoint())
              .withWebIdentityTokenFile(tokenFile);
      printed.add(settings.toString());
      sts.answerNext(
          LoopbackSts.error(
              400, "Sender", "InvalidIdentityToken", "token " + WEB_IDENTITY + " is not valid"));
      try (IamRoleCredentials role = IamRoleCredentials.create(settings, clock)) {
        print(catchThrowable(role::resolveCredentials));
        printed.add(role.resolveCredentials().toString());
        printed.add(role.toString());

        clock.advance(Duration.ofMinutes(56));
        sts.answerNext(
            LoopbackSts.error(403, "Sender", "AccessDenied", "denied for " + WEB_IDENTITY));
        printed.add(role.resolveCredentials().toString());

        try (FileIO io =
            StorageFileIO.s3(
                S3StorageSettings.compatible(
                    "floe-bucket", "us-east-1", URI.create("http://127.0.0.1:9")),
                role)) {
          printed.add(io.properties().toString());
          printed.add(io.toString());
        }
      }
    }
  }

  private void exerciseServiceAccount() throws Exception {
    Path tokenFile = dir.resolve("service-account");
    Files.writeString(tokenFile, SUBJECT, StandardCharsets.UTF_8);
    try (LoopbackTokenServer server = new LoopbackTokenServer()) {
      ServiceAccountTokens tokens =
          ServiceAccountTokens.create(
              ServiceAccountSettings.of(
                      GcpTokenExchange.of("//iam.googleapis.com/projects/1/providers/p")
                          .withTokenEndpoint(server.uri("/v1/token")))
                  .withTokenFile(tokenFile),
              HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
              clock);
      server.answerNext(
          LoopbackTokenServer.Answer.json(
              400,
              "{\"error\":\"invalid_grant\",\"error_description\":\"bad subject "
                  + SUBJECT
                  + "\"}"));
      print(catchThrowable(tokens::current));
      AccessToken token = tokens.current();
      printed.add(token.toString());
      printed.add(token.authorizationHeader().toString());
      printed.add(tokens.toString());

      clock.advance(Duration.ofMinutes(50));
      server.answerNext(
          LoopbackTokenServer.Answer.json(
              503, "{\"error\":\"unavailable\",\"error_description\":\"" + SUBJECT + "\"}"));
      printed.add(tokens.current().toString());
    }
  }

  private void exerciseStaticKeys() {
    print(
        catchThrowable(
            () ->
                StaticS3Credentials.provider(
                    "minio-credentials", Map.of("secret_access_key", Secret.of(STATIC_SECRET)))));
    AwsCredentialsProvider keys =
        StaticS3Credentials.provider(
            "minio-credentials",
            Map.of(
                "access_key_id", Secret.of("AKIASTATIC"),
                "secret_access_key", Secret.of(STATIC_SECRET),
                "session_token", Secret.of(STATIC_TOKEN)));
    printed.add(keys.toString());
    printed.add(keys.resolveCredentials().toString());

    print(
        catchThrowable(
            () ->
                CatalogCredential.fromStaticSecret(
                    "polaris", Map.of("credential", Secret.of(CATALOG_TOKEN)))));
    printed.add(
        CatalogCredential.fromStaticSecret("polaris", Map.of("token", Secret.of(CATALOG_TOKEN)))
            .toString());
  }

  private void print(Throwable thrown) {
    assertThat(thrown).isNotNull();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      printed.add(String.valueOf(t.getMessage()));
      printed.add(t.toString());
      for (Throwable suppressed : t.getSuppressed()) {
        printed.add(suppressed.toString());
      }
    }
  }
}
