package dev.floe.catalog;

import static java.util.Objects.requireNonNull;

import dev.floe.catalog.failure.ConnectionFailureException;
import dev.floe.catalog.failure.FailureKind;
import dev.floe.catalog.failure.MissingSecretKeyException;
import dev.floe.catalog.oauth2.OAuth2Exception;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.secret.Secret;
import java.sql.SQLException;
import java.util.Optional;
import org.apache.iceberg.exceptions.BadRequestException;
import org.apache.iceberg.exceptions.ForbiddenException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.exceptions.NoSuchWarehouseException;
import org.apache.iceberg.exceptions.NotAuthorizedException;
import org.apache.iceberg.exceptions.RESTException;
import org.apache.iceberg.exceptions.ServiceFailureException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns the failures of connecting and using a catalog into {@link Problem}s: which profile, which
 * endpoint ({@code secret_ref:NAME} when the endpoint is a secret), the cause in words and a hint.
 * Every message passes through the resolved secrets' redaction, so that text quoted from a server
 * or driver cannot show one.
 *
 * <p>{@code Problem} has no cause yet; until it does, the cause survives only in the words of the
 * message. Stateless and thread-safe.
 */
final class CatalogProblems {

  /** Which side a failure without a recognisable origin is blamed on. */
  enum Side {
    CATALOG,
    STORAGE
  }

  /**
   * The profiles and endpoints a failure may concern.
   *
   * @param catalogPath {@code catalogs.<name>}
   * @param catalog the catalog endpoint
   * @param storagePath {@code storage.<name>}
   * @param storage the storage, as messages show it ({@code s3://bucket at <endpoint>})
   * @param bucket the bucket of s3 storage
   * @param tokenEndpoint the token endpoint of an OAuth2 catalog
   */
  record Where(
      String catalogPath,
      Endpoint catalog,
      String storagePath,
      String storage,
      Optional<String> bucket,
      Optional<Endpoint> tokenEndpoint) {
    Where {
      requireNonNull(catalogPath, "catalogPath");
      requireNonNull(catalog, "catalog");
      requireNonNull(storagePath, "storagePath");
      requireNonNull(storage, "storage");
      requireNonNull(bucket, "bucket");
      requireNonNull(tokenEndpoint, "tokenEndpoint");
    }
  }

  private CatalogProblems() {}

  /** An error problem with a field path and a hint. */
  static Problem problem(CatalogCode code, String path, String message, String hint) {
    return Problem.error(code, message).path(path).hint(hint).build();
  }

  /** A configuration this version cannot connect, as an exception to throw. */
  static ProblemException unsupported(CatalogCode code, String path, String message, String hint) {
    return new ProblemException(problem(code, path, message, hint));
  }

  /**
   * The problem {@code failure} is, named after {@code where}; a {@link ProblemException} is
   * returned as it is.
   *
   * @param failure what was thrown
   * @param where the profiles and endpoints
   * @param fallback the side blamed when nothing in the failure says which
   * @param secrets the secrets resolved for this catalog, hidden from every message
   */
  static ProblemException describe(
      Throwable failure, Where where, Side fallback, Iterable<Secret> secrets) {
    requireNonNull(failure, "failure");
    if (failure instanceof ProblemException known) {
      return known;
    }
    Problem problem = classify(failure, where, fallback);
    // No cause is attached: a server's answer inside an exception may echo a secret, and --debug
    // would print it.
    Problem redacted =
        new Problem(
            problem.severity(),
            problem.code(),
            Secret.redact(problem.message(), secrets),
            problem.position(),
            problem.file(),
            problem.path(),
            problem.hint().map(h -> Secret.redact(h, secrets)),
            problem.choices(),
            problem.suggestion(),
            problem.disclosure(),
            problem.shown(),
            Optional.empty());
    return new ProblemException(redacted);
  }

  private static Problem classify(Throwable failure, Where where, Side fallback) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ProblemException known) {
        return known.problems().get(0);
      }
      if (t instanceof OAuth2Exception oauth2) {
        return token(oauth2, where);
      }
      if (t instanceof MissingSecretKeyException missing) {
        return problem(
            CatalogCode.K132,
            where.catalogPath() + ".credentials",
            missing.getMessage(),
            "add the missing keys to the secret '" + missing.secretName() + "'");
      }
      if (t instanceof ConnectionFailureException connection) {
        return credentialMode(connection, where);
      }
      if (t instanceof NoSuchBucketException) {
        return bucketMissing(where);
      }
      if (t instanceof S3Exception s3) {
        return storageAnswer(s3, where);
      }
      if (t instanceof SdkClientException) {
        return lowLevel(t, where, Side.STORAGE);
      }
      if (t instanceof NotAuthorizedException) {
        return problem(
            CatalogCode.K113,
            where.catalogPath() + ".credentials",
            "Catalog '"
                + where.catalogPath()
                + "' at "
                + where.catalog().display()
                + " rejected the credentials (HTTP 401): "
                + t.getMessage(),
            "check the profile's credentials: the client id and secret, the scope, or the"
                + " static token; an expired token is refreshed by floe, a revoked one is not");
      }
      if (t instanceof ForbiddenException) {
        return problem(
            CatalogCode.K114,
            where.catalogPath() + ".credentials",
            "Catalog '"
                + where.catalogPath()
                + "' at "
                + where.catalog().display()
                + " denied access (HTTP 403): "
                + t.getMessage(),
            "grant the principal of these credentials access to the warehouse and namespace"
                + " (for Polaris: a principal role with a catalog role), or change scope");
      }
      if (t instanceof NoSuchWarehouseException
          || t instanceof NoSuchNamespaceException
          || t instanceof NoSuchTableException) {
        return problem(
            CatalogCode.K115,
            where.catalogPath() + ".warehouse",
            "Catalog '"
                + where.catalogPath()
                + "' at "
                + where.catalog().display()
                + " has no such resource: "
                + t.getMessage(),
            "check warehouse and namespace of the profile (for Polaris the warehouse is the"
                + " catalog name), or create the namespace first");
      }
      if (t instanceof ServiceFailureException || t instanceof BadRequestException) {
        return catalogFailed(t, where);
      }
      if (t instanceof SQLException) {
        return problem(
            CatalogCode.K118,
            where.catalogPath() + ".uri",
            "Cannot use the JDBC database of catalog '"
                + where.catalogPath()
                + "' at "
                + where.catalog().display()
                + ": "
                + t.getMessage(),
            "check the JDBC URL, that the database is running and that the login in the"
                + " profile's secret may create and update tables; a SQLite file's folder must"
                + " be writable");
      }
      if (t instanceof RESTException && FailureKind.of(t).isEmpty()) {
        return catalogFailed(t, where);
      }
    }
    if (FailureKind.of(failure).isPresent()) {
      return lowLevel(failure, where, fallback);
    }
    return fallback == Side.STORAGE
        ? problem(
            CatalogCode.K125,
            where.storagePath(),
            "Storage '"
                + where.storagePath()
                + "' ("
                + where.storage()
                + ") failed: "
                + describeUnknown(failure),
            "check the storage endpoint and the credentials of the profile")
        : catalogFailed(failure, where);
  }

  private static Problem token(OAuth2Exception e, Where where) {
    String endpoint =
        where
            .tokenEndpoint()
            .filter(t -> t.value().equals(e.endpoint().toString()))
            .map(Endpoint::display)
            .orElse(Endpoint.withoutQuery(e.endpoint().toString()));
    String prefix =
        "Cannot get an OAuth2 token for catalog '"
            + where.catalogPath()
            + "' from "
            + endpoint
            + " as client '"
            + e.clientId()
            + "': ";
    String path = where.catalogPath() + ".credentials";
    return switch (e.kind()) {
      case AUTHENTICATION ->
          problem(
              CatalogCode.K103,
              path,
              prefix + "authentication failed: " + e.detail(),
              "check client_id and the secret named by client_secret (and scope/audience); the"
                  + " identity provider must allow the client-credentials grant for this client");
      case UNREACHABLE ->
          problem(
              CatalogCode.K101,
              path,
              prefix + "the token endpoint is unreachable: " + e.detail(),
              "check token_endpoint (default <uri>/v1/oauth/tokens), that the identity provider"
                  + " runs, and DNS, proxy, firewall and TLS trust between here and it");
      case TIMEOUT ->
          problem(
              CatalogCode.K102,
              path,
              prefix + "the token endpoint did not answer in time: " + e.detail(),
              "the identity provider is slow or a firewall drops packets; check its health and"
                  + " the network path");
      case UNAVAILABLE ->
          problem(
              CatalogCode.K104,
              path,
              prefix + "the token endpoint is unavailable: " + e.detail(),
              "the identity provider answers with server errors or rate limits; try again later"
                  + " or check its health");
      case PROTOCOL, INTERRUPTED ->
          problem(
              CatalogCode.K105,
              path,
              prefix + "the answer is not a usable token: " + e.detail(),
              "token_endpoint may point at something that is not an OAuth2 token endpoint (a"
                  + " login page, a proxy); set it to the identity provider's token URL");
    };
  }

  private static Problem credentialMode(ConnectionFailureException e, Where where) {
    boolean role = e.getMessage().startsWith("cannot assume role");
    return role
        ? problem(
            CatalogCode.K130,
            where.storagePath() + ".credentials",
            "Storage '"
                + where.storagePath()
                + "' cannot get credentials: "
                + e.getMessage()
                + " ("
                + words(e.kind())
                + ")",
            "check role_arn, the role's trust policy (external_id, the web identity's"
                + " audience) and that STS is reachable")
        : problem(
            CatalogCode.K131,
            where.catalogPath() + ".credentials",
            "Catalog '"
                + where.catalogPath()
                + "' cannot get a service account token: "
                + e.getMessage()
                + " ("
                + words(e.kind())
                + ")",
            "check token_file (a projected service account token volume), provider and"
                + " audience");
  }

  private static Problem bucketMissing(Where where) {
    return problem(
        CatalogCode.K123,
        where.storagePath() + ".bucket",
        "Bucket '"
            + where.bucket().orElse("?")
            + "' of storage '"
            + where.storagePath()
            + "' does not exist ("
            + where.storage()
            + ")",
        "create the bucket, or correct bucket (and region, endpoint, path_style_access) in the"
            + " profile");
  }

  private static Problem storageAnswer(S3Exception e, Where where) {
    int status = e.statusCode();
    String code =
        e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
            ? e.awsErrorDetails().errorCode()
            : "HTTP " + status;
    if ("NoSuchBucket".equals(code)) {
      return bucketMissing(where);
    }
    if (status == 401 || status == 403) {
      return problem(
          CatalogCode.K124,
          where.storagePath() + ".credentials",
          "Storage '"
              + where.storagePath()
              + "' ("
              + where.storage()
              + ") denied access (HTTP "
              + status
              + ", "
              + code
              + ")",
          "check the access keys in the storage secret (or the vended credentials of the"
              + " catalog), the bucket policy, region and path_style_access");
    }
    return problem(
        CatalogCode.K125,
        where.storagePath(),
        "Storage '"
            + where.storagePath()
            + "' ("
            + where.storage()
            + ") answered HTTP "
            + status
            + " ("
            + code
            + ")",
        "check bucket, region, endpoint and path_style_access of the profile");
  }

  private static Problem lowLevel(Throwable t, Where where, Side side) {
    FailureKind kind = FailureKind.of(t).orElse(FailureKind.PROTOCOL);
    if (side == Side.STORAGE) {
      CatalogCode code =
          switch (kind) {
            case TIMEOUT -> CatalogCode.K121;
            case TLS -> CatalogCode.K122;
            case REFUSED, NOT_FOUND -> CatalogCode.K120;
            default -> CatalogCode.K125;
          };
      return problem(
          code,
          where.storagePath() + ".endpoint",
          "Cannot reach storage '"
              + where.storagePath()
              + "' ("
              + where.storage()
              + "): "
              + words(kind),
          "check endpoint and region of the storage profile, that the server runs, and DNS,"
              + " proxy, firewall and TLS trust between here and it");
    }
    CatalogCode code =
        switch (kind) {
          case TIMEOUT -> CatalogCode.K111;
          case TLS -> CatalogCode.K112;
          case REFUSED, NOT_FOUND -> CatalogCode.K110;
          default -> CatalogCode.K116;
        };
    return problem(
        code,
        where.catalogPath() + ".uri",
        "Cannot reach catalog '"
            + where.catalogPath()
            + "' at "
            + where.catalog().display()
            + ": "
            + words(kind),
        kind == FailureKind.TLS
            ? "the catalog's certificate is not trusted or names another host; add its CA to the"
                + " Java trust store or use the host name the certificate names"
            : "check uri of the catalog profile, that the catalog runs, and DNS, proxy and"
                + " firewall between here and it");
  }

  private static Problem catalogFailed(Throwable t, Where where) {
    return problem(
        CatalogCode.K116,
        where.catalogPath(),
        "Catalog '"
            + where.catalogPath()
            + "' at "
            + where.catalog().display()
            + " failed: "
            + describeUnknown(t),
        "check the catalog's health and logs; the request may be retried when the server is"
            + " back");
  }

  private static String describeUnknown(Throwable t) {
    String message = t.getMessage();
    if (t instanceof SdkException && message != null) {
      // The SDK appends request ids and the like; the first sentence says what happened.
      int cut = message.indexOf(" (Service:");
      message = cut < 0 ? message : message.substring(0, cut);
    }
    return message == null || message.isBlank()
        ? t.getClass().getSimpleName()
        : t.getClass().getSimpleName() + ": " + message;
  }

  /** A failure kind in words. */
  static String words(FailureKind kind) {
    return switch (kind) {
      case REFUSED -> "connection refused (nothing listens there)";
      case TIMEOUT -> "no answer in time (timeout)";
      case TLS -> "the TLS handshake failed";
      case AUTHENTICATION -> "the credentials were refused";
      case NOT_FOUND -> "the host or resource was not found";
      case PROTOCOL -> "the answer was not what the protocol promises";
    };
  }
}
