package dev.floe.testing.oauth2;

import com.nimbusds.oauth2.sdk.TokenRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;

/**
 * The server's token callback: claims as mock-oauth2-server's default callback makes them (the
 * subject of a client-credentials token is the client id), with a lifetime that a test may change
 * while the server runs.
 */
final class LifetimeTokenCallback implements OAuth2TokenCallback {

  private final DefaultOAuth2TokenCallback claims;
  private final AtomicReference<Duration> lifetime;

  LifetimeTokenCallback(String issuerId, Duration lifetime) {
    this.claims = new DefaultOAuth2TokenCallback(issuerId);
    this.lifetime = new AtomicReference<>(lifetime);
  }

  Duration lifetime() {
    return lifetime.get();
  }

  void lifetime(Duration newLifetime) {
    lifetime.set(newLifetime);
  }

  @Override
  public String issuerId() {
    return claims.issuerId();
  }

  @Override
  public String subject(TokenRequest tokenRequest) {
    return claims.subject(tokenRequest);
  }

  @Override
  public String typeHeader(TokenRequest tokenRequest) {
    return claims.typeHeader(tokenRequest);
  }

  @Override
  public List<String> audience(TokenRequest tokenRequest) {
    return claims.audience(tokenRequest);
  }

  @Override
  public Map<String, Object> addClaims(TokenRequest tokenRequest) {
    return claims.addClaims(tokenRequest);
  }

  @Override
  public long tokenExpiry() {
    return lifetime.get().toSeconds();
  }
}
