package dev.floe.catalog.oauth2;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Guards the catalog servlet: a request passes only with {@code Authorization: Bearer <jwt>} where
 * the JWT is signed by a key of the OAuth2 server's JWKS, was issued by that server and has not
 * expired (to the millisecond, by the real clock); everything else is answered 401 with an Iceberg
 * error body. Revoked tokens are answered 401 too, and counted apart.
 */
final class BearerTokenFilter implements Filter {
  private final JWKSet keys;
  private final String issuer;
  private final Set<String> accepted = ConcurrentHashMap.newKeySet();
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();
  private final AtomicInteger passed = new AtomicInteger();
  private final AtomicInteger refusedRevoked = new AtomicInteger();
  private final List<String> refused = new CopyOnWriteArrayList<>();

  BearerTokenFilter(JWKSet keys, String issuer) {
    this.keys = keys;
    this.issuer = issuer;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    String header = http.getHeader("Authorization");
    String problem = problem(header);
    String what = http.getMethod() + " " + http.getRequestURI();
    if (problem == null) {
      String token = header.substring("Bearer ".length());
      if (revoked.contains(token)) {
        refusedRevoked.incrementAndGet();
        unauthorized((HttpServletResponse) response, "revoked");
        return;
      }
      accepted.add(token);
      passed.incrementAndGet();
      chain.doFilter(request, response);
    } else {
      refused.add(what + ": " + problem);
      unauthorized((HttpServletResponse) response, problem);
    }
  }

  private String problem(String header) {
    if (header == null || !header.startsWith("Bearer ")) {
      return "no bearer token";
    }
    try {
      SignedJWT jwt = SignedJWT.parse(header.substring("Bearer ".length()));
      RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
      if (key == null || !jwt.verify(new RSASSAVerifier(key))) {
        return "bad signature";
      }
      if (!issuer.equals(jwt.getJWTClaimsSet().getIssuer())) {
        return "wrong issuer";
      }
      Instant expiry = jwt.getJWTClaimsSet().getExpirationTime().toInstant();
      Instant now = Instant.now();
      if (!now.isBefore(expiry)) {
        return "expired at " + expiry + ", now " + now;
      }
      return null;
    } catch (java.text.ParseException | com.nimbusds.jose.JOSEException | RuntimeException e) {
      return "unreadable token: " + e;
    }
  }

  private static void unauthorized(HttpServletResponse response, String why) throws IOException {
    response.setStatus(401);
    response.setContentType("application/json");
    response
        .getOutputStream()
        .write(
            ("{\"error\":{\"message\":\"not authorized: "
                    + why.replace('"', '\'')
                    + "\",\"type\":\"NotAuthorizedException\",\"code\":401}}")
                .getBytes(UTF_8));
  }

  void forgetRefusals() {
    refused.clear();
  }

  void revoke(String token) {
    revoked.add(token);
  }

  /** Requests refused for a missing, invalid or expired token (revocations not included). */
  List<String> refused() {
    return List.copyOf(refused);
  }

  int refusedRevoked() {
    return refusedRevoked.get();
  }

  int passed() {
    return passed.get();
  }

  /** The distinct tokens that passed. */
  Set<String> accepted() {
    return Set.copyOf(accepted);
  }
}
