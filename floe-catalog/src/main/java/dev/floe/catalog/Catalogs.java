package dev.floe.catalog;

import static java.util.Objects.requireNonNull;

import dev.floe.catalog.identity.CatalogCredential;
import dev.floe.catalog.identity.ServiceAccountSettings;
import dev.floe.catalog.identity.ServiceAccountTokens;
import dev.floe.catalog.oauth2.BearerTokenSource;
import dev.floe.catalog.oauth2.OAuth2AuthManager;
import dev.floe.catalog.oauth2.OAuth2Settings;
import dev.floe.catalog.oauth2.OAuth2TokenManager;
import dev.floe.core.compile.CompiledArtifacts.Resolved;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.model.AccessDelegation;
import dev.floe.core.model.CatalogProfile;
import dev.floe.core.model.CatalogType;
import dev.floe.core.model.Credentials;
import dev.floe.core.model.StorageProfile;
import dev.floe.core.secret.MultiKeySecret;
import dev.floe.core.secret.Secret;
import dev.floe.core.secret.SecretResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.SessionCatalog;
import org.apache.iceberg.io.DelegateFileIO;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.jdbc.JdbcClientPool;
import org.apache.iceberg.rest.RESTSessionCatalog;

/**
 * Opens the Iceberg catalog and storage FileIO of a compiled catalog profile: the one factory that
 * turns {@link CatalogProperties} into working connections, with the credentials of each mode
 * resolved here, at the last moment.
 *
 * <ul>
 *   <li>{@code polaris}, {@code rest}: Iceberg's REST catalog with floe's {@link OAuth2AuthManager}
 *       — an OAuth2 client-credentials token manager ({@code oauth2}, or the {@code credential} of
 *       a static secret), a fixed bearer token (the {@code token} of a static secret) or workload
 *       identity tokens ({@code service_account});
 *   <li>{@code jdbc}: Iceberg's JDBC catalog (SQLite with one connection, or any JDBC database),
 *       the login of a static secret in the connection pool only;
 *   <li>{@code glue}, {@code nessie}, {@code hive}: Iceberg's implementations, when their jars are
 *       on the class path.
 * </ul>
 *
 * <p>Every failure is a {@link ProblemException} with a {@code FLOE-K1xx} problem ({@link
 * CatalogCode}) naming the profile, the endpoint and the cause, or floe-core's {@code FLOE-C033} /
 * {@code FLOE-C034} for a missing secret; never a secret value. Stateless and thread-safe.
 */
public final class Catalogs {
  private Catalogs() {}

  /**
   * Opens {@code catalog} with {@code storage}, on the system clock and this process's environment.
   *
   * @param catalog the compiled catalog profile; not null
   * @param storage the compiled storage profile; not null
   * @param secrets resolves the profiles' secrets; not null
   * @param projectDir the folder holding floe.yaml, for relative paths; not null
   * @return the opened catalog, which the caller closes
   * @throws ProblemException when the catalog cannot be opened
   */
  public static OpenedCatalog open(
      Resolved<CatalogProfile> catalog,
      Resolved<StorageProfile> storage,
      SecretResolver secrets,
      Path projectDir) {
    return open(CatalogContext.of(catalog, storage, secrets, projectDir));
  }

  /**
   * Opens the context's catalog and storage. A REST catalog answers its {@code /v1/config} request
   * before this returns (so that an unreachable catalog or a refused token fails here); a JDBC
   * catalog has created its tables.
   *
   * @param context the profiles, secrets, project folder, clock and environment; not null
   * @return the opened catalog, which the caller closes
   * @throws ProblemException when the catalog cannot be opened; nothing stays open then
   */
  public static OpenedCatalog open(CatalogContext context) {
    requireNonNull(context, "context");
    CatalogProperties.Plan plan = plan(context);
    CatalogProblems.Where where = plan.where(context);
    Resources resources = new Resources();
    List<Secret> secrets = new ArrayList<>();
    try {
      return switch (plan.type()) {
        case POLARIS, REST -> rest(context, plan, where, resources, secrets);
        case JDBC -> jdbc(context, plan, where, resources, secrets);
        case GLUE, NESSIE, HIVE -> byImplementation(context, plan, where, resources);
      };
    } catch (RuntimeException | LinkageError e) {
      try {
        resources.close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      if (e instanceof LinkageError linkage) {
        throw missingImplementation(context, plan.type(), linkage);
      }
      throw CatalogProblems.describe(e, where, CatalogProblems.Side.CATALOG, secrets);
    }
  }

  static CatalogProperties.Plan plan(CatalogContext context) {
    try {
      return CatalogProperties.plan(context);
    } catch (IllegalArgumentException e) {
      // Validation of endpoints, buckets and regions: the messages name no secret value.
      throw CatalogProblems.unsupported(
          CatalogCode.K119,
          context.catalogPath(),
          "catalog '" + context.catalogPath() + "' cannot be connected: " + e.getMessage(),
          "correct the profile in platform.yaml");
    }
  }

  private static OpenedCatalog rest(
      CatalogContext context,
      CatalogProperties.Plan plan,
      CatalogProblems.Where where,
      Resources resources,
      List<Secret> secrets) {
    CatalogProfile profile = context.catalog().value();
    Map<String, String> properties = new HashMap<>(plan.properties());
    Optional<BearerTokenSource> tokens = tokenSource(context, plan, resources, secrets);
    if (tokens.isPresent()) {
      OAuth2AuthManager.Registration registration =
          resources.add(OAuth2AuthManager.register(tokens.get()));
      properties.putAll(registration.catalogProperties());
    }
    boolean delegated =
        profile.accessDelegation() != AccessDelegation.NONE && plan.storage().s3().isPresent();
    FileIO io;
    BiFunction<SessionCatalog.SessionContext, Map<String, String>, FileIO> ioBuilder;
    if (delegated) {
      // Iceberg's own S3FileIO, so that the catalog's per-table storage credentials (and their
      // refresh through client.refresh-credentials-endpoint, authenticated by the same auth
      // manager) or remote signing take effect.
      ioBuilder =
          (session, merged) -> CatalogUtil.loadFileIO(CatalogProperties.S3_FILE_IO, merged, null);
      io = resources.add(ioBuilder.apply(SessionCatalog.SessionContext.createEmpty(), properties));
    } else {
      FileIO owned = plan.storage().open(context, resources);
      io = owned;
      ioBuilder = (session, merged) -> new SharedFileIO((DelegateFileIO) owned);
    }
    RESTSessionCatalog sessions =
        resources.add(new RESTSessionCatalog(OAuth2AuthManager.restClientBuilder(), ioBuilder));
    sessions.initialize(context.catalog().profile(), properties);
    Catalog catalog = sessions.asCatalog(SessionCatalog.SessionContext.createEmpty());
    return opened(context, plan, catalog, io, where, secrets, resources);
  }

  private static Optional<BearerTokenSource> tokenSource(
      CatalogContext context,
      CatalogProperties.Plan plan,
      Resources resources,
      List<Secret> secrets) {
    Credentials credentials = context.catalog().value().credentials();
    if (credentials instanceof Credentials.OAuth2 oauth2) {
      OAuth2Settings settings =
          ProfileCredentials.oauth2(oauth2, plan.tokenEndpoint().orElseThrow(), context);
      secrets.add(settings.clientSecret());
      return Optional.of(tokenManager(settings, context, resources));
    }
    if (credentials instanceof Credentials.Static s) {
      Optional<CatalogCredential> credential;
      try {
        credential = ProfileCredentials.catalogStatic(s, plan.type(), context);
      } catch (IllegalArgumentException e) {
        if (e instanceof dev.floe.catalog.failure.MissingSecretKeyException) {
          throw e;
        }
        throw CatalogProblems.unsupported(
            CatalogCode.K132,
            context.catalogPath() + ".credentials.secret_ref",
            e.getMessage(),
            "keep exactly one of the keys token (a bearer token) and credential (id:secret) in"
                + " the secret");
      }
      if (credential.isEmpty()) {
        return Optional.empty();
      }
      if (credential.get() instanceof CatalogCredential.BearerToken bearer) {
        secrets.add(bearer.token());
        return Optional.of(
            BearerTokenSource.fixed(bearer.token(), "secret '" + s.secretRef().get() + "'"));
      }
      CatalogCredential.ClientCredential client =
          (CatalogCredential.ClientCredential) credential.get();
      secrets.add(client.clientSecret());
      Endpoint tokens = ProfileCredentials.defaultTokenEndpoint(plan.catalog());
      return Optional.of(
          tokenManager(
              ProfileCredentials.clientCredential(client, tokens, context), context, resources));
    }
    if (credentials instanceof Credentials.ServiceAccount account) {
      ServiceAccountSettings settings;
      try {
        settings = ProfileCredentials.serviceAccount(account, context.environment());
      } catch (IllegalArgumentException e) {
        throw CatalogProblems.unsupported(
            CatalogCode.K131,
            context.catalogPath() + ".credentials",
            "catalog '"
                + context.catalogPath()
                + "' cannot use its service account: "
                + e.getMessage(),
            "set provider, audience and token_file as the provider needs (azure reads"
                + " AZURE_TENANT_ID and AZURE_CLIENT_ID from the environment)");
      }
      ServiceAccountTokens tokens =
          ServiceAccountTokens.create(
              settings,
              HttpClient.newBuilder()
                  .version(HttpClient.Version.HTTP_1_1)
                  .connectTimeout(context.connectTimeout())
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .build(),
              context.clock());
      return Optional.of(
          BearerTokenSource.refreshing(() -> tokens.current().token(), tokens.toString()));
    }
    throw new IllegalStateException("unexpected credentials mode " + credentials.mode());
  }

  private static OAuth2TokenManager tokenManager(
      OAuth2Settings settings, CatalogContext context, Resources resources) {
    return resources.add(OAuth2TokenManager.builder(settings).clock(context.clock()).build());
  }

  private static OpenedCatalog jdbc(
      CatalogContext context,
      CatalogProperties.Plan plan,
      CatalogProblems.Where where,
      Resources resources,
      List<Secret> secrets) {
    Map<String, String> properties = plan.properties();
    String url = properties.get(CatalogProperties.URI);
    Map<String, String> pool = new HashMap<>(properties);
    Optional<MultiKeySecret> login =
        ProfileCredentials.jdbcLogin(context.catalog().value().credentials(), context);
    if (login.isPresent()) {
      Secret user = login.get().require("user");
      Secret password = login.get().require("password");
      secrets.add(password);
      pool.put(CatalogProperties.JDBC_USER, user.reveal());
      pool.put(CatalogProperties.JDBC_PASSWORD, password.reveal());
    }
    int size =
        Integer.parseInt(
            properties.getOrDefault(
                CatalogProperties.CLIENT_POOL_SIZE,
                Integer.toString(org.apache.iceberg.CatalogProperties.CLIENT_POOL_SIZE_DEFAULT)));
    Optional<Path> sqlite = sqliteFile(url);
    sqlite.ifPresent(Catalogs::createParent);
    if (sqlite.isPresent()) {
      // A write-ahead log: one sync per commit instead of several, readers (floe tables, floe
      // query) never block the run's writer, and a crash never corrupts the catalog — a power
      // loss may at most undo the last commits, leaving the tables at their earlier snapshots.
      pool.putIfAbsent("jdbc.journal_mode", "WAL");
      pool.putIfAbsent("jdbc.synchronous", "NORMAL");
      pool.putIfAbsent("jdbc.busy_timeout", "10000");
    }
    FileIO owned = plan.storage().open(context, resources);
    JdbcCatalog catalog =
        resources.add(
            new JdbcCatalog(
                merged -> new SharedFileIO((DelegateFileIO) owned),
                merged -> new JdbcClientPool(size, url, pool),
                true));
    catalog.initialize(context.catalog().profile(), properties);
    return opened(context, plan, catalog, owned, where, secrets, resources);
  }

  private static OpenedCatalog byImplementation(
      CatalogContext context,
      CatalogProperties.Plan plan,
      CatalogProblems.Where where,
      Resources resources) {
    String implementation = CatalogProperties.implementation(plan.type());
    for (String required : requiredClasses(plan.type())) {
      try {
        Class.forName(required, false, Catalogs.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw missingImplementation(context, plan.type(), e);
      }
    }
    Map<String, String> properties = plan.properties();
    Catalog catalog =
        CatalogUtil.loadCatalog(implementation, context.catalog().profile(), properties, null);
    if (catalog instanceof AutoCloseable closeable) {
      resources.add(closeable);
    }
    FileIO io =
        resources.add(
            CatalogUtil.loadFileIO(
                properties.get(CatalogProperties.FILE_IO_IMPL), properties, null));
    return opened(context, plan, catalog, io, where, List.of(), resources);
  }

  private static List<String> requiredClasses(CatalogType type) {
    return switch (type) {
      case GLUE ->
          List.of(
              CatalogProperties.GLUE_CATALOG, "software.amazon.awssdk.services.glue.GlueClient");
      case NESSIE -> List.of(CatalogProperties.NESSIE_CATALOG);
      case HIVE -> List.of(CatalogProperties.HIVE_CATALOG);
      default -> List.of();
    };
  }

  private static ProblemException missingImplementation(
      CatalogContext context, CatalogType type, Throwable cause) {
    String jar =
        switch (type) {
          case GLUE -> "software.amazon.awssdk:glue (Iceberg's GlueCatalog is in iceberg-aws)";
          case NESSIE -> "org.apache.iceberg:iceberg-nessie";
          case HIVE -> "org.apache.iceberg:iceberg-hive-metastore (and its Hive client)";
          default -> "the Iceberg module of catalog type " + type.wire();
        };
    return CatalogProblems.unsupported(
        CatalogCode.K117,
        context.catalogPath() + ".type",
        "catalog '"
            + context.catalogPath()
            + "' of type "
            + type.wire()
            + " needs "
            + jar
            + " on the class path, which this floe build does not include (missing: "
            + cause.getMessage()
            + ")",
        "add " + jar + " to the runtime class path (Iceberg 1.11), or use a rest/polaris catalog");
  }

  private static OpenedCatalog opened(
      CatalogContext context,
      CatalogProperties.Plan plan,
      Catalog catalog,
      FileIO io,
      CatalogProblems.Where where,
      List<Secret> secrets,
      Resources resources) {
    return new OpenedCatalog(
        context.catalog().profile(),
        plan.type(),
        catalog,
        io,
        plan.properties(),
        context.catalog().value().namespace(),
        where,
        secrets,
        resources);
  }

  /** The database file of a SQLite URL, when it names one. */
  static Optional<Path> sqliteFile(String url) {
    String prefix = "jdbc:sqlite:";
    if (!url.toLowerCase(Locale.ROOT).startsWith(prefix)) {
      return Optional.empty();
    }
    String rest = url.substring(prefix.length());
    if (rest.regionMatches(true, 0, "file:", 0, 5)) {
      rest = rest.substring(5);
    }
    int query = rest.indexOf('?');
    String file = query < 0 ? rest : rest.substring(0, query);
    if (file.isEmpty() || file.contains(":memory:") || !Path.of(file).isAbsolute()) {
      return Optional.empty();
    }
    return Optional.of(Path.of(file));
  }

  private static void createParent(Path file) {
    Path parent = file.getParent();
    if (parent != null) {
      try {
        Files.createDirectories(parent);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
