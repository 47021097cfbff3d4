package dev.floe.catalog;

import static java.util.Objects.requireNonNull;

import dev.floe.core.diag.ProblemException;
import dev.floe.core.model.CatalogType;
import dev.floe.core.secret.Secret;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.io.FileIO;

/**
 * A connected catalog profile: the Iceberg {@link Catalog} and the storage {@link FileIO}, with
 * everything behind them — token manager and its registration, credentials providers, HTTP clients,
 * the JDBC pool — owned here and released by {@link #close()}, the last created first.
 *
 * <p>With {@code access_delegation: vended-credentials} or {@code remote-signing} on s3 storage, a
 * table's own {@code table.io()} carries the credentials the catalog handed out for it; {@link
 * #io()} is then a FileIO without credentials of its own. Otherwise every table's FileIO is {@link
 * #io()}.
 *
 * <p>Thread-safe as far as Iceberg's catalogs are. Its {@code toString} names the profile and
 * endpoint only.
 */
public final class OpenedCatalog implements AutoCloseable {
  private final String profile;
  private final CatalogType type;
  private final Catalog catalog;
  private final FileIO io;
  private final Map<String, String> properties;
  private final String namespace;
  private final CatalogProblems.Where where;
  private final List<Secret> redactions;
  private final Resources resources;

  OpenedCatalog(
      String profile,
      CatalogType type,
      Catalog catalog,
      FileIO io,
      Map<String, String> properties,
      String namespace,
      CatalogProblems.Where where,
      List<Secret> redactions,
      Resources resources) {
    this.profile = profile;
    this.type = type;
    this.catalog = catalog;
    this.io = io;
    this.properties = properties;
    this.namespace = namespace;
    this.where = where;
    this.redactions = List.copyOf(redactions);
    this.resources = resources;
  }

  /** The catalog profile's name, for example {@code default}; never null. */
  public String profile() {
    return profile;
  }

  /** The catalog type of the profile; never null. */
  public CatalogType type() {
    return type;
  }

  /** The Iceberg catalog; owned by this object, do not close it; never null. */
  public Catalog catalog() {
    return catalog;
  }

  /**
   * The catalog's namespace operations.
   *
   * @throws UnsupportedOperationException when the catalog implementation has none
   */
  public SupportsNamespaces namespaces() {
    if (catalog instanceof SupportsNamespaces namespaces) {
      return namespaces;
    }
    throw new UnsupportedOperationException(
        "catalog '" + profile + "' of type " + type.wire() + " has no namespace operations");
  }

  /** The storage FileIO; owned by this object, do not close it; never null. */
  public FileIO io() {
    return io;
  }

  /** The profile's default namespace for tables; never null. */
  public String defaultNamespace() {
    return namespace;
  }

  /**
   * The catalog properties the catalog was initialized with, as {@link
   * CatalogProperties#of(CatalogContext)} gives them (without the registry handle): no secret.
   */
  public Map<String, String> properties() {
    return properties;
  }

  /**
   * The problem a failure of this catalog or its storage is, for a failure that happens after
   * opening (a commit refused with 401, a bucket that disappeared): the same codes and wording as
   * the failures of {@link Catalogs#open}, without any secret. Throw it to stop a run with exit 3.
   *
   * @param failure what an Iceberg, AWS SDK or floe call threw; not null
   */
  public ProblemException problem(Throwable failure) {
    requireNonNull(failure, "failure");
    CatalogProblems.Side side =
        failure instanceof software.amazon.awssdk.core.exception.SdkException
            ? CatalogProblems.Side.STORAGE
            : CatalogProblems.Side.CATALOG;
    return CatalogProblems.describe(failure, where, side, redactions);
  }

  /**
   * Closes the catalog, the FileIO, credentials providers and token manager, the last created
   * first; every one is closed even when another fails. Idempotent.
   *
   * @throws IllegalStateException when something failed to close
   */
  @Override
  public void close() {
    resources.close();
  }

  /** Names the profile, the type and the endpoint. */
  @Override
  public String toString() {
    return "OpenedCatalog["
        + where.catalogPath()
        + ", "
        + type.wire()
        + ", "
        + where.catalog()
        + "]";
  }
}
