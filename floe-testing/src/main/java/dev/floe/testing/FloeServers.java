package dev.floe.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class real servers on loopback, started on first use and closed after the class:
 * declare a parameter (of a test, lifecycle method or constructor) or a {@link InjectServer} field
 * of type {@link dev.floe.testing.oauth2.OAuth2Server}, {@link
 * dev.floe.testing.catalog.RestCatalogServer}, {@link dev.floe.testing.s3.S3Server}, {@link
 * dev.floe.testing.telemetry.OtlpReceiver} or {@link dev.floe.testing.telemetry.LineageReceiver}.
 *
 * <pre>{@code
 * @FloeServers(warehouse = FloeServers.Warehouse.S3_BUCKET)
 * class OrdersPipelineTest {
 *   @Test
 *   void writesOrders(RestCatalogServer catalog, S3Server s3) {
 *     // catalog checks the tokens of the class's OAuth2Server; its warehouse is a bucket of s3
 *   }
 * }
 * }</pre>
 *
 * <p>The servers of one class are wired together: the catalog accepts only tokens of the class's
 * OAuth2 server (unless {@link #catalogAuth()} is {@link CatalogAuth#NONE}), and its warehouse is a
 * local folder or a bucket of the class's S3 server. Only the servers a class asks for are started,
 * with those the catalog needs. The telemetry receivers stand alone; they keep their records for
 * the whole class, so call their {@code reset()} in a {@code BeforeEach} method when each test
 * should see only its own. {@link org.junit.jupiter.api.Nested} classes share the servers (and the
 * settings) of their enclosing class; an annotation on a nested class is not read.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FloeServersExtension.class)
public @interface FloeServers {

  /**
   * The OAuth2 server's issuer id.
   *
   * @return letters, digits, {@code .}, {@code _} and {@code -}
   */
  String issuerId() default "floe";

  /**
   * The lifetime of the tokens the OAuth2 server issues, in seconds.
   *
   * @return at least 1
   */
  int tokenLifetimeSeconds() default 3600;

  /**
   * Whether the catalog checks bearer tokens.
   *
   * @return {@link CatalogAuth#OAUTH2} by default
   */
  CatalogAuth catalogAuth() default CatalogAuth.OAUTH2;

  /**
   * Where the catalog keeps its warehouse.
   *
   * @return {@link Warehouse#LOCAL_FOLDER} by default
   */
  Warehouse warehouse() default Warehouse.LOCAL_FOLDER;

  /**
   * The bucket of a {@link Warehouse#S3_BUCKET} warehouse; it is created when the catalog starts.
   *
   * @return an S3 bucket name
   */
  String bucket() default "warehouse";

  /**
   * The S3 server's access key id; empty for a random one.
   *
   * @return the access key id, or empty text
   */
  String s3AccessKey() default "";

  /**
   * The S3 server's secret key; empty for a random one. Set both keys or neither.
   *
   * @return the secret key, or empty text
   */
  String s3SecretKey() default "";

  /**
   * The region S3 clients sign for.
   *
   * @return an AWS region name
   */
  String region() default "us-east-1";

  /**
   * Hands the S3 server's keys to catalog clients that ask for vended credentials ({@code
   * X-Iceberg-Access-Delegation: vended-credentials}), for an {@link Warehouse#S3_BUCKET}
   * warehouse.
   *
   * @return {@link CredentialVending#OFF} by default
   */
  CredentialVending vendCredentials() default CredentialVending.OFF;

  /** Whether the catalog checks bearer tokens. */
  enum CatalogAuth {
    /** Only requests with a valid token of the class's OAuth2 server reach the catalog. */
    OAUTH2,
    /** Every request reaches the catalog; none is checked. */
    NONE
  }

  /** Where the catalog keeps its warehouse. */
  enum Warehouse {
    /** A folder in the catalog's temporary folder, with {@code LocalFileIO}. */
    LOCAL_FOLDER,
    /** A bucket of the class's S3 server, with Iceberg's {@code S3FileIO}. */
    S3_BUCKET
  }

  /** Whether the catalog vends the S3 server's keys in table loads. */
  enum CredentialVending {
    /** No credentials in table loads. */
    OFF,
    /** The S3 server's key pair, to clients that ask. */
    S3_KEYS
  }
}
