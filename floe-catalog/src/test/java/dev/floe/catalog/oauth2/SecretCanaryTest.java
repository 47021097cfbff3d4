package dev.floe.catalog.oauth2;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.floe.catalog.oauth2.ScriptedTokenServer.Reply;
import dev.floe.core.secret.Secret;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A unique client secret must never appear, in any encoding the client produces, in any message,
 * {@code toString} or stack trace text of this package: not even when the server echoes it back.
 */
class SecretCanaryTest {
  private static final String CLIENT = "canary-client";
  private final String canary = "canary-" + UUID.randomUUID() + "/+ x";
  private final ManualClock clock = new ManualClock();

  @ParameterizedTest
  @EnumSource(ClientAuthentication.class)
  void theSecretAppearsInNoFailureTextOrToString(ClientAuthentication authentication)
      throws Exception {
    List<String> texts = new ArrayList<>();
    String echoed = "client_secret=" + canary + "&basic=" + basic();

    failWith(
        authentication,
        texts,
        server ->
            server.then(
                Reply.json(
                    401,
                    "{\"error\":\"invalid_client "
                        + canary
                        + "\",\"error_description\":\"got "
                        + echoed
                        + "\"}")));
    failWith(
        authentication,
        texts,
        server -> {
          for (int i = 0; i < 5; i++) {
            server.then(Reply.text(500, "text/plain", echoed));
          }
        });
    failWith(authentication, texts, server -> server.then(Reply.text(200, "text/plain", echoed)));
    failWith(
        authentication,
        texts,
        server ->
            server.then(
                Reply.json(200, "{\"access_token\":\"t\",\"token_type\":\"" + canary + "\"}")));
    CountDownLatch never = new CountDownLatch(1);
    try {
      failWith(
          authentication,
          Duration.ofMillis(100),
          texts,
          server -> {
            for (int i = 0; i < 5; i++) {
              server.then(Reply.status(200).heldBy(never));
            }
          });
    } finally {
      never.countDown();
    }
    texts.addAll(unreachable(authentication));

    try (ScriptedTokenServer server = new ScriptedTokenServer(clock);
        OAuth2TokenManager tokens = manager(server.endpoint(), authentication);
        OAuth2AuthManager.Registration registration = OAuth2AuthManager.register(tokens)) {
      tokens.token();
      texts.add(settings(server.endpoint(), authentication, Duration.ofSeconds(1)).toString());
      texts.add(tokens.toString());
      texts.add(registration.toString());
      texts.add(registration.catalogProperties().toString());
      texts.add(new OAuth2AuthSession(tokens).toString());
      texts.add(server.received().get(0).body());
    }

    assertThat(texts).hasSizeGreaterThan(10);
    for (String text : texts.subList(0, texts.size() - 1)) {
      assertThat(text).doesNotContain(canary, encoded(), basic(), canary.substring(7, 43));
    }
    // The request itself did carry the secret: the canary is real.
    String request = texts.get(texts.size() - 1);
    if (authentication == ClientAuthentication.CLIENT_SECRET_POST) {
      assertThat(request).contains(encoded());
    }
    assertThat(String.join("\n", texts)).contains(Secret.MASK);
  }

  private void failWith(
      ClientAuthentication authentication, List<String> texts, Consumer<ScriptedTokenServer> script)
      throws Exception {
    failWith(authentication, OAuth2Settings.DEFAULT_REQUEST_TIMEOUT, texts, script);
  }

  private void failWith(
      ClientAuthentication authentication,
      Duration requestTimeout,
      List<String> texts,
      Consumer<ScriptedTokenServer> script)
      throws Exception {
    try (ScriptedTokenServer server = new ScriptedTokenServer(clock)) {
      script.accept(server);
      OAuth2TokenManager tokens = manager(server.endpoint(), authentication, requestTimeout);
      OAuth2Exception e = catchThrowableOfType(OAuth2Exception.class, tokens::token);
      texts.addAll(texts(e));
    }
  }

  private List<String> unreachable(ClientAuthentication authentication) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    OAuth2TokenManager tokens =
        manager(URI.create("http://127.0.0.1:" + port + "/token"), authentication);
    return texts(catchThrowableOfType(OAuth2Exception.class, tokens::token));
  }

  private static List<String> texts(OAuth2Exception e) {
    assertThat(e).isNotNull();
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return List.of(e.getMessage(), e.toString(), e.detail(), trace.toString());
  }

  private OAuth2Settings settings(
      URI endpoint, ClientAuthentication authentication, Duration requestTimeout) {
    return OAuth2Settings.builder(endpoint, CLIENT, Secret.of(canary))
        .clientAuthentication(authentication)
        .requestTimeout(requestTimeout)
        .build();
  }

  private OAuth2TokenManager manager(URI endpoint, ClientAuthentication authentication) {
    return manager(endpoint, authentication, OAuth2Settings.DEFAULT_REQUEST_TIMEOUT);
  }

  private OAuth2TokenManager manager(
      URI endpoint, ClientAuthentication authentication, Duration requestTimeout) {
    return OAuth2TokenManager.builder(settings(endpoint, authentication, requestTimeout))
        .clock(clock)
        .sleeper(new VirtualSleeper(clock))
        .random(new SplittableRandom(1))
        .refreshExecutor(Runnable::run)
        .build();
  }

  private String encoded() {
    return URLEncoder.encode(canary, UTF_8);
  }

  private String basic() {
    return Base64.getEncoder()
        .encodeToString((URLEncoder.encode(CLIENT, UTF_8) + ":" + encoded()).getBytes(UTF_8));
  }
}
