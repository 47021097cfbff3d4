package dev.floe.catalog.oauth2;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.TokenRequest;
import dev.floe.catalog.oauth2.OAuth2Exception.Kind;
import dev.floe.core.secret.Secret;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token manager against a real OAuth2 server: NAV's mock-oauth2-server on 127.0.0.1. */
class MockOAuth2ServerTest {
  private static final String ISSUER = "floe";

  private MockOAuth2Server server;
  private URI tokenEndpoint;

  @BeforeEach
  void start() throws Exception {
    server = new MockOAuth2Server();
    server.start(InetAddress.getLoopbackAddress(), 0);
    tokenEndpoint = server.tokenEndpointUrl(ISSUER).uri();
  }

  @AfterEach
  void stop() {
    server.shutdown();
  }

  private OAuth2TokenManager manager(OAuth2Settings settings) {
    return OAuth2TokenManager.builder(settings).build();
  }

  @Test
  void obtainsATokenWithClientSecretPost() throws Exception {
    OAuth2TokenManager tokens =
        manager(OAuth2Settings.builder(tokenEndpoint, "etl-job", Secret.of("post-secret")).build());

    SignedJWT jwt = SignedJWT.parse(tokens.token().reveal());

    assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("etl-job");
    assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(server.issuerUrl(ISSUER).toString());
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getHeader("Authorization")).isNull();
    assertThat(form(request))
        .containsEntry("grant_type", "client_credentials")
        .containsEntry("client_id", "etl-job")
        .containsEntry("client_secret", "post-secret");
  }

  @Test
  void obtainsATokenWithClientSecretBasic() throws Exception {
    OAuth2TokenManager tokens =
        manager(
            OAuth2Settings.builder(tokenEndpoint, "etl-job", Secret.of("basic secret/+"))
                .clientAuthentication(ClientAuthentication.CLIENT_SECRET_BASIC)
                .build());

    SignedJWT jwt = SignedJWT.parse(tokens.token().reveal());

    // The server's parser (Nimbus) form-decodes the Basic credentials, as RFC 6749 says.
    assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("etl-job");
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getHeader("Authorization")).startsWith("Basic ");
    assertThat(form(request)).doesNotContainKeys("client_id", "client_secret");
  }

  @Test
  void sendsScopeAndAudience() throws Exception {
    OAuth2TokenManager tokens =
        manager(
            OAuth2Settings.builder(tokenEndpoint, "etl-job", Secret.of("s"))
                .scope("catalog")
                .audience("https://lake.example")
                .build());

    SignedJWT jwt = SignedJWT.parse(tokens.token().reveal());

    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(form(request))
        .containsEntry("scope", "catalog")
        .containsEntry("audience", "https://lake.example");
    // The mock server turns the requested scope into the token's audience.
    assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("catalog");
  }

  @Test
  void reportsARejectedClientWithTheServersErrorCode() {
    server.enqueueCallback(new RejectingCallback());
    OAuth2TokenManager tokens =
        manager(OAuth2Settings.builder(tokenEndpoint, "intruder", Secret.of("wrong")).build());

    OAuth2Exception e = catchThrowableOfType(OAuth2Exception.class, tokens::token);

    assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
    // mock-oauth2-server answers 401 with Nimbus's error object, lower-cased.
    assertThat(e.getMessage())
        .isEqualTo(
            "authentication failed for client 'intruder' at "
                + tokenEndpoint
                + ": invalid_client (unknown client intruder)");
    assertThat(e.getMessage()).doesNotContain("wrong");
  }

  private static Map<String, String> form(RecordedRequest request) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : request.getBody().readString(UTF_8).split("&", -1)) {
      int eq = pair.indexOf('=');
      form.put(
          URLDecoder.decode(pair.substring(0, eq), UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), UTF_8));
    }
    return form;
  }

  /** Rejects the client the way the server rejects bad client credentials. */
  private static final class RejectingCallback extends DefaultOAuth2TokenCallback {
    RejectingCallback() {
      super(ISSUER);
    }

    @Override
    public String subject(TokenRequest tokenRequest) {
      String client = tokenRequest.getClientAuthentication().getClientID().getValue();
      throw new no.nav.security.mock.oauth2.OAuth2Exception(
          OAuth2Error.INVALID_CLIENT.setDescription("unknown client " + client),
          "unknown client " + client);
    }

    @Override
    public List<String> audience(TokenRequest tokenRequest) {
      return List.of("default");
    }
  }
}
