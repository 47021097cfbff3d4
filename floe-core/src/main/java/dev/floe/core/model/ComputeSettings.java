package dev.floe.core.model;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import java.util.Map;
import java.util.Optional;

/**
 * The engine settings of a compute profile, typed per engine: a read-only view of {@link
 * ComputeProfile#properties()}, which stays the contract written to CompiledArtifacts. The schema
 * has checked every key and value, so each setting is simply present or absent. Immutable and
 * thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public sealed interface ComputeSettings
    permits ComputeSettings.DuckDb,
        ComputeSettings.Postgres,
        ComputeSettings.Snowflake,
        ComputeSettings.BigQuery,
        ComputeSettings.Redshift,
        ComputeSettings.Databricks,
        ComputeSettings.Spark,
        ComputeSettings.Trino {

  /**
   * The typed settings of an engine's validated property map.
   *
   * @param type the engine; not null
   * @param p its properties as validated ({@code String}, {@code Long}, {@code Boolean} or a map of
   *     strings); not null
   * @throws ClassCastException when a value is not of the type the schema allows
   */
  static ComputeSettings of(ComputeType type, Map<String, Object> p) {
    requireNonNull(type, "type");
    requireNonNull(p, "properties");
    return switch (type) {
      case DUCKDB ->
          new DuckDb(
              text(p, "database"),
              number(p, "threads"),
              text(p, "memory_limit"),
              text(p, "temp_directory"));
      case POSTGRES ->
          new Postgres(
              text(p, "host"),
              number(p, "port"),
              text(p, "database"),
              text(p, "schema"),
              text(p, "sslmode"));
      case SNOWFLAKE ->
          new Snowflake(
              text(p, "account"),
              text(p, "warehouse"),
              text(p, "database"),
              text(p, "schema"),
              text(p, "role"));
      case BIGQUERY -> new BigQuery(text(p, "project"), text(p, "dataset"), text(p, "location"));
      case REDSHIFT ->
          new Redshift(text(p, "host"), number(p, "port"), text(p, "database"), text(p, "schema"));
      case DATABRICKS ->
          new Databricks(
              text(p, "host"), text(p, "http_path"), text(p, "catalog"), text(p, "schema"));
      case SPARK -> new Spark(text(p, "master"), text(p, "app_name"), strings(p, "conf"));
      case TRINO ->
          new Trino(
              text(p, "host"),
              number(p, "port"),
              text(p, "catalog"),
              text(p, "schema"),
              Optional.ofNullable((Boolean) p.get("ssl")));
    };
  }

  private static Optional<String> text(Map<String, Object> p, String key) {
    return Optional.ofNullable((String) p.get(key));
  }

  private static Optional<Integer> number(Map<String, Object> p, String key) {
    return Optional.ofNullable((Number) p.get(key)).map(n -> Math.toIntExact(n.longValue()));
  }

  private static Map<String, String> strings(Map<String, Object> p, String key) {
    Object value = p.get(key);
    Map<String, String> out = new java.util.TreeMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> out.put((String) k, (String) v));
    }
    return out;
  }

  /**
   * DuckDB, in process.
   *
   * @param database the database file, relative to the project folder; in memory when absent
   * @param threads worker threads, 1 to 1024
   * @param memoryLimit the memory limit as written, e.g. {@code 4GB}
   * @param tempDirectory where DuckDB spills
   */
  record DuckDb(
      Optional<String> database,
      Optional<Integer> threads,
      Optional<String> memoryLimit,
      Optional<String> tempDirectory)
      implements ComputeSettings {
    public DuckDb {
      requireNonNull(database, "database");
      requireNonNull(threads, "threads");
      requireNonNull(memoryLimit, "memoryLimit");
      requireNonNull(tempDirectory, "tempDirectory");
    }
  }

  /**
   * PostgreSQL.
   *
   * @param host the server
   * @param port the TCP port
   * @param database the database
   * @param schema the default schema
   * @param sslmode the libpq TLS mode ({@code disable} … {@code verify-full})
   */
  record Postgres(
      Optional<String> host,
      Optional<Integer> port,
      Optional<String> database,
      Optional<String> schema,
      Optional<String> sslmode)
      implements ComputeSettings {
    public Postgres {
      requireNonNull(host, "host");
      requireNonNull(port, "port");
      requireNonNull(database, "database");
      requireNonNull(schema, "schema");
      requireNonNull(sslmode, "sslmode");
    }
  }

  /**
   * Snowflake.
   *
   * @param account the account identifier
   * @param warehouse the virtual warehouse
   * @param database the database
   * @param schema the default schema
   * @param role the role to use
   */
  record Snowflake(
      Optional<String> account,
      Optional<String> warehouse,
      Optional<String> database,
      Optional<String> schema,
      Optional<String> role)
      implements ComputeSettings {
    public Snowflake {
      requireNonNull(account, "account");
      requireNonNull(warehouse, "warehouse");
      requireNonNull(database, "database");
      requireNonNull(schema, "schema");
      requireNonNull(role, "role");
    }
  }

  /**
   * BigQuery.
   *
   * @param project the Google Cloud project
   * @param dataset the default dataset
   * @param location the dataset location
   */
  record BigQuery(Optional<String> project, Optional<String> dataset, Optional<String> location)
      implements ComputeSettings {
    public BigQuery {
      requireNonNull(project, "project");
      requireNonNull(dataset, "dataset");
      requireNonNull(location, "location");
    }
  }

  /**
   * Amazon Redshift.
   *
   * @param host the cluster endpoint
   * @param port the TCP port
   * @param database the database
   * @param schema the default schema
   */
  record Redshift(
      Optional<String> host,
      Optional<Integer> port,
      Optional<String> database,
      Optional<String> schema)
      implements ComputeSettings {
    public Redshift {
      requireNonNull(host, "host");
      requireNonNull(port, "port");
      requireNonNull(database, "database");
      requireNonNull(schema, "schema");
    }
  }

  /**
   * Databricks SQL.
   *
   * @param host the workspace host
   * @param httpPath the SQL warehouse's HTTP path
   * @param catalog the Unity Catalog catalog
   * @param schema the default schema
   */
  record Databricks(
      Optional<String> host,
      Optional<String> httpPath,
      Optional<String> catalog,
      Optional<String> schema)
      implements ComputeSettings {
    public Databricks {
      requireNonNull(host, "host");
      requireNonNull(httpPath, "httpPath");
      requireNonNull(catalog, "catalog");
      requireNonNull(schema, "schema");
    }
  }

  /**
   * Apache Spark.
   *
   * @param master the master URL
   * @param appName the application name
   * @param conf further Spark configuration entries, sorted by key
   */
  record Spark(Optional<String> master, Optional<String> appName, Map<String, String> conf)
      implements ComputeSettings {
    public Spark {
      requireNonNull(master, "master");
      requireNonNull(appName, "appName");
      conf = SortedMaps.copyOf(conf);
    }
  }

  /**
   * Trino.
   *
   * @param host the coordinator
   * @param port the TCP port
   * @param catalog the default catalog
   * @param schema the default schema
   * @param ssl whether to connect with TLS
   */
  record Trino(
      Optional<String> host,
      Optional<Integer> port,
      Optional<String> catalog,
      Optional<String> schema,
      Optional<Boolean> ssl)
      implements ComputeSettings {
    public Trino {
      requireNonNull(host, "host");
      requireNonNull(port, "port");
      requireNonNull(catalog, "catalog");
      requireNonNull(schema, "schema");
      requireNonNull(ssl, "ssl");
    }
  }
}
