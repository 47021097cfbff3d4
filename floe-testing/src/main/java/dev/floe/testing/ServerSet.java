package dev.floe.testing;

import static java.util.Objects.requireNonNull;

import dev.floe.testing.FloeServers.CatalogAuth;
import dev.floe.testing.FloeServers.CredentialVending;
import dev.floe.testing.FloeServers.Warehouse;
import dev.floe.testing.catalog.RestCatalogServer;
import dev.floe.testing.oauth2.OAuth2Server;
import dev.floe.testing.s3.S3Server;
import dev.floe.testing.telemetry.LineageReceiver;
import dev.floe.testing.telemetry.OtlpReceiver;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/**
 * The servers of one test class: each created and started on first use, the catalog after the
 * servers it depends on, all closed in reverse order of start.
 */
final class ServerSet implements AutoCloseable {

  /** The settings of one class's servers, from its {@link FloeServers} or the defaults. */
  record Settings(
      String issuerId,
      Duration tokenLifetime,
      CatalogAuth catalogAuth,
      Warehouse warehouse,
      String bucket,
      Optional<String> accessKey,
      Optional<String> secretKey,
      String region,
      CredentialVending vending) {

    Settings {
      requireNonNull(issuerId, "issuerId");
      requireNonNull(tokenLifetime, "tokenLifetime");
      requireNonNull(catalogAuth, "catalogAuth");
      requireNonNull(warehouse, "warehouse");
      requireNonNull(bucket, "bucket");
      requireNonNull(accessKey, "accessKey");
      requireNonNull(secretKey, "secretKey");
      requireNonNull(region, "region");
      requireNonNull(vending, "vending");
      if (accessKey.isPresent() != secretKey.isPresent()) {
        throw new IllegalArgumentException("@FloeServers: set both s3AccessKey and s3SecretKey");
      }
      if (vending == CredentialVending.S3_KEYS && warehouse != Warehouse.S3_BUCKET) {
        throw new IllegalArgumentException(
            "@FloeServers: vendCredentials = S3_KEYS needs warehouse = S3_BUCKET");
      }
    }

    static Settings from(Optional<FloeServers> annotation) {
      return annotation.map(Settings::of).orElseGet(Settings::defaults);
    }

    private static Settings of(FloeServers servers) {
      return new Settings(
          servers.issuerId(),
          Duration.ofSeconds(servers.tokenLifetimeSeconds()),
          servers.catalogAuth(),
          servers.warehouse(),
          servers.bucket(),
          Optional.of(servers.s3AccessKey()).filter(key -> !key.isEmpty()),
          Optional.of(servers.s3SecretKey()).filter(key -> !key.isEmpty()),
          servers.region(),
          servers.vendCredentials());
    }

    private static Settings defaults() {
      return new Settings(
          OAuth2Server.DEFAULT_ISSUER_ID,
          OAuth2Server.DEFAULT_TOKEN_LIFETIME,
          CatalogAuth.OAUTH2,
          Warehouse.LOCAL_FOLDER,
          "warehouse",
          Optional.empty(),
          Optional.empty(),
          S3Server.DEFAULT_REGION,
          CredentialVending.OFF);
    }
  }

  private final Settings settings;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private OAuth2Server oauth;
  private S3Server s3;
  private RestCatalogServer catalog;
  private OtlpReceiver otlp;
  private LineageReceiver lineage;
  private boolean closed;

  ServerSet(Settings settings) {
    this.settings = requireNonNull(settings, "settings");
  }

  /** Returns the server of {@code type}, starting it (and what it needs) on first use. */
  synchronized Object server(Class<?> type) {
    if (type == OAuth2Server.class) {
      return oauth();
    }
    if (type == S3Server.class) {
      return s3();
    }
    if (type == RestCatalogServer.class) {
      return catalog();
    }
    if (type == OtlpReceiver.class) {
      return otlp();
    }
    if (type == LineageReceiver.class) {
      return lineage();
    }
    throw new IllegalArgumentException("no server of type " + type.getName());
  }

  private OAuth2Server oauth() {
    checkOpen();
    if (oauth == null) {
      OAuth2Server server =
          OAuth2Server.builder()
              .issuerId(settings.issuerId())
              .tokenLifetime(settings.tokenLifetime())
              .build();
      server.start();
      started.push(server);
      oauth = server;
    }
    return oauth;
  }

  private S3Server s3() {
    checkOpen();
    if (s3 == null) {
      S3Server.Builder builder = S3Server.builder().region(settings.region());
      if (settings.accessKey().isPresent()) {
        builder.credentials(settings.accessKey().get(), settings.secretKey().orElseThrow());
      }
      S3Server server = builder.build();
      server.start();
      started.push(server);
      s3 = server;
    }
    return s3;
  }

  private RestCatalogServer catalog() {
    checkOpen();
    if (catalog == null) {
      RestCatalogServer.Builder builder = RestCatalogServer.builder();
      if (settings.catalogAuth() == CatalogAuth.OAUTH2) {
        builder.requireTokensFrom(oauth());
      } else {
        builder.withoutAuthentication();
      }
      if (settings.warehouse() == Warehouse.S3_BUCKET) {
        S3Server storage = s3();
        builder.s3Warehouse(storage, settings.bucket());
        if (settings.vending() == CredentialVending.S3_KEYS) {
          builder.vendCredentials(
              Map.of(
                  "s3.access-key-id", storage.accessKey(),
                  "s3.secret-access-key", storage.secretKey()));
        }
      }
      RestCatalogServer server = builder.build();
      server.start();
      started.push(server);
      catalog = server;
    }
    return catalog;
  }

  private OtlpReceiver otlp() {
    checkOpen();
    if (otlp == null) {
      OtlpReceiver receiver = new OtlpReceiver();
      receiver.start();
      started.push(receiver);
      otlp = receiver;
    }
    return otlp;
  }

  private LineageReceiver lineage() {
    checkOpen();
    if (lineage == null) {
      LineageReceiver receiver = LineageReceiver.builder().build();
      receiver.start();
      started.push(receiver);
      lineage = receiver;
    }
    return lineage;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the servers of this test class are already closed");
    }
  }

  /** Closes every started server, the last started first, even when one of them fails. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    RuntimeException failure = null;
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("a server of the test class did not close", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
