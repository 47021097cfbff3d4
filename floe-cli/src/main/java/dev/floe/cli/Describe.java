package dev.floe.cli;

import dev.floe.core.model.CatalogProfile;
import dev.floe.core.model.ComputeProfile;
import dev.floe.core.model.Credentials;
import dev.floe.core.model.SecretRef;
import dev.floe.core.model.StorageProfile;
import dev.floe.core.model.StorageType;
import dev.floe.core.model.StringOrSecret;
import java.util.Optional;

/** One-line descriptions of profiles for text and JSON listings. Secret endpoints by name only. */
final class Describe {
  private Describe() {}

  static String value(StringOrSecret value) {
    return value instanceof SecretRef ref
        ? "secret_ref:" + ref.name()
        : ((StringOrSecret.Literal) value).value();
  }

  static String endpoint(StorageProfile p) {
    if (p.type() == StorageType.LOCAL) {
      return p.path().orElse("");
    }
    String bucket = p.type().wire() + "://" + p.bucket().orElse("");
    Optional<String> endpoint = p.endpoint().map(Describe::value).filter(s -> !s.isEmpty());
    return endpoint.map(e -> bucket + " via " + e).orElse(bucket);
  }

  static String endpoint(CatalogProfile p) {
    return p.uri().map(Describe::value).orElse("(AWS Glue in the profile's region)");
  }

  static String endpoint(ComputeProfile p) {
    for (String key : new String[] {"host", "account", "project", "master", "database"}) {
      Object value = p.properties().get(key);
      if (value != null) {
        return value.toString();
      }
    }
    return "in-process";
  }

  static String credentials(Credentials c) {
    if (c instanceof Credentials.Static s) {
      return s.secretRef().map(ref -> "static secret_ref:" + ref.name()).orElse("none");
    }
    return c.mode().wire();
  }
}
