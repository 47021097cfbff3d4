package dev.floe.core.secret;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import dev.floe.core.model.SecretRef;

/**
 * A setting that may be a secret ({@link dev.floe.core.model.StringOrSecret}: an endpoint, a {@code
 * client_id}, a catalog property), after resolution: either the text written in the file or a
 * {@link Secret} resolved from a {@code secret_ref}. A secret setting never shows its value: {@link
 * #display()} and {@code toString()} give {@code secret_ref:NAME}, so that a hidden endpoint can be
 * named in a diagnostic, a log line or a span without disclosing the topology it hides; only {@link
 * #reveal()} hands the value to the system that needs it. Immutable and thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public sealed interface ResolvedSetting permits ResolvedSetting.Text, ResolvedSetting.Hidden {
  /**
   * How to name the setting in output: the text itself, or {@code secret_ref:NAME}.
   *
   * @return never null
   */
  String display();

  /**
   * The value, to hand to the system that needs it (an HTTP client, a catalog property); never to
   * print or log.
   *
   * @return the text, or the secret's value
   * @throws IllegalStateException when the secret was destroyed
   */
  String reveal();

  /**
   * Text written in the configuration; not secret.
   *
   * @param value the text
   */
  record Text(String value) implements ResolvedSetting {
    public Text {
      requireNonNull(value, "value");
    }

    @Override
    public String display() {
      return value;
    }

    @Override
    public String reveal() {
      return value;
    }

    @Override
    public String toString() {
      return value;
    }
  }

  /**
   * A value resolved from a secret. Equality is that of the secret: identity.
   *
   * @param name the secret's name, which is not sensitive
   * @param value the resolved value
   */
  record Hidden(String name, Secret value) implements ResolvedSetting {
    /** How a hidden setting is named in output: {@code secret_ref:} and the secret's name. */
    public static final String DISPLAY_PREFIX = "secret_ref:";

    public Hidden {
      requireNonNull(name, "name");
      requireNonNull(value, "value");
      if (!SecretRef.NAME_PATTERN.matcher(name).matches()) {
        throw new IllegalArgumentException("invalid secret name");
      }
    }

    @Override
    public String display() {
      return DISPLAY_PREFIX + name;
    }

    @Override
    public String reveal() {
      return value.reveal();
    }

    /** {@code secret_ref:NAME}: never the value. */
    @Override
    public String toString() {
      return display();
    }
  }
}
