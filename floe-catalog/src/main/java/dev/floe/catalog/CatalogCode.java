package dev.floe.catalog;

import dev.floe.core.diag.ProblemCode;
import dev.floe.core.diag.ProblemCodes;
import java.util.List;

/**
 * The problem codes of connections and credentials at run time, family {@code FLOE-K1xx}: OAuth2
 * token endpoints (101-109), catalogs (110-119), storage (120-129) and the other credential modes
 * (130-139). Each is documented in {@code docs/errors.md}; a code never changes meaning once
 * released.
 *
 * <p>Stands in for floe-core's coming {@code ProblemCode} interface: {@link #id()} and {@link
 * #title()} have the same meaning as on {@code dev.floe.core.diag.Code}.
 */
public enum CatalogCode implements ProblemCode {
  /** The token endpoint refused the connection, or its host or TLS handshake failed. */
  K101("token endpoint unreachable"),
  /** The token endpoint did not answer in time. */
  K102("token request timed out"),
  /** The token endpoint rejected the client credentials (HTTP 400, 401, 403). */
  K103("OAuth2 client authentication failed"),
  /** The token endpoint kept answering HTTP 429 or 5xx. */
  K104("token endpoint unavailable"),
  /** The token endpoint answered something that is not a token. */
  K105("invalid token response"),
  /** Nothing answers at the catalog endpoint. */
  K110("catalog unreachable"),
  /** The catalog did not answer in time. */
  K111("catalog request timed out"),
  /** The TLS handshake with the catalog failed. */
  K112("TLS handshake with the catalog failed"),
  /** The catalog answered 401: the token or credential is not accepted. */
  K113("catalog rejected the credentials"),
  /** The catalog answered 403: the principal may not do this. */
  K114("catalog denied access"),
  /** The warehouse, namespace or table does not exist in the catalog. */
  K115("catalog resource not found"),
  /** The catalog answered with a server error or an unexpected answer. */
  K116("catalog failed"),
  /** The Iceberg implementation of the catalog type is not on the class path. */
  K117("catalog implementation missing"),
  /** The JDBC database of a {@code jdbc} catalog cannot be opened or used. */
  K118("JDBC catalog database failed"),
  /** The profile asks for something this version cannot do. */
  K119("catalog configuration not supported"),
  /** Nothing answers at the storage endpoint. */
  K120("storage unreachable"),
  /** The storage endpoint did not answer in time. */
  K121("storage request timed out"),
  /** The TLS handshake with the storage endpoint failed. */
  K122("TLS handshake with storage failed"),
  /** The bucket does not exist. */
  K123("bucket not found"),
  /** The storage refused the credentials or denied access (HTTP 401, 403). */
  K124("storage denied access"),
  /** The storage answered with another error. */
  K125("storage failed"),
  /** The storage type has no FileIO in this build yet (gcs, azure). */
  K126("storage type not supported yet"),
  /** STS did not hand out credentials for the IAM role. */
  K130("cannot assume IAM role"),
  /** No workload identity token could be read or exchanged. */
  K131("service account token unavailable"),
  /** A resolved static secret lacks a key or holds a malformed value. */
  K132("static secret unusable"),
  /** The credentials mode does not apply to this kind of profile. */
  K133("credentials mode not supported for this profile");

  private final String title;

  CatalogCode(String title) {
    this.title = title;
  }

  /** The code as printed, for example {@code FLOE-K101}; never null. */
  @Override
  public String id() {
    return "FLOE-" + name();
  }

  /** A few words naming the kind of problem; never null. */
  @Override
  public String title() {
    return title;
  }

  /** Registers floe-catalog's codes with {@link java.util.ServiceLoader}. */
  public static final class Provider implements ProblemCodes {
    /** Called by {@link java.util.ServiceLoader}. */
    public Provider() {}

    @Override
    public String module() {
      return "floe-catalog";
    }

    @Override
    public List<ProblemCode> codes() {
      return List.of(CatalogCode.values());
    }
  }
}
