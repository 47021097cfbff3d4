package dev.floe.runtime.compute;

import static java.util.Objects.requireNonNull;

import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.model.ComputeSettings;
import dev.floe.core.model.ComputeType;
import dev.floe.runtime.RuntimeCode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a JDBC compute engine connects: the URL and connection properties built from the typed
 * settings of its profile, without the login (added at each connect). The contract the tests assert
 * on. Holds no secret.
 *
 * @param type the engine
 * @param url the JDBC URL
 * @param properties connection properties other than {@code user} and {@code password}, sorted
 * @param driverClass the driver's class, checked at open
 * @param coordinates the Maven coordinates of the driver, named when it is missing
 * @param initStatements statements run on each new connection (Redshift's search path)
 */
record JdbcTarget(
    ComputeType type,
    String url,
    Map<String, String> properties,
    String driverClass,
    String coordinates,
    List<String> initStatements) {
  JdbcTarget {
    requireNonNull(type, "type");
    requireNonNull(url, "url");
    properties = java.util.Collections.unmodifiableMap(new TreeMap<>(properties));
    requireNonNull(driverClass, "driverClass");
    requireNonNull(coordinates, "coordinates");
    initStatements = List.copyOf(initStatements);
  }

  /**
   * The target of a JDBC engine's settings.
   *
   * @throws ProblemException {@code FLOE-U040} when a setting the URL needs is absent
   */
  static JdbcTarget of(String profile, ComputeSettings settings) {
    if (settings instanceof ComputeSettings.Postgres p) {
      Map<String, String> properties = new TreeMap<>();
      p.schema().ifPresent(schema -> properties.put("currentSchema", schema));
      p.sslmode().ifPresent(mode -> properties.put("sslmode", mode));
      String url =
          "jdbc:postgresql://"
              + host(profile, p.host(), ComputeType.POSTGRES)
              + ":"
              + p.port().orElse(5432)
              + "/"
              + encode(p.database().orElse("postgres"));
      return new JdbcTarget(
          ComputeType.POSTGRES,
          url,
          properties,
          "org.postgresql.Driver",
          "org.postgresql:postgresql",
          List.of());
    }
    if (settings instanceof ComputeSettings.Trino t) {
      boolean ssl = t.ssl().orElse(false);
      StringBuilder url =
          new StringBuilder("jdbc:trino://")
              .append(host(profile, t.host(), ComputeType.TRINO))
              .append(':')
              .append(t.port().orElse(ssl ? 443 : 8080));
      if (t.catalog().isPresent()) {
        url.append('/').append(encode(t.catalog().get()));
        t.schema().ifPresent(schema -> url.append('/').append(encode(schema)));
      }
      Map<String, String> properties = new TreeMap<>();
      properties.put("SSL", Boolean.toString(ssl));
      return new JdbcTarget(
          ComputeType.TRINO,
          url.toString(),
          properties,
          "io.trino.jdbc.TrinoDriver",
          "io.trino:trino-jdbc",
          List.of());
    }
    if (settings instanceof ComputeSettings.Snowflake s) {
      String account =
          s.account()
              .orElseThrow(() -> missing(profile, "account", ComputeType.SNOWFLAKE, "my-account"));
      Map<String, String> properties = new TreeMap<>();
      s.warehouse().ifPresent(v -> properties.put("warehouse", v));
      s.database().ifPresent(v -> properties.put("db", v));
      s.schema().ifPresent(v -> properties.put("schema", v));
      s.role().ifPresent(v -> properties.put("role", v));
      return new JdbcTarget(
          ComputeType.SNOWFLAKE,
          "jdbc:snowflake://" + account + ".snowflakecomputing.com/",
          properties,
          "net.snowflake.client.jdbc.SnowflakeDriver",
          "net.snowflake:snowflake-jdbc",
          List.of());
    }
    if (settings instanceof ComputeSettings.Redshift r) {
      String url =
          "jdbc:redshift://"
              + host(profile, r.host(), ComputeType.REDSHIFT)
              + ":"
              + r.port().orElse(5439)
              + "/"
              + encode(r.database().orElse("dev"));
      List<String> init =
          r.schema()
              .map(schema -> List.of("SET search_path TO " + quoted(schema)))
              .orElse(List.of());
      return new JdbcTarget(
          ComputeType.REDSHIFT,
          url,
          Map.of(),
          "com.amazon.redshift.jdbc42.Driver",
          "com.amazon.redshift:redshift-jdbc42",
          init);
    }
    throw new IllegalArgumentException("not a JDBC engine: " + settings);
  }

  private static String host(String profile, Optional<String> host, ComputeType type) {
    return host.orElseThrow(() -> missing(profile, "host", type, "db.example.com"));
  }

  private static ProblemException missing(
      String profile, String key, ComputeType type, String example) {
    String path = ComputeProblems.path(profile);
    return new ProblemException(
        Problem.error(
                RuntimeCode.U040,
                "Cannot connect to compute '"
                    + path
                    + "' ("
                    + type.wire()
                    + "): the profile has no "
                    + key)
            .path(path + "." + key)
            .hint("set " + key + " in compute." + profile + " of platform.yaml, e.g. " + example)
            .build());
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String quoted(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
