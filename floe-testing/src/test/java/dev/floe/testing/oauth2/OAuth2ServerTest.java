package dev.floe.testing.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuth2ServerTest {

  private static OAuth2Server server;

  @BeforeAll
  static void start() {
    server = OAuth2Server.builder().issuerId("lake").tokenLifetime(Duration.ofSeconds(2)).build();
    server.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void clear() {
    server.acceptTokenRequests();
    server.clearTokenRequests();
  }

  @Test
  void listensOnLoopbackWithItsIssuerId() {
    assertThat(server.issuer().getHost()).isEqualTo("127.0.0.1");
    assertThat(server.issuer().getPort()).isPositive();
    assertThat(server.issuer().getPath()).isEqualTo("/lake");
    assertThat(server.tokenEndpoint().toString()).isEqualTo(server.issuer() + "/token");
    assertThat(server.jwksUri().toString()).isEqualTo(server.issuer() + "/jwks");
  }

  @Test
  void issuesSignedClientCredentialsTokensWithTheConfiguredLifetime() throws Exception {
    TokenClient.Answer answer =
        TokenClient.clientCredentials(server.tokenEndpoint(), "ingest", "s3cret");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("token_type").asText()).isEqualToIgnoringCase("bearer");
    SignedJWT jwt = SignedJWT.parse(answer.accessToken());
    RSAKey key = JWKSet.load(server.jwksUri().toURL()).getKeys().get(0).toRSAKey();
    assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo(server.issuer().toString());
    assertThat(claims.getSubject()).isEqualTo("ingest");
    assertThat(
            Duration.between(
                claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void countsAndRecordsTokenRequestsWithoutTheirSecrets() throws Exception {
    TokenClient.clientCredentials(server.tokenEndpoint(), "ingest", "do-not-record-me");
    TokenClient.clientCredentials(server.tokenEndpoint(), "report", "do-not-record-me");

    assertThat(server.tokenRequestCount()).isEqualTo(2);
    assertThat(server.issuedTokenCount()).isEqualTo(2);
    assertThat(server.tokenRequests())
        .extracting(TokenEndpointRequest::grantType, TokenEndpointRequest::clientId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("client_credentials", Optional.of("ingest")),
            org.assertj.core.groups.Tuple.tuple("client_credentials", Optional.of("report")));
    assertThat(server.tokenRequests().toString()).doesNotContain("do-not-record-me");
  }

  @Test
  void refusesTokenRequestsOnDemandAndRecovers() throws Exception {
    server.refuseTokenRequests(503);
    TokenClient.Answer refused = TokenClient.clientCredentials(server.tokenEndpoint(), "a", "b");
    server.acceptTokenRequests();
    TokenClient.Answer served = TokenClient.clientCredentials(server.tokenEndpoint(), "a", "b");

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.body().path("error").asText()).isEqualTo("temporarily_unavailable");
    assertThat(served.status()).isEqualTo(200);
    assertThat(server.tokenRequestCount()).isEqualTo(2);
    assertThat(server.issuedTokenCount()).isEqualTo(1);
  }

  @Test
  void keysStayAvailableWhileTokenRequestsAreRefused() throws Exception {
    server.refuseTokenRequests(500);

    HttpResponse<String> keys = TokenClient.get(server.jwksUri(), null);

    assertThat(keys.statusCode()).isEqualTo(200);
    assertThat(keys.body()).contains("\"keys\"");
  }

  @Test
  void changesTheLifetimeOfLaterTokens() throws Exception {
    server.changeTokenLifetime(Duration.ofSeconds(30));
    try {
      JWTClaimsSet claims =
          SignedJWT.parse(
                  TokenClient.clientCredentials(server.tokenEndpoint(), "a", "b").accessToken())
              .getJWTClaimsSet();
      assertThat(
              Duration.between(
                  claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
          .isEqualTo(Duration.ofSeconds(30));
    } finally {
      server.changeTokenLifetime(Duration.ofSeconds(2));
    }
  }

  @Test
  void issuesTokensDirectlyIncludingExpiredOnes() throws Exception {
    JWTClaimsSet expired =
        SignedJWT.parse(server.issueToken("someone", Duration.ofMinutes(-1))).getJWTClaimsSet();

    assertThat(expired.getSubject()).isEqualTo("someone");
    assertThat(expired.getExpirationTime().toInstant()).isBefore(Instant.now());
    assertThat(server.tokenRequestCount()).isZero();
  }

  @Test
  void stampsTokensWithTheInjectedClock() throws Exception {
    Instant fixed = Instant.parse("2030-01-01T00:00:00Z");
    try (OAuth2Server clocked =
        OAuth2Server.builder().clock(Clock.fixed(fixed, ZoneOffset.UTC)).build().start()) {
      JWTClaimsSet claims =
          SignedJWT.parse(
                  TokenClient.clientCredentials(clocked.tokenEndpoint(), "a", "b").accessToken())
              .getJWTClaimsSet();

      assertThat(claims.getIssueTime().toInstant()).isEqualTo(fixed);
      assertThat(claims.getExpirationTime().toInstant()).isEqualTo(fixed.plus(Duration.ofHours(1)));
    }
  }

  @Test
  void refusesConnectionsOnceClosed() {
    OAuth2Server closed = OAuth2Server.builder().build().start();
    closed.close();

    assertThat(closed.isRunning()).isFalse();
    assertThatThrownBy(() -> TokenClient.clientCredentials(closed.tokenEndpoint(), "a", "b"))
        .isInstanceOf(ConnectException.class);
    assertThatThrownBy(closed::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rejectsLifetimesThatTokensCannotCarry() {
    assertThatThrownBy(() -> OAuth2Server.builder().tokenLifetime(Duration.ofMillis(500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1 s");
    assertThatThrownBy(() -> OAuth2Server.builder().issuerId("a/b"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hasNoAddressBeforeStart() {
    assertThatThrownBy(() -> OAuth2Server.builder().build().tokenEndpoint())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not been started");
  }
}
