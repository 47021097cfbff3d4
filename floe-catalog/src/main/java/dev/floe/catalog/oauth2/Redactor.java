package dev.floe.catalog.oauth2;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.floe.core.secret.Secret;
import java.net.URLEncoder;
import java.util.Base64;
import java.util.List;

/**
 * Masks a client secret in text that came from a server or a library, in every form this client
 * sends it: as is, form-encoded (the {@code client_secret} field) and inside the base64 {@code
 * Basic} credentials. Thread-safe.
 */
final class Redactor {
  private final List<Secret> forms;

  Redactor(String clientId, Secret secret) {
    this.forms =
        secret.use(
            value -> {
              String encoded = URLEncoder.encode(value, UTF_8);
              String basic =
                  Base64.getEncoder()
                      .encodeToString(
                          (URLEncoder.encode(clientId, UTF_8) + ":" + encoded).getBytes(UTF_8));
              return List.of(secret, Secret.of(encoded), Secret.of(basic));
            });
  }

  /** {@code text} with every form of the secret replaced by {@value Secret#MASK}. */
  String redact(String text) {
    return Secret.redact(text, forms);
  }

  /** The form-encoded secret, as sent in a {@code client_secret} field. */
  Secret encoded() {
    return forms.get(1);
  }

  /** The base64 {@code Basic} credentials. */
  Secret basic() {
    return forms.get(2);
  }
}
