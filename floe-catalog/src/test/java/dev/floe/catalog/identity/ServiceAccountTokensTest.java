package dev.floe.catalog.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.catalog.aws.MutableClock;
import dev.floe.catalog.failure.ConnectionFailureException;
import dev.floe.catalog.failure.FailureKind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ServiceAccountTokens} against token endpoints on loopback, per provider. */
class ServiceAccountTokensTest {
  private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  private static final String AUDIENCE =
      "//iam.googleapis.com/projects/123456/locations/global/workloadIdentityPools/floe/providers/k8s";
  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final String CLIENT = "0f0e5c86-7d8f-4b36-9d1c-1f2e3d4c5b6a";

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(START);
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private LoopbackTokenServer server;
  private Path tokenFile;

  @BeforeEach
  void start() throws IOException {
    server = new LoopbackTokenServer();
    tokenFile = dir.resolve("token");
    Files.writeString(tokenFile, "projected-token-one\n", StandardCharsets.UTF_8);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ServiceAccountTokens gcp() {
    return ServiceAccountTokens.create(
        new ServiceAccountSettings(
            tokenFile, GcpTokenExchange.of(AUDIENCE).withTokenEndpoint(server.uri("/v1/token"))),
        http,
        clock);
  }

  private ServiceAccountTokens azure() {
    return ServiceAccountTokens.create(
        new ServiceAccountSettings(
            tokenFile, AzureTokenExchange.of(TENANT, CLIENT).withAuthorityHost(server.uri("/"))),
        http,
        clock);
  }

  private ServiceAccountTokens kubernetes(Duration reread) {
    return ServiceAccountTokens.create(
        new ServiceAccountSettings(tokenFile, new KubernetesBearer(reread)), http, clock);
  }

  private static String jwt(Instant exp) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(
            ("{\"aud\":[\"floe\"],\"exp\":"
                    + exp.getEpochSecond()
                    + ",\"iat\":"
                    + START.getEpochSecond()
                    + ",\"sub\":\"system:serviceaccount:floe:runner\"}")
                .getBytes(StandardCharsets.UTF_8))
        + ".c2lnbmF0dXJl";
  }

  @Test
  void gcpExchangesTheProjectedTokenWithTheTokenExchangeGrant() {
    AccessToken token = gcp().current();

    assertThat(token.token().reveal()).isEqualTo(LoopbackTokenServer.accessToken(1));
    assertThat(token.tokenType()).isEqualTo("Bearer");
    assertThat(token.expiresAt()).contains(START.plusSeconds(3600));
    assertThat(server.requests()).hasSize(1);
    LoopbackTokenServer.Request request = server.requests().get(0);
    assertThat(request.path()).isEqualTo("/v1/token");
    assertThat(request.contentType()).isEqualTo("application/x-www-form-urlencoded");
    assertThat(request.form())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                "audience", AUDIENCE,
                "scope", "https://www.googleapis.com/auth/cloud-platform",
                "requested_token_type", "urn:ietf:params:oauth:token-type:access_token",
                "subject_token_type", "urn:ietf:params:oauth:token-type:jwt",
                "subject_token", "projected-token-one"));
  }

  @Test
  void gcpDefaultsToGooglesEndpointAndTheCloudPlatformScope() {
    GcpTokenExchange exchange = GcpTokenExchange.of(AUDIENCE);

    assertThat(exchange.tokenEndpoint())
        .isEqualTo(URI.create("https://sts.googleapis.com/v1/token"));
    assertThat(exchange.scope()).isEqualTo("https://www.googleapis.com/auth/cloud-platform");
    assertThat(ServiceAccountSettings.of(exchange).tokenFile())
        .isEqualTo(Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token"));
    assertThatThrownBy(() -> GcpTokenExchange.of(" ")).hasMessageContaining("audience is required");
  }

  @Test
  void refreshesAfterEightyPercentOfTheLifetimeAndReadsTheRotatedTokenFile() throws IOException {
    ServiceAccountTokens tokens = gcp();
    AccessToken first = tokens.current();
    Files.writeString(tokenFile, "projected-token-two", StandardCharsets.UTF_8);

    clock.advance(Duration.ofMinutes(47));
    assertThat(tokens.current()).isSameAs(first);
    assertThat(server.requests()).hasSize(1);

    clock.advance(Duration.ofMinutes(2));
    AccessToken refreshed = tokens.current();

    assertThat(refreshed.token().reveal()).isEqualTo(LoopbackTokenServer.accessToken(2));
    assertThat(server.requests()).hasSize(2);
    assertThat(server.requests().get(1).form())
        .containsEntry("subject_token", "projected-token-two");
  }

  @Test
  void azureSendsTheTokenAsAFederatedClientAssertion() {
    server.lifetime("\"3599\"");

    AccessToken token = azure().current();

    assertThat(token.token().reveal()).isEqualTo(LoopbackTokenServer.accessToken(1));
    assertThat(token.expiresAt()).contains(START.plusSeconds(3599));
    LoopbackTokenServer.Request request = server.requests().get(0);
    assertThat(request.path()).isEqualTo("/" + TENANT + "/oauth2/v2.0/token");
    assertThat(request.form())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "client_id", CLIENT,
                "scope", "https://storage.azure.com/.default",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", "projected-token-one",
                "grant_type", "client_credentials"));
  }

  @Test
  void azureRefreshesBeforeExpiryWithTheRotatedAssertion() throws IOException {
    server.lifetime("600");
    ServiceAccountTokens tokens = azure();
    AccessToken first = tokens.current();
    Files.writeString(tokenFile, "projected-token-two", StandardCharsets.UTF_8);

    clock.advance(Duration.ofMinutes(7).plusSeconds(59));
    assertThat(tokens.current()).isSameAs(first);
    clock.advance(Duration.ofSeconds(1));
    AccessToken refreshed = tokens.current();

    assertThat(refreshed.token().reveal()).isEqualTo(LoopbackTokenServer.accessToken(2));
    assertThat(refreshed.expiresAt()).contains(START.plus(Duration.ofMinutes(18)));
    assertThat(server.requests())
        .extracting(r -> r.form().get("client_assertion"))
        .containsExactly("projected-token-one", "projected-token-two");
  }

  @Test
  void azureSettingsComeFromTheWorkloadIdentityWebhookEnvironment() {
    AzureTokenExchange exchange =
        AzureTokenExchange.fromEnvironment(
            Map.of(
                "AZURE_TENANT_ID", TENANT,
                "AZURE_CLIENT_ID", CLIENT,
                "AZURE_AUTHORITY_HOST", "https://login.microsoftonline.us/"));

    assertThat(exchange.tokenEndpoint())
        .isEqualTo(URI.create("https://login.microsoftonline.us/" + TENANT + "/oauth2/v2.0/token"));
    assertThat(AzureTokenExchange.of(TENANT, CLIENT).tokenEndpoint())
        .isEqualTo(
            URI.create("https://login.microsoftonline.com/" + TENANT + "/oauth2/v2.0/token"));
    assertThatThrownBy(() -> AzureTokenExchange.fromEnvironment(Map.of("AZURE_CLIENT_ID", CLIENT)))
        .hasMessageContaining("set AZURE_TENANT_ID");
  }

  @Test
  void kubernetesUsesTheFileAsTheBearerUntilEightyPercentOfItsJwtLifetime() throws IOException {
    String first = jwt(START.plus(Duration.ofMinutes(10)));
    Files.writeString(tokenFile, first + "\n", StandardCharsets.UTF_8);
    ServiceAccountTokens tokens = kubernetes(Duration.ofSeconds(60));

    AccessToken token = tokens.current();
    assertThat(token.token().reveal()).isEqualTo(first);
    assertThat(token.expiresAt()).contains(START.plus(Duration.ofMinutes(10)));

    String second = jwt(START.plus(Duration.ofMinutes(20)));
    Files.writeString(tokenFile, second, StandardCharsets.UTF_8);
    clock.advance(Duration.ofMinutes(7));
    assertThat(tokens.current().token().reveal()).isEqualTo(first);
    clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    assertThat(tokens.current().token().reveal()).isEqualTo(second);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void kubernetesRereadsATokenWithoutReadableExpiryEveryInterval() throws IOException {
    Files.writeString(tokenFile, "opaque-token-one", StandardCharsets.UTF_8);
    ServiceAccountTokens tokens = kubernetes(Duration.ofSeconds(30));

    assertThat(tokens.current().expiresAt()).isEmpty();
    Files.writeString(tokenFile, "opaque-token-two", StandardCharsets.UTF_8);
    clock.advance(Duration.ofSeconds(29));
    assertThat(tokens.current().token().reveal()).isEqualTo("opaque-token-one");
    clock.advance(Duration.ofSeconds(1));
    assertThat(tokens.current().token().reveal()).isEqualTo("opaque-token-two");
  }

  @Test
  void kubernetesRefusesAnExpiredToken() throws IOException {
    Files.writeString(tokenFile, jwt(START.minusSeconds(1)), StandardCharsets.UTF_8);

    assertThatThrownBy(() -> kubernetes(Duration.ofSeconds(60)).current())
        .isInstanceOfSatisfying(
            ConnectionFailureException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(FailureKind.AUTHENTICATION);
              assertThat(e.getMessage())
                  .contains(tokenFile.toString())
                  .contains("expired at " + START.minusSeconds(1));
            });
  }

  @Test
  void anErrorAnswerNamesTheEndpointAndCodeAndMasksTheToken() {
    server.answerNext(
        LoopbackTokenServer.Answer.json(
            400,
            "{\"error\":\"invalid_grant\",\"error_description\":"
                + "\"The audience in ID Token [projected-token-one] does not match.\"}"));

    assertThatThrownBy(() -> gcp().current())
        .isInstanceOfSatisfying(
            ConnectionFailureException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(FailureKind.AUTHENTICATION);
              assertThat(e.endpoint()).isEqualTo(server.uri("/v1/token").toString());
              assertThat(e.getMessage())
                  .isEqualTo(
                      "cannot exchange the service account token from "
                          + tokenFile
                          + " for a GCP access token at "
                          + server.uri("/v1/token")
                          + ": invalid_grant (HTTP 400): The audience in ID Token [****] does not"
                          + " match.");
            });
  }

  @Test
  void aFailedFetchDoesNotPoisonTheNextCall() {
    ServiceAccountTokens tokens = azure();
    server.answerNext(
        LoopbackTokenServer.Answer.json(503, "{\"error\":\"temporarily_unavailable\"}"));

    assertThatThrownBy(tokens::current)
        .isInstanceOfSatisfying(
            ConnectionFailureException.class,
            e -> assertThat(e.kind()).isEqualTo(FailureKind.PROTOCOL));
    assertThat(tokens.current().token().reveal()).isEqualTo(LoopbackTokenServer.accessToken(1));
  }

  @Test
  void aFailedEarlyRefreshKeepsTheCurrentTokenAndTheNextCallTriesAgain() {
    ServiceAccountTokens tokens = gcp();
    AccessToken first = tokens.current();
    clock.advance(Duration.ofMinutes(50));
    server.answerNext(LoopbackTokenServer.Answer.json(500, "{}"));

    assertThat(tokens.current()).isSameAs(first);
    assertThat(tokens.current().token().reveal()).isEqualTo(LoopbackTokenServer.accessToken(2));
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void anExpiredTokenIsNotHandedOutWhenItsRefreshFails() {
    ServiceAccountTokens tokens = gcp();
    tokens.current();
    clock.advance(Duration.ofMinutes(59).plusSeconds(31));
    server.answerNext(LoopbackTokenServer.Answer.json(401, "{\"error\":\"invalid_client\"}"));

    assertThatThrownBy(tokens::current).hasMessageContaining("invalid_client (HTTP 401)");
  }

  @Test
  void oneRefreshAtATime() throws Exception {
    ServiceAccountTokens tokens = gcp();
    server.hold();
    ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
    List<Thread> callers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Thread caller = new Thread(() -> seen.add(tokens.current().token().reveal()));
      callers.add(caller);
      caller.start();
    }
    awaitParked(callers);
    server.release();
    for (Thread caller : callers) {
      caller.join(30_000);
    }

    assertThat(server.requests()).hasSize(1);
    assertThat(seen).hasSize(8).containsOnly(LoopbackTokenServer.accessToken(1));
  }

  @Test
  void anUnreachableEndpointIsRefused() throws IOException {
    URI closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/v1/token");
    }
    ServiceAccountTokens tokens =
        ServiceAccountTokens.create(
            new ServiceAccountSettings(
                tokenFile, GcpTokenExchange.of(AUDIENCE).withTokenEndpoint(closed)),
            http,
            clock);

    assertThatThrownBy(tokens::current)
        .isInstanceOfSatisfying(
            ConnectionFailureException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(FailureKind.REFUSED);
              assertThat(e.getMessage()).contains("at " + closed + ": connection refused");
            });
  }

  @Test
  void aMissingTokenFileIsNotFoundAndNothingIsSent() throws IOException {
    Files.delete(tokenFile);

    assertThatThrownBy(() -> gcp().current())
        .isInstanceOfSatisfying(
            ConnectionFailureException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(FailureKind.NOT_FOUND);
              assertThat(e.endpoint()).isEqualTo(tokenFile.toString());
              assertThat(e.getMessage())
                  .contains("is the projected service account token mounted?");
            });
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void anAnswerWithoutAccessTokenIsAProtocolFailure() {
    server.answerNext(LoopbackTokenServer.Answer.json(200, "{\"token_type\":\"Bearer\"}"));
    server.answerNext(new LoopbackTokenServer.Answer(200, "text/html", "<html>proxy</html>"));
    ServiceAccountTokens tokens = gcp();

    assertThatThrownBy(tokens::current).hasMessageEndingWith(": the answer has no access_token");
    assertThatThrownBy(tokens::current).hasMessageEndingWith(": the answer is not JSON");
  }

  @Test
  void toStringNamesProviderAndFileOnly() {
    assertThat(gcp())
        .hasToString("ServiceAccountTokens[provider=gcp, tokenFile=" + tokenFile + "]");
  }

  private static void awaitParked(List<Thread> threads) throws InterruptedException {
    for (int attempt = 0; attempt < 3000; attempt++) {
      boolean parked =
          threads.stream()
              .allMatch(
                  t ->
                      t.getState() == Thread.State.WAITING
                          || t.getState() == Thread.State.TIMED_WAITING);
      if (parked) {
        return;
      }
      Thread.sleep(10);
    }
  }
}
