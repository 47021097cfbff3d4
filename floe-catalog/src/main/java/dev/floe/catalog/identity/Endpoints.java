package dev.floe.catalog.identity;

import java.net.URI;
import java.util.Locale;

/** Checks endpoint URLs in settings. */
final class Endpoints {
  private Endpoints() {}

  /** Rejects anything but an http(s) URL with a host and without user info. */
  static void check(String what, URI endpoint) {
    // Checked first so that no message below can echo a URL that holds a user name or password.
    if (endpoint.getRawUserInfo() != null) {
      throw new IllegalArgumentException(what + " must not contain user info");
    }
    String scheme =
        endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
    if ((!scheme.equals("https") && !scheme.equals("http")) || endpoint.getHost() == null) {
      throw new IllegalArgumentException(
          what + " '" + endpoint + "' must be an http or https URL with a host");
    }
  }
}
