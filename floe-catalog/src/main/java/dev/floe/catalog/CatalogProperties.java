package dev.floe.catalog;

import static java.util.Objects.requireNonNull;

import dev.floe.catalog.oauth2.OAuth2AuthManager;
import dev.floe.catalog.storage.LocalFileIO;
import dev.floe.core.model.AccessDelegation;
import dev.floe.core.model.CatalogProfile;
import dev.floe.core.model.CatalogType;
import dev.floe.core.model.Credentials;
import dev.floe.core.model.SecretRef;
import dev.floe.core.model.StorageType;
import dev.floe.core.model.StringOrSecret;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Iceberg catalog properties a compiled profile becomes — the contract between a profile and
 * Iceberg, like Iceberg's own {@code CatalogUtil}: {@link #of(CatalogContext)} gives the map, and
 * {@link Catalogs#open(CatalogContext)} turns it into a catalog. Tests assert on these maps.
 *
 * <p><b>No secret is ever a property value.</b> Iceberg logs and echoes catalog properties, so
 * credentials take other ways: OAuth2 client secrets, static bearer tokens, client credentials and
 * workload identity tokens reach Iceberg's REST client through floe's {@link OAuth2AuthManager}
 * (the map names the manager, {@value #AUTH_TYPE}; the opened catalog adds only a random registry
 * handle, {@value #AUTH_HANDLE}); S3 keys and IAM role credentials go into the S3 client that floe
 * builds for the FileIO; a JDBC login goes only into the JDBC connection pool's own properties
 * ({@value #JDBC_USER}, {@value #JDBC_PASSWORD}: JDBC drivers take them as properties, so the pool
 * holds them, but the catalog's {@code properties()} never do). Secret-valued {@code properties}
 * entries of a profile are refused for the same reason.
 *
 * <p>Stateless and thread-safe.
 */
public final class CatalogProperties {
  /** The catalog endpoint: an HTTP URL, a JDBC URL or a Thrift URI. */
  public static final String URI = org.apache.iceberg.CatalogProperties.URI;

  /** The warehouse: a REST catalog's warehouse name, or the location tables are created under. */
  public static final String WAREHOUSE = org.apache.iceberg.CatalogProperties.WAREHOUSE_LOCATION;

  /** The catalog implementation class of {@code glue}, {@code nessie} and {@code hive}. */
  public static final String CATALOG_IMPL = org.apache.iceberg.CatalogProperties.CATALOG_IMPL;

  /** The FileIO implementation class. */
  public static final String FILE_IO_IMPL = org.apache.iceberg.CatalogProperties.FILE_IO_IMPL;

  /** The size of a JDBC catalog's connection pool; 1 for SQLite. */
  public static final String CLIENT_POOL_SIZE =
      org.apache.iceberg.CatalogProperties.CLIENT_POOL_SIZE;

  /** The header asking a REST catalog to delegate storage access. */
  public static final String ACCESS_DELEGATION_HEADER = "header.X-Iceberg-Access-Delegation";

  /** Selects the REST client's auth manager. */
  public static final String AUTH_TYPE = "rest.auth.type";

  /** The registry handle of the token source; added when the catalog is opened. */
  public static final String AUTH_HANDLE = OAuth2AuthManager.HANDLE_PROPERTY;

  /** The REST client's connect timeout in milliseconds. */
  public static final String REST_CONNECTION_TIMEOUT_MS = "rest.client.connection-timeout-ms";

  /** The REST client's socket (read) timeout in milliseconds. */
  public static final String REST_SOCKET_TIMEOUT_MS = "rest.client.socket-timeout-ms";

  /** The schema version of a JDBC catalog's tables; {@code V1} supports views. */
  public static final String JDBC_SCHEMA_VERSION = "jdbc.schema-version";

  /** The JDBC login user: a property of the connection pool only, never of the catalog. */
  public static final String JDBC_USER = "jdbc.user";

  /** The JDBC login password: a property of the connection pool only, never of the catalog. */
  public static final String JDBC_PASSWORD = "jdbc.password";

  /** The Nessie branch or tag, given through the profile's {@code properties}. */
  public static final String NESSIE_REF = "ref";

  /** Iceberg's Glue catalog (in {@code iceberg-aws}; needs {@code software.amazon.awssdk:glue}). */
  public static final String GLUE_CATALOG = "org.apache.iceberg.aws.glue.GlueCatalog";

  /** Iceberg's Nessie catalog (in {@code org.apache.iceberg:iceberg-nessie}). */
  public static final String NESSIE_CATALOG = "org.apache.iceberg.nessie.NessieCatalog";

  /** Iceberg's Hive metastore catalog (in {@code org.apache.iceberg:iceberg-hive-metastore}). */
  public static final String HIVE_CATALOG = "org.apache.iceberg.hive.HiveCatalog";

  /** Iceberg's S3 FileIO. */
  public static final String S3_FILE_IO = "org.apache.iceberg.aws.s3.S3FileIO";

  /** Keys a profile's {@code properties} may not set: floe sets them, or they carry secrets. */
  static final Set<String> RESERVED =
      Set.of(
          URI,
          WAREHOUSE,
          CATALOG_IMPL,
          FILE_IO_IMPL,
          AUTH_TYPE,
          AUTH_HANDLE,
          ACCESS_DELEGATION_HEADER,
          "credential",
          "token",
          JDBC_USER,
          JDBC_PASSWORD,
          "s3.access-key-id",
          "s3.secret-access-key",
          "s3.session-token");

  private CatalogProperties() {}

  /**
   * The catalog properties of the context's profiles: sorted, immutable, without any secret value
   * and without the registry handle that {@link Catalogs#open} adds. Resolves secret endpoints
   * (their values are endpoints, not credentials) but no credential.
   *
   * @param context the profiles and where to resolve; not null
   * @throws dev.floe.core.diag.ProblemException when the profiles cannot be connected (a missing
   *     endpoint secret, an unsupported type or mode, a secret-valued extra property)
   */
  public static Map<String, String> of(CatalogContext context) {
    return plan(context).properties();
  }

  /**
   * The FileIO properties of the context's storage profile: region, endpoint and path-style access
   * for s3, none for local storage; never a credential.
   *
   * @param context the profiles; not null
   * @throws dev.floe.core.diag.ProblemException for storage types without a FileIO here (gcs,
   *     azure)
   */
  public static Map<String, String> fileIo(CatalogContext context) {
    return StorageConnection.of(requireNonNull(context, "context")).ioProperties();
  }

  /**
   * What a context becomes.
   *
   * @param type the catalog type
   * @param catalog the catalog endpoint
   * @param tokenEndpoint the token endpoint of an {@code oauth2} REST catalog
   * @param storage the storage connection
   * @param properties the catalog properties
   */
  record Plan(
      CatalogType type,
      Endpoint catalog,
      Optional<Endpoint> tokenEndpoint,
      StorageConnection storage,
      Map<String, String> properties) {
    Plan {
      properties = Map.copyOf(properties);
    }

    /** The sorted map, as {@link CatalogProperties#of} returns it. */
    @Override
    public Map<String, String> properties() {
      return java.util.Collections.unmodifiableMap(new TreeMap<>(properties));
    }

    /** The profiles and endpoints to name in problems. */
    CatalogProblems.Where where(CatalogContext context) {
      return new CatalogProblems.Where(
          context.catalogPath(),
          catalog,
          context.storagePath(),
          storage.described(),
          storage.s3().map(dev.floe.catalog.storage.S3StorageSettings::bucket),
          tokenEndpoint);
    }
  }

  static Plan plan(CatalogContext context) {
    requireNonNull(context, "context");
    CatalogProfile profile = context.catalog().value();
    StorageConnection storage = StorageConnection.of(context);
    Map<String, String> properties = new TreeMap<>();
    extras(profile, context, properties);
    CatalogType type = profile.type();
    Endpoint endpoint;
    Optional<Endpoint> tokenEndpoint = Optional.empty();
    switch (type) {
      case POLARIS, REST -> {
        endpoint = requiredUri(profile, context);
        properties.put(URI, endpoint.value());
        properties.put(WAREHOUSE, profile.warehouse());
        properties.put(FILE_IO_IMPL, fileIoImpl(storage));
        properties.putAll(storage.ioProperties());
        properties.put(
            REST_CONNECTION_TIMEOUT_MS, Long.toString(context.connectTimeout().toMillis()));
        properties.put(REST_SOCKET_TIMEOUT_MS, Long.toString(context.requestTimeout().toMillis()));
        if (profile.accessDelegation() != AccessDelegation.NONE) {
          properties.put(ACCESS_DELEGATION_HEADER, profile.accessDelegation().wire());
        }
        Credentials credentials = profile.credentials();
        if (credentials instanceof Credentials.OAuth2 oauth2) {
          tokenEndpoint = Optional.of(ProfileCredentials.tokenEndpoint(oauth2, endpoint));
        }
        if (credentials instanceof Credentials.IamRole) {
          throw modeNotSupported(context, credentials);
        }
        boolean anonymous = credentials instanceof Credentials.Static s && s.secretRef().isEmpty();
        if (!anonymous) {
          properties.put(AUTH_TYPE, OAuth2AuthManager.AUTH_TYPE);
        }
      }
      case JDBC -> {
        Endpoint written = requiredUri(profile, context);
        String url =
            dev.floe.catalog.storage.LocalPaths.resolveJdbcUrl(
                context.projectDir(), written.value());
        endpoint =
            written.display().startsWith("secret_ref:")
                ? new Endpoint(url, written.display())
                : Endpoint.literal(url);
        properties.put(URI, url);
        properties.put(WAREHOUSE, location(profile, storage));
        properties.put(FILE_IO_IMPL, fileIoImpl(storage));
        properties.putAll(storage.ioProperties());
        properties.put(JDBC_SCHEMA_VERSION, "V1");
        if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:sqlite:")) {
          // One connection: SQLite has one writer, and each connection of a pool to an
          // in-memory database would be its own empty database.
          properties.put(CLIENT_POOL_SIZE, "1");
        }
        if (!(profile.credentials() instanceof Credentials.Static)) {
          throw modeNotSupported(context, profile.credentials());
        }
      }
      case GLUE, NESSIE, HIVE -> {
        Optional<StringOrSecret> uri = profile.uri();
        if (type != CatalogType.GLUE && uri.isEmpty()) {
          endpoint = requiredUri(profile, context);
        } else {
          endpoint =
              uri.map(u -> Endpoint.of(u, context.secrets(), context.catalogPath() + ".uri"))
                  .orElse(Endpoint.literal("aws glue"));
        }
        properties.put(CATALOG_IMPL, implementation(type));
        if (uri.isPresent()) {
          properties.put(URI, endpoint.value());
        }
        properties.put(WAREHOUSE, location(profile, storage));
        properties.put(FILE_IO_IMPL, fileIoImpl(storage));
        properties.putAll(storage.ioProperties());
        if (!(profile.credentials() instanceof Credentials.Static s && s.secretRef().isEmpty())) {
          throw CatalogProblems.unsupported(
              CatalogCode.K119,
              context.catalogPath() + ".credentials",
              "catalog '"
                  + context.catalogPath()
                  + "' of type "
                  + type.wire()
                  + " uses credentials mode "
                  + profile.credentials().mode().wire()
                  + (profile.credentials() instanceof Credentials.Static ? " with a secret" : "")
                  + ", which floe cannot hand to Iceberg's "
                  + type.wire()
                  + " catalog without putting a secret into its properties",
              "leave the credentials out (the catalog client's own configuration, such as the"
                  + " AWS default chain, is used), or use a polaris or rest catalog");
        }
        if (storageNeedsSecret(storage)) {
          throw CatalogProblems.unsupported(
              CatalogCode.K119,
              context.storagePath() + ".credentials",
              "storage '"
                  + context.storagePath()
                  + "' uses credentials mode "
                  + storage.profile().credentials().mode().wire()
                  + ", which floe cannot hand to Iceberg's "
                  + type.wire()
                  + " catalog without putting a secret into its properties",
              "leave the storage credentials out (the AWS default chain is used: environment,"
                  + " instance or pod role), or use a jdbc, polaris or rest catalog");
        }
      }
      default -> throw new IllegalStateException("unknown catalog type " + type);
    }
    return new Plan(type, endpoint, tokenEndpoint, storage, properties);
  }

  /** The implementation class of a {@code glue}, {@code nessie} or {@code hive} catalog. */
  static String implementation(CatalogType type) {
    return switch (type) {
      case GLUE -> GLUE_CATALOG;
      case NESSIE -> NESSIE_CATALOG;
      case HIVE -> HIVE_CATALOG;
      default -> throw new IllegalArgumentException(type + " has no implementation class");
    };
  }

  /**
   * Where tables are created for catalogs that take a location: the storage's own folder for local
   * storage; {@code s3://<bucket>/<warehouse>} for s3, or the warehouse itself when it is a URI.
   */
  static String location(CatalogProfile profile, StorageConnection storage) {
    String warehouse = profile.warehouse().strip();
    if (storage.s3().isEmpty()) {
      return storage.location();
    }
    if (warehouse.contains("://")) {
      return warehouse;
    }
    String trimmed = warehouse.replaceAll("^/+|/+$", "");
    return trimmed.isEmpty() ? storage.location() : storage.location() + "/" + trimmed;
  }

  private static String fileIoImpl(StorageConnection storage) {
    return storage.profile().type() == StorageType.LOCAL ? LocalFileIO.class.getName() : S3_FILE_IO;
  }

  private static boolean storageNeedsSecret(StorageConnection storage) {
    Credentials credentials = storage.profile().credentials();
    return storage.s3().isPresent()
        && !(credentials instanceof Credentials.Static s && s.secretRef().isEmpty());
  }

  private static Endpoint requiredUri(CatalogProfile profile, CatalogContext context) {
    StringOrSecret uri =
        profile
            .uri()
            .orElseThrow(
                () ->
                    CatalogProblems.unsupported(
                        CatalogCode.K119,
                        context.catalogPath() + ".uri",
                        "catalog '"
                            + context.catalogPath()
                            + "' of type "
                            + profile.type().wire()
                            + " has no uri",
                        "add uri: the catalog's endpoint (a JDBC URL for jdbc)"));
    return Endpoint.of(uri, context.secrets(), context.catalogPath() + ".uri");
  }

  private static void extras(
      CatalogProfile profile, CatalogContext context, Map<String, String> properties) {
    for (Map.Entry<String, StringOrSecret> entry : profile.properties().entrySet()) {
      String key = entry.getKey();
      String path = context.catalogPath() + ".properties." + key;
      if (RESERVED.contains(key)) {
        throw CatalogProblems.unsupported(
            CatalogCode.K119,
            path,
            "catalog property '" + key + "' is set by floe from the profile and cannot be given",
            "remove it from properties; set the profile's own field (uri, warehouse,"
                + " access_delegation, credentials) instead");
      }
      if (entry.getValue() instanceof SecretRef) {
        throw CatalogProblems.unsupported(
            CatalogCode.K119,
            path,
            "catalog property '"
                + key
                + "' is a secret_ref, but catalog properties are logged and echoed by Iceberg",
            "pass credentials through the profile's credentials block; properties take plain"
                + " values only");
      }
      properties.put(key, ((StringOrSecret.Literal) entry.getValue()).value());
    }
  }

  private static dev.floe.core.diag.ProblemException modeNotSupported(
      CatalogContext context, Credentials credentials) {
    return CatalogProblems.unsupported(
        CatalogCode.K133,
        context.catalogPath() + ".credentials",
        "catalog '"
            + context.catalogPath()
            + "' of type "
            + context.catalog().value().type().wire()
            + " does not support credentials mode "
            + credentials.mode().wire(),
        context.catalog().value().type() == CatalogType.JDBC
            ? "use mode static, with a secret holding user and password when the database needs a"
                + " login"
            : "use mode oauth2, static (a token or credential secret) or service_account");
  }
}
