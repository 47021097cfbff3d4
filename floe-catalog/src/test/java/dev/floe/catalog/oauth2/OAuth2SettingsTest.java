package dev.floe.catalog.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.secret.Secret;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OAuth2SettingsTest {
  private static final URI ENDPOINT = URI.create("https://idp.example/oauth2/token");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void defaultsToTheIcebergRestTokenPathBelowTheCatalogUri() {
    assertThat(OAuth2Settings.icebergTokenEndpoint(URI.create("http://polaris:8181/api/catalog")))
        .isEqualTo(URI.create("http://polaris:8181/api/catalog/v1/oauth/tokens"));
    assertThat(OAuth2Settings.icebergTokenEndpoint(URI.create("http://polaris:8181/api/catalog//")))
        .isEqualTo(URI.create("http://polaris:8181/api/catalog/v1/oauth/tokens"));
  }

  @Test
  void hasDocumentedDefaults() {
    OAuth2Settings settings = OAuth2Settings.builder(ENDPOINT, "etl", Secret.of("s")).build();

    assertThat(settings.clientAuthentication()).isEqualTo(ClientAuthentication.CLIENT_SECRET_POST);
    assertThat(settings.scope()).isEmpty();
    assertThat(settings.audience()).isEmpty();
    assertThat(settings.refresh())
        .isEqualTo(
            new RefreshPolicy(
                0.8, Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMinutes(5)));
    assertThat(settings.retry())
        .isEqualTo(
            new RetryPolicy(
                5, Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ofSeconds(5)));
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void masksTheSecretInToString() {
    OAuth2Settings settings =
        OAuth2Settings.builder(ENDPOINT, "etl", Secret.of("hunter2")).scope("catalog").build();

    assertThat(settings.toString()).contains("clientSecret=****").doesNotContain("hunter2");
  }

  @Test
  void rejectsAnEndpointWithUserInfoWithoutEchoingIt() {
    URI withUser = URI.create("https://etl:hunter2@idp.example/token");

    assertThatThrownBy(() -> OAuth2Settings.builder(withUser, "etl", Secret.of("s")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tokenEndpoint must not contain user-info");
  }

  @Test
  void rejectsEndpointsThatAreNotAbsoluteHttp() {
    assertThatThrownBy(
            () -> OAuth2Settings.builder(URI.create("/token"), "etl", Secret.of("s")).build())
        .hasMessage("tokenEndpoint must be an absolute http(s) URI");
    assertThatThrownBy(
            () ->
                OAuth2Settings.builder(URI.create("file:///token"), "etl", Secret.of("s")).build())
        .hasMessage("tokenEndpoint must be an absolute http(s) URI");
  }

  @Test
  void rejectsABlankClientIdAnEmptySecretAndABlankScope() {
    assertThatThrownBy(() -> OAuth2Settings.builder(ENDPOINT, " ", Secret.of("s")).build())
        .hasMessage("clientId must not be blank");
    assertThatThrownBy(() -> OAuth2Settings.builder(ENDPOINT, "etl", Secret.of("")).build())
        .hasMessage("clientSecret must not be empty");
    assertThatThrownBy(
            () -> OAuth2Settings.builder(ENDPOINT, "etl", Secret.of("s")).scope(" ").build())
        .hasMessage("scope must not be blank when present");
    assertThatThrownBy(
            () ->
                OAuth2Settings.builder(ENDPOINT, "etl", Secret.of("s"))
                    .requestTimeout(Duration.ZERO)
                    .build())
        .hasMessage("requestTimeout must be positive, got PT0S");
  }

  @Test
  void refreshesAnHourTokenAt48MinutesAndUsesItUntil10SecondsBeforeExpiry() {
    CachedToken token =
        RefreshPolicy.DEFAULT.schedule(Secret.of("t"), T0, Optional.of(Duration.ofHours(1)));

    assertThat(token.refreshAt()).isEqualTo(T0.plus(Duration.ofMinutes(48)));
    assertThat(token.usableUntil()).isEqualTo(T0.plus(Duration.ofMinutes(59).plusSeconds(50)));
    assertThat(token.expiresAt()).contains(T0.plus(Duration.ofHours(1)));
  }

  @Test
  void refreshesAMinuteTokenThirtySecondsBeforeExpiry() {
    CachedToken token =
        RefreshPolicy.DEFAULT.schedule(Secret.of("t"), T0, Optional.of(Duration.ofSeconds(60)));

    assertThat(token.refreshAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(token.usableUntil()).isEqualTo(T0.plusSeconds(50));
  }

  @Test
  void usesAVeryShortTokenForHalfItsLifetime() {
    CachedToken token =
        RefreshPolicy.DEFAULT.schedule(Secret.of("t"), T0, Optional.of(Duration.ofSeconds(2)));

    assertThat(token.refreshAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(token.usableUntil()).isEqualTo(T0.plusSeconds(1));
  }

  @Test
  void refreshesATokenWithoutExpiryOnTheDefaultSchedule() {
    CachedToken token = RefreshPolicy.DEFAULT.schedule(Secret.of("t"), T0, Optional.empty());

    assertThat(token.refreshAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    assertThat(token.usableUntil()).isEqualTo(Instant.MAX);
    assertThat(token.expiresAt()).isEmpty();
  }

  @Test
  void neverRefreshesLaterThanTheTokenIsUsable() {
    RefreshPolicy late =
        new RefreshPolicy(1.0, Duration.ZERO, Duration.ofSeconds(60), Duration.ofMinutes(5));

    CachedToken token = late.schedule(Secret.of("t"), T0, Optional.of(Duration.ofHours(1)));

    assertThat(token.refreshAt()).isEqualTo(token.usableUntil()).isEqualTo(T0.plusSeconds(3540));
  }

  @Test
  void rejectsRefreshFractionsOutsideZeroToOne() {
    assertThatThrownBy(
            () -> new RefreshPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ofMinutes(5)))
        .hasMessage("fraction must be in (0, 1], got 0.0");
    assertThatThrownBy(
            () -> new RefreshPolicy(1.5, Duration.ZERO, Duration.ZERO, Duration.ofMinutes(5)))
        .hasMessage("fraction must be in (0, 1], got 1.5");
  }

  @Test
  void doublesTheBackoffCapUpToTheMaximum() {
    RetryPolicy retry = RetryPolicy.DEFAULT;

    assertThat(retry.backoffCap(1)).isEqualTo(Duration.ofMillis(200));
    assertThat(retry.backoffCap(2)).isEqualTo(Duration.ofMillis(400));
    assertThat(retry.backoffCap(5)).isEqualTo(Duration.ofMillis(3200));
    assertThat(retry.backoffCap(6)).isEqualTo(Duration.ofSeconds(5));
    assertThat(retry.backoffCap(60)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void rejectsAnEmptyRetryBudget() {
    assertThatThrownBy(
            () ->
                new RetryPolicy(
                    0, Duration.ofSeconds(1), Duration.ofMillis(1), Duration.ofMillis(1)))
        .hasMessage("maxAttempts must be at least 1, got 0");
    assertThatThrownBy(
            () ->
                new RetryPolicy(
                    1, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessage("maxBackoff must be at least initialBackoff, got PT1S < PT2S");
  }
}
