package dev.floe.catalog;

import static java.util.Objects.requireNonNull;

import dev.floe.core.model.SecretRef;
import dev.floe.core.model.StringOrSecret;
import dev.floe.core.secret.SecretResolver;

/**
 * An endpoint of a profile: its value, to connect to, and how messages show it — the value itself
 * (without a query, which could carry parameters), or {@code secret_ref:NAME} when the profile
 * hides it behind a secret.
 *
 * @param value the resolved endpoint
 * @param display what messages show
 */
record Endpoint(String value, String display) {
  Endpoint {
    requireNonNull(value, "value");
    requireNonNull(display, "display");
  }

  /** A literal endpoint, shown as written without its query. */
  static Endpoint literal(String value) {
    return new Endpoint(value, withoutQuery(value));
  }

  /** The endpoint written as {@code setting}, resolved when it is a secret reference. */
  static Endpoint of(StringOrSecret setting, SecretResolver secrets, String field) {
    if (setting instanceof SecretRef ref) {
      return new Endpoint(secrets.resolve(ref, field).reveal(), "secret_ref:" + ref.name());
    }
    return literal(((StringOrSecret.Literal) setting).value());
  }

  /** This endpoint with {@code suffix} appended to both forms. */
  Endpoint append(String suffix) {
    return new Endpoint(value + suffix, display + suffix);
  }

  static String withoutQuery(String text) {
    int cut = text.indexOf('?');
    return cut < 0 ? text : text.substring(0, cut);
  }

  @Override
  public String toString() {
    return display;
  }
}
