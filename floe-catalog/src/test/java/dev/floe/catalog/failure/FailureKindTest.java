package dev.floe.catalog.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** {@link FailureKind#of}: low-level failures, anywhere in a cause chain. */
class FailureKindTest {
  @Test
  void recognisesTheLowLevelFailures() {
    assertThat(FailureKind.of(new ConnectException("Connection refused")))
        .contains(FailureKind.REFUSED);
    assertThat(FailureKind.of(new SocketTimeoutException("Read timed out")))
        .contains(FailureKind.TIMEOUT);
    assertThat(FailureKind.of(new HttpConnectTimeoutException("connect timed out")))
        .contains(FailureKind.TIMEOUT);
    assertThat(FailureKind.of(new SSLHandshakeException("PKIX path building failed")))
        .contains(FailureKind.TLS);
    assertThat(FailureKind.of(new UnknownHostException("sts.example.test")))
        .contains(FailureKind.NOT_FOUND);
    assertThat(FailureKind.of(new NoSuchFileException("/var/run/token")))
        .contains(FailureKind.NOT_FOUND);
    assertThat(FailureKind.of(new AccessDeniedException("/var/run/token")))
        .contains(FailureKind.AUTHENTICATION);
  }

  @Test
  void walksTheCauseChainAndTakesTheFirstRecognisedCause() {
    IOException wrapped =
        new IOException("Unable to execute HTTP request", new ConnectException("refused"));

    assertThat(FailureKind.of(new UncheckedIOException(wrapped))).contains(FailureKind.REFUSED);
    assertThat(FailureKind.of(new IllegalStateException("unrelated"))).isEmpty();
  }

  @Test
  void theExceptionCarriesKindEndpointAndCause() {
    ConnectException cause = new ConnectException("refused");
    ConnectionFailureException e =
        new ConnectionFailureException(
            FailureKind.REFUSED, "http://127.0.0.1:1", "cannot reach STS", cause);

    assertThat(e.kind()).isEqualTo(FailureKind.REFUSED);
    assertThat(e.endpoint()).isEqualTo("http://127.0.0.1:1");
    assertThat(e).hasMessage("cannot reach STS").hasCause(cause);
  }
}
