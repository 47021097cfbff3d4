package dev.floe.catalog.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.catalog.failure.ConnectionFailureException;
import dev.floe.catalog.failure.FailureKind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** {@link IamRoleCredentials} against an STS Query API endpoint on loopback. */
class IamRoleCredentialsTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/floe-writer";
  private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  private static final AwsCredentialsProvider SOURCE =
      StaticCredentialsProvider.create(
          AwsBasicCredentials.create("AKIASOURCE0000000001", "source-secret-not-a-canary"));

  private final MutableClock clock = new MutableClock(START);
  private LoopbackSts sts;

  @BeforeEach
  void startSts() throws IOException {
    sts = new LoopbackSts(() -> clock.instant().plus(Duration.ofMinutes(15)));
  }

  @AfterEach
  void stopSts() {
    sts.close();
  }

  private IamRoleSettings settings() {
    return IamRoleSettings.of(ROLE).withRegion("eu-west-1").withStsEndpoint(sts.endpoint());
  }

  @Test
  void assumesTheRoleWithEveryConfiguredParameter() {
    IamRoleSettings settings =
        settings()
            .withExternalId("floe-external-42")
            .withSessionName("floe-customer-analytics")
            .withDuration(Duration.ofMinutes(15));
    try (IamRoleCredentials provider = IamRoleCredentials.create(settings, SOURCE, clock)) {
      AwsSessionCredentials credentials = provider.resolveCredentials();

      assertThat(credentials.accessKeyId()).isEqualTo(LoopbackSts.accessKeyId(1));
      assertThat(credentials.secretAccessKey()).isEqualTo(LoopbackSts.secretAccessKey(1));
      assertThat(credentials.sessionToken()).isEqualTo(LoopbackSts.sessionToken(1));
      assertThat(credentials.expirationTime()).contains(START.plus(Duration.ofMinutes(15)));
    }
    assertThat(sts.requests()).hasSize(1);
    LoopbackSts.Request request = sts.requests().get(0);
    assertThat(request.parameters())
        .containsEntry("Action", "AssumeRole")
        .containsEntry("Version", "2011-06-15")
        .containsEntry("RoleArn", ROLE)
        .containsEntry("RoleSessionName", "floe-customer-analytics")
        .containsEntry("ExternalId", "floe-external-42")
        .containsEntry("DurationSeconds", "900")
        .doesNotContainKey("WebIdentityToken");
    assertThat(request.header("Authorization"))
        .as("AssumeRole is signed by the source identity, for the configured region")
        .contains("Credential=AKIASOURCE0000000001/")
        .contains("/eu-west-1/sts/aws4_request");
  }

  @Test
  void defaultsAreOneHourAndSessionNameFloe() {
    try (IamRoleCredentials provider = IamRoleCredentials.create(settings(), SOURCE, clock)) {
      provider.resolveCredentials();
    }
    assertThat(sts.requests().get(0).parameters())
        .containsEntry("RoleSessionName", "floe")
        .containsEntry("DurationSeconds", "3600")
        .doesNotContainKey("ExternalId");
  }

  @Test
  void keepsCredentialsUntilFiveMinutesBeforeExpiry() {
    try (IamRoleCredentials provider = IamRoleCredentials.create(settings(), SOURCE, clock)) {
      AwsSessionCredentials first = provider.resolveCredentials();
      clock.advance(Duration.ofMinutes(9));
      AwsSessionCredentials later = provider.resolveCredentials();

      assertThat(later).isSameAs(first);
      assertThat(sts.requests()).hasSize(1);
    }
  }

  @Test
  void refreshesFromFiveMinutesBeforeExpiry() {
    try (IamRoleCredentials provider = IamRoleCredentials.create(settings(), SOURCE, clock)) {
      provider.resolveCredentials();
      clock.advance(Duration.ofMinutes(10).plusSeconds(1));

      AwsSessionCredentials refreshed = provider.resolveCredentials();

      assertThat(refreshed.accessKeyId()).isEqualTo(LoopbackSts.accessKeyId(2));
      assertThat(refreshed.expirationTime())
          .contains(START.plus(Duration.ofMinutes(25)).plusSeconds(1));
      assertThat(sts.requests()).hasSize(2);
    }
  }

  @Test
  void aShortExpirationForcesARefreshOnTheNextCall() {
    sts.expireAt(() -> clock.instant().plusSeconds(30));
    try (IamRoleCredentials provider = IamRoleCredentials.create(settings(), SOURCE, clock)) {
      AwsSessionCredentials first = provider.resolveCredentials();
      AwsSessionCredentials second = provider.resolveCredentials();

      assertThat(first.accessKeyId()).isEqualTo(LoopbackSts.accessKeyId(1));
      assertThat(second.accessKeyId()).isEqualTo(LoopbackSts.accessKeyId(2));
      assertThat(sts.requests()).hasSize(2);
    }
  }

  @Test
  void aFailedEarlyRefreshKeepsTheCurrentCredentialsAndTheNextCallTriesAgain() {
    try (IamRoleCredentials provider = IamRoleCredentials.create(settings(), SOURCE, clock)) {
      AwsSessionCredentials first = provider.resolveCredentials();
      clock.advance(Duration.ofMinutes(11));
      sts.answerNext(LoopbackSts.error(403, "Sender", "AccessDenied", "not now"));

      assertThat(provider.resolveCredentials()).isSameAs(first);
      assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo(LoopbackSts.accessKeyId(2));
      assertThat(sts.requests()).hasSize(3);
    }
  }

  @Test
  void aFailedRefreshOfStaleCredentialsIsThrownAndDoesNotPoisonTheNextCall() {
    try (IamRoleCredentials provider = IamRoleCredentials.create(settings(), SOURCE, clock)) {
      provider.resolveCredentials();
      clock.advance(Duration.ofMinutes(14).plusSeconds(30));
      sts.answerNext(LoopbackSts.error(403, "Sender", "ExpiredTokenException", "expired"));

      assertThatThrownBy(provider::resolveCredentials)
          .isInstanceOf(ConnectionFailureException.class)
          .hasMessageContaining("ExpiredTokenException");
      assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo(LoopbackSts.accessKeyId(2));
    }
  }

  @Test
  void accessDeniedNamesTheRoleAndTheStsErrorCode() {
    sts.answerNext(
        LoopbackSts.error(
            403,
            "Sender",
            "AccessDenied",
            "User: arn:aws:iam::123456789012:user/ci is not authorized to perform:"
                + " sts:AssumeRole on resource: "
                + ROLE));
    try (IamRoleCredentials provider = IamRoleCredentials.create(settings(), SOURCE, clock)) {
      assertThatThrownBy(provider::resolveCredentials)
          .isInstanceOfSatisfying(
              ConnectionFailureException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(FailureKind.AUTHENTICATION);
                assertThat(e.endpoint()).isEqualTo(sts.endpoint().toString());
                assertThat(e.getMessage())
                    .startsWith("cannot assume role " + ROLE + " at " + sts.endpoint())
                    .contains("STS answered AccessDenied (HTTP 403)")
                    .contains("is not authorized to perform: sts:AssumeRole");
              });
    }
  }

  @Test
  void anUnreachableStsIsRefused() throws IOException {
    URI closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
    IamRoleSettings settings = IamRoleSettings.of(ROLE).withStsEndpoint(closed);
    try (IamRoleCredentials provider = IamRoleCredentials.create(settings, SOURCE, clock)) {
      assertThatThrownBy(provider::resolveCredentials)
          .isInstanceOfSatisfying(
              ConnectionFailureException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(FailureKind.REFUSED);
                assertThat(e.endpoint()).isEqualTo(closed.toString());
                assertThat(e.getMessage())
                    .startsWith("cannot assume role " + ROLE + " at " + closed)
                    .contains("connection refused");
              });
    }
  }

  @Test
  void webIdentityReadsTheTokenFileAtEveryRefresh(@TempDir Path dir) throws IOException {
    Path tokenFile = dir.resolve("token");
    Files.writeString(tokenFile, "web-identity-token-one\n", StandardCharsets.UTF_8);
    IamRoleSettings settings =
        settings().withWebIdentityTokenFile(tokenFile).withSessionName("floe-demo");
    try (IamRoleCredentials provider = IamRoleCredentials.create(settings, SOURCE, clock)) {
      provider.resolveCredentials();
      Files.writeString(tokenFile, "web-identity-token-two", StandardCharsets.UTF_8);
      clock.advance(Duration.ofMinutes(9));
      provider.resolveCredentials();
      clock.advance(Duration.ofMinutes(2));
      AwsSessionCredentials rotated = provider.resolveCredentials();

      assertThat(rotated.accessKeyId()).isEqualTo(LoopbackSts.accessKeyId(2));
    }
    assertThat(sts.requests()).hasSize(2);
    LoopbackSts.Request first = sts.requests().get(0);
    assertThat(first.parameters())
        .containsEntry("Action", "AssumeRoleWithWebIdentity")
        .containsEntry("RoleArn", ROLE)
        .containsEntry("RoleSessionName", "floe-demo")
        .containsEntry("DurationSeconds", "3600")
        .containsEntry("WebIdentityToken", "web-identity-token-one")
        .doesNotContainKey("ExternalId");
    assertThat(first.header("Authorization"))
        .as("AssumeRoleWithWebIdentity is not signed")
        .isNull();
    assertThat(sts.requests().get(1).parameters())
        .containsEntry("WebIdentityToken", "web-identity-token-two");
  }

  @Test
  void aMissingWebIdentityTokenFileIsNotFound(@TempDir Path dir) {
    Path tokenFile = dir.resolve("missing-token");
    IamRoleSettings settings = settings().withWebIdentityTokenFile(tokenFile);
    try (IamRoleCredentials provider = IamRoleCredentials.create(settings, clock)) {
      assertThatThrownBy(provider::resolveCredentials)
          .isInstanceOfSatisfying(
              ConnectionFailureException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(FailureKind.NOT_FOUND);
                assertThat(e.endpoint()).isEqualTo(tokenFile.toString());
                assertThat(e.getMessage())
                    .contains(tokenFile.toString())
                    .contains("does not exist");
              });
    }
    assertThat(sts.requests()).isEmpty();
  }

  @Test
  void toStringNamesRoleSessionAndEndpointOnly() {
    try (IamRoleCredentials provider = IamRoleCredentials.create(settings(), SOURCE, clock)) {
      assertThat(provider)
          .hasToString(
              "IamRoleCredentials[role="
                  + ROLE
                  + ", session=floe, endpoint="
                  + sts.endpoint()
                  + "]");
    }
  }
}
