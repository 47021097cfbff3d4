package dev.floe.testing.catalog;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks bearer JWTs against one issuer: signature by a key of the issuer's JWKS, {@code iss} equal
 * to the issuer, {@code exp} in the future by the given clock with no skew allowed.
 *
 * <p>Thread-safe: the keys are fetched once and fetched again only when a token names a key the
 * cached set does not have.
 */
final class TokenVerifier {

  private static final int KEYS_TIMEOUT_MILLIS = 5_000;
  private static final int KEYS_SIZE_LIMIT = 1 << 20;
  private static final String BEARER = "bearer ";

  /** What one check concluded; {@code subject} and {@code reason} are empty when not relevant. */
  record Verdict(TokenCheck check, Optional<String> subject, Optional<String> reason) {
    static Verdict valid(String subject) {
      return new Verdict(TokenCheck.VALID, Optional.ofNullable(subject), Optional.empty());
    }

    static Verdict rejected(TokenCheck check, String reason) {
      return new Verdict(check, Optional.empty(), Optional.of(reason));
    }
  }

  private final String issuer;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
  private final RemoteKeys keys;

  TokenVerifier(URI issuer, URI jwks, Clock clock) {
    this.issuer = issuer.toString();
    this.keys = new RemoteKeys(jwks);
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            Set.of(
                JWSAlgorithm.RS256,
                JWSAlgorithm.RS384,
                JWSAlgorithm.RS512,
                JWSAlgorithm.PS256,
                JWSAlgorithm.ES256,
                JWSAlgorithm.ES384),
            keys));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(null, Set.of("exp", "iss")) {
          @Override
          protected Date currentTime() {
            return Date.from(clock.instant());
          }
        };
    claims.setMaxClockSkew(0);
    processor.setJWTClaimsSetVerifier(claims);
  }

  /** Fetches the issuer's keys now, so that checks keep working if the issuer goes away. */
  void prefetchKeys() throws IOException, ParseException {
    keys.reload();
  }

  Verdict verify(String authorization) {
    if (authorization == null
        || authorization.length() <= BEARER.length()
        || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      return Verdict.rejected(TokenCheck.MISSING, "no bearer token");
    }
    String token = authorization.substring(BEARER.length()).trim();
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(token);
    } catch (ParseException e) {
      return Verdict.rejected(TokenCheck.MALFORMED, "the bearer token is not a signed JWT");
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(jwt, null);
    } catch (ExpiredJWTException e) {
      return Verdict.rejected(TokenCheck.EXPIRED, "the bearer token has expired");
    } catch (BadJWSException e) {
      return Verdict.rejected(TokenCheck.BAD_SIGNATURE, "the bearer token's signature is invalid");
    } catch (BadJWTException e) {
      return Verdict.rejected(TokenCheck.INVALID, "the bearer token is invalid: " + e.getMessage());
    } catch (BadJOSEException e) {
      // No key of the issuer matches the token's key id or algorithm.
      return Verdict.rejected(
          TokenCheck.BAD_SIGNATURE, "the bearer token is not signed by a key of " + issuer);
    } catch (JOSEException e) {
      return Verdict.rejected(
          TokenCheck.INVALID, "the bearer token cannot be checked: " + e.getMessage());
    }
    if (!issuer.equals(claims.getIssuer())) {
      return Verdict.rejected(
          TokenCheck.WRONG_ISSUER,
          "the bearer token is from issuer " + claims.getIssuer() + ", not " + issuer);
    }
    return Verdict.valid(claims.getSubject());
  }

  /** The issuer's keys, fetched on first use and again when a token names an unknown key. */
  private static final class RemoteKeys implements JWKSource<SecurityContext> {
    private final URI jwks;
    private volatile JWKSet cached;

    RemoteKeys(URI jwks) {
      this.jwks = jwks;
    }

    synchronized JWKSet reload() throws IOException, ParseException {
      cached = JWKSet.load(jwks.toURL(), KEYS_TIMEOUT_MILLIS, KEYS_TIMEOUT_MILLIS, KEYS_SIZE_LIMIT);
      return cached;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context)
        throws com.nimbusds.jose.KeySourceException {
      JWKSet set = cached;
      if (set != null) {
        List<JWK> found = selector.select(set);
        if (!found.isEmpty()) {
          return found;
        }
      }
      try {
        return selector.select(reload());
      } catch (IOException | ParseException e) {
        throw new com.nimbusds.jose.KeySourceException(
            "cannot fetch the issuer's keys from " + jwks + ": " + e.getMessage(), e);
      }
    }
  }
}
