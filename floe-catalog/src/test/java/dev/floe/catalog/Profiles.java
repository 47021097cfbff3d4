package dev.floe.catalog;

import dev.floe.core.compile.CompiledArtifacts.Resolved;
import dev.floe.core.model.AccessDelegation;
import dev.floe.core.model.CatalogProfile;
import dev.floe.core.model.CatalogType;
import dev.floe.core.model.Credentials;
import dev.floe.core.model.SecretRef;
import dev.floe.core.model.StorageProfile;
import dev.floe.core.model.StorageType;
import dev.floe.core.model.StringOrSecret;
import dev.floe.core.secret.SecretResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Profile records and a secrets folder for the tests, as CompiledArtifacts would hold them. */
final class Profiles {
  private Profiles() {}

  static CatalogProfile catalog(
      CatalogType type,
      String uri,
      String warehouse,
      AccessDelegation delegation,
      Map<String, StringOrSecret> properties,
      Credentials credentials) {
    return new CatalogProfile(
        type,
        Optional.ofNullable(uri).map(StringOrSecret::literal),
        warehouse,
        "demo",
        delegation,
        true,
        properties,
        credentials);
  }

  static CatalogProfile catalog(CatalogType type, String uri, Credentials credentials) {
    return catalog(type, uri, "demo", AccessDelegation.NONE, Map.of(), credentials);
  }

  static Credentials.OAuth2 oauth2(String clientId, String secretName, String tokenEndpoint) {
    return new Credentials.OAuth2(
        StringOrSecret.literal(clientId),
        new SecretRef(secretName),
        Optional.of("PRINCIPAL_ROLE:ALL"),
        Optional.ofNullable(tokenEndpoint),
        Optional.empty());
  }

  static Credentials staticSecret(String name) {
    return new Credentials.Static(Optional.of(new SecretRef(name)));
  }

  static StorageProfile local(String path) {
    return new StorageProfile(
        StorageType.LOCAL,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(path),
        false,
        Credentials.NONE);
  }

  static StorageProfile s3(String endpoint, String bucket, Credentials credentials) {
    return new StorageProfile(
        StorageType.S3,
        Optional.ofNullable(endpoint).map(StringOrSecret::literal),
        Optional.of("us-east-1"),
        Optional.of(bucket),
        Optional.empty(),
        true,
        credentials);
  }

  static CatalogContext context(
      CatalogProfile catalog, StorageProfile storage, Path secrets, Path project) {
    return new CatalogContext(
        new Resolved<>("default", catalog),
        new Resolved<>("default", storage),
        new SecretResolver(Map.of(), secrets, List.of()),
        project,
        Clock.systemUTC(),
        Map.of(),
        CatalogContext.DEFAULT_REQUEST_TIMEOUT);
  }

  static CatalogContext context(
      CatalogProfile catalog,
      StorageProfile storage,
      Path secrets,
      Path project,
      Clock clock,
      Duration timeout) {
    return context(catalog, storage, secrets, project).withClock(clock).withRequestTimeout(timeout);
  }

  /** Writes a single-value secret file {@code <root>/<name>}. */
  static void secret(Path root, String name, String value) {
    write(root.resolve(name), value);
  }

  /** Writes a multi-key secret folder {@code <root>/<name>/<key>}. */
  static void secret(Path root, String name, Map<String, String> keys) {
    keys.forEach((key, value) -> write(root.resolve(name).resolve(key), value));
  }

  private static void write(Path file, String value) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, value + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
