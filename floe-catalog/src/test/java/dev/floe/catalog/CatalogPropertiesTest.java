package dev.floe.catalog;

import static dev.floe.catalog.Profiles.catalog;
import static dev.floe.catalog.Profiles.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.catalog.oauth2.OAuth2AuthManager;
import dev.floe.catalog.storage.LocalFileIO;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.model.AccessDelegation;
import dev.floe.core.model.CatalogType;
import dev.floe.core.model.Credentials;
import dev.floe.core.model.IdentityProvider;
import dev.floe.core.model.SecretRef;
import dev.floe.core.model.StorageProfile;
import dev.floe.core.model.StorageType;
import dev.floe.core.model.StringOrSecret;
import dev.floe.testing.SecretCanaries;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exact Iceberg property maps per catalog type and credentials mode: the contract. */
class CatalogPropertiesTest {
  private static final String POLARIS = "http://polaris:8181/api/catalog";
  private static final StorageProfile MINIO =
      Profiles.s3("http://minio:9000", "lake", Profiles.staticSecret("minio"));

  @TempDir Path secrets;
  @TempDir Path project;

  private final SecretCanaries canaries = SecretCanaries.create();

  @BeforeEach
  void writeSecrets() {
    Profiles.secret(secrets, "polaris-secret", canaries.next());
    Profiles.secret(
        secrets,
        "minio",
        Map.of("access_key_id", canaries.next(), "secret_access_key", canaries.next()));
    Profiles.secret(secrets, "catalog-token", Map.of("token", canaries.next()));
    Profiles.secret(secrets, "db-login", Map.of("user", "floe", "password", canaries.next()));
  }

  @Test
  void polarisWithOAuth2NamesFloesAuthManagerAndNoSecret() {
    CatalogContext ctx =
        context(
            catalog(CatalogType.POLARIS, POLARIS, Profiles.oauth2("etl", "polaris-secret", null)),
            MINIO,
            secrets,
            project);

    Map<String, String> properties = CatalogProperties.of(ctx);

    assertThat(properties)
        .containsExactlyEntriesOf(
            sorted(
                Map.of(
                    "uri", POLARIS,
                    "warehouse", "demo",
                    "io-impl", "org.apache.iceberg.aws.s3.S3FileIO",
                    "client.region", "us-east-1",
                    "s3.endpoint", "http://minio:9000",
                    "s3.path-style-access", "true",
                    "rest.client.connection-timeout-ms", "5000",
                    "rest.client.socket-timeout-ms", "10000",
                    "rest.auth.type", OAuth2AuthManager.AUTH_TYPE)));
    assertThat(Catalogs.plan(ctx).tokenEndpoint().orElseThrow().value())
        .isEqualTo(POLARIS + "/v1/oauth/tokens");
    canaries.assertAbsentFrom(properties.toString());
  }

  @Test
  void accessDelegationBecomesTheHeaderProperty() {
    for (AccessDelegation delegation : AccessDelegation.values()) {
      CatalogContext ctx =
          context(
              catalog(
                  CatalogType.REST,
                  POLARIS,
                  "demo",
                  delegation,
                  Map.of("scan-planning-mode", StringOrSecret.literal("client")),
                  Profiles.staticSecret("catalog-token")),
              MINIO,
              secrets,
              project);

      Map<String, String> properties = CatalogProperties.of(ctx);

      if (delegation == AccessDelegation.NONE) {
        assertThat(properties).doesNotContainKey(CatalogProperties.ACCESS_DELEGATION_HEADER);
      } else {
        assertThat(properties)
            .containsEntry(CatalogProperties.ACCESS_DELEGATION_HEADER, delegation.wire());
      }
      assertThat(properties)
          .containsEntry("scan-planning-mode", "client")
          .containsEntry("rest.auth.type", OAuth2AuthManager.AUTH_TYPE)
          .doesNotContainKeys("token", "credential");
      canaries.assertAbsentFrom(properties.toString());
    }
  }

  @Test
  void aRestCatalogWithoutCredentialsHasNoAuthManager() {
    CatalogContext ctx =
        context(
            catalog(CatalogType.REST, "http://rest:8181", Credentials.NONE),
            Profiles.local(".floe/warehouse"),
            secrets,
            project);

    assertThat(CatalogProperties.of(ctx))
        .doesNotContainKey("rest.auth.type")
        .containsEntry("io-impl", LocalFileIO.class.getName());
  }

  @Test
  void aLocalJdbcProfileResolvesItsPathsAgainstTheProject() {
    CatalogContext ctx =
        context(
            catalog(CatalogType.JDBC, "jdbc:sqlite:.floe/catalog.db", Credentials.NONE),
            Profiles.local(".floe/warehouse"),
            secrets,
            project);

    assertThat(CatalogProperties.of(ctx))
        .containsExactlyEntriesOf(
            sorted(
                Map.of(
                    "uri",
                    "jdbc:sqlite:" + project.resolve(".floe/catalog.db"),
                    "warehouse",
                    "file:" + project.resolve(".floe/warehouse"),
                    "io-impl",
                    LocalFileIO.class.getName(),
                    "jdbc.schema-version",
                    "V1",
                    "clients",
                    "1")));
    assertThat(CatalogProperties.fileIo(ctx)).isEmpty();
  }

  @Test
  void aPostgresJdbcProfileOnS3KeepsItsLoginOutOfTheProperties() {
    CatalogContext ctx =
        context(
            catalog(
                CatalogType.JDBC,
                "jdbc:postgresql://db:5432/iceberg",
                "warehouse",
                AccessDelegation.NONE,
                Map.of(),
                Profiles.staticSecret("db-login")),
            MINIO,
            secrets,
            project);

    Map<String, String> properties = CatalogProperties.of(ctx);

    assertThat(properties)
        .containsExactlyEntriesOf(
            sorted(
                Map.of(
                    "uri", "jdbc:postgresql://db:5432/iceberg",
                    "warehouse", "s3://lake/warehouse",
                    "io-impl", "org.apache.iceberg.aws.s3.S3FileIO",
                    "client.region", "us-east-1",
                    "s3.endpoint", "http://minio:9000",
                    "s3.path-style-access", "true",
                    "jdbc.schema-version", "V1")));
    canaries.assertAbsentFrom(properties.toString());
  }

  @Test
  void theJdbcLoginReachesThePoolButNotTheCatalogsProperties() {
    CatalogContext ctx =
        context(
            catalog(CatalogType.JDBC, "jdbc:sqlite:catalog.db", Profiles.staticSecret("db-login")),
            Profiles.local("warehouse"),
            secrets,
            project);

    try (OpenedCatalog opened = Catalogs.open(ctx)) {
      assertThat(opened.catalog()).isInstanceOf(JdbcCatalog.class);
      assertThat(opened.properties())
          .doesNotContainKeys(CatalogProperties.JDBC_USER, CatalogProperties.JDBC_PASSWORD);
      canaries.assertAbsentFrom(opened.properties().toString());
      canaries.assertAbsentFrom(opened.catalog().toString());
      canaries.assertAbsentFrom(opened.toString());
    }
  }

  @Test
  void glueNessieAndHiveMapToTheirImplementations() {
    Map<String, StringOrSecret> ref = Map.of("ref", StringOrSecret.literal("main"));
    StorageProfile aws = Profiles.s3(null, "lake", Credentials.NONE);

    assertThat(
            CatalogProperties.of(
                context(
                    catalog(
                        CatalogType.GLUE,
                        null,
                        "analytics",
                        AccessDelegation.NONE,
                        Map.of(),
                        Credentials.NONE),
                    aws,
                    secrets,
                    project)))
        .containsExactlyEntriesOf(
            sorted(
                Map.of(
                    "catalog-impl", "org.apache.iceberg.aws.glue.GlueCatalog",
                    "warehouse", "s3://lake/analytics",
                    "io-impl", "org.apache.iceberg.aws.s3.S3FileIO",
                    "client.region", "us-east-1",
                    "s3.path-style-access", "true")));
    assertThat(
            CatalogProperties.of(
                context(
                    catalog(
                        CatalogType.NESSIE,
                        "http://nessie:19120/api/v2",
                        "wh",
                        AccessDelegation.NONE,
                        ref,
                        Credentials.NONE),
                    aws,
                    secrets,
                    project)))
        .containsEntry("catalog-impl", "org.apache.iceberg.nessie.NessieCatalog")
        .containsEntry("uri", "http://nessie:19120/api/v2")
        .containsEntry("ref", "main")
        .containsEntry("warehouse", "s3://lake/wh");
    assertThat(
            CatalogProperties.of(
                context(
                    catalog(CatalogType.HIVE, "thrift://metastore:9083", Credentials.NONE),
                    Profiles.local("wh"),
                    secrets,
                    project)))
        .containsExactlyEntriesOf(
            sorted(
                Map.of(
                    "catalog-impl",
                    "org.apache.iceberg.hive.HiveCatalog",
                    "uri",
                    "thrift://metastore:9083",
                    "warehouse",
                    "file:" + project.resolve("wh"),
                    "io-impl",
                    LocalFileIO.class.getName())));
  }

  @Test
  void aMissingImplementationJarIsNamed() {
    CatalogContext ctx =
        context(
            catalog(CatalogType.NESSIE, "http://nessie:19120/api/v2", Credentials.NONE),
            Profiles.local("wh"),
            secrets,
            project);

    assertThatThrownBy(() -> Catalogs.open(ctx))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              Problem problem = e.problems().get(0);
              assertThat(problem.code()).isEqualTo("FLOE-K117");
              assertThat(problem.message()).contains("org.apache.iceberg:iceberg-nessie");
              assertThat(problem.path()).contains("catalogs.default.type");
            });
  }

  @Test
  void aSecretEndpointIsResolvedAndShownByName() {
    Profiles.secret(secrets, "polaris-uri", POLARIS);
    CatalogContext ctx =
        context(
            new dev.floe.core.model.CatalogProfile(
                CatalogType.POLARIS,
                Optional.of(new SecretRef("polaris-uri")),
                "demo",
                "demo",
                AccessDelegation.NONE,
                true,
                Map.of(),
                Profiles.oauth2("etl", "polaris-secret", null)),
            MINIO,
            secrets,
            project);

    CatalogProperties.Plan plan = Catalogs.plan(ctx);

    assertThat(plan.properties()).containsEntry("uri", POLARIS);
    assertThat(plan.catalog().display()).isEqualTo("secret_ref:polaris-uri");
    assertThat(plan.tokenEndpoint().orElseThrow().display())
        .isEqualTo("secret_ref:polaris-uri/v1/oauth/tokens");
  }

  @Test
  void refusesWhatWouldPutASecretIntoTheProperties() {
    assertProblem(
        catalog(
            CatalogType.REST,
            POLARIS,
            "demo",
            AccessDelegation.NONE,
            Map.of("token", new SecretRef("catalog-token")),
            Credentials.NONE),
        MINIO,
        "FLOE-K119",
        "catalogs.default.properties.token");
    assertProblem(
        catalog(
            CatalogType.REST,
            POLARIS,
            "demo",
            AccessDelegation.NONE,
            Map.of("x-api-key", new SecretRef("catalog-token")),
            Credentials.NONE),
        MINIO,
        "FLOE-K119",
        "catalogs.default.properties.x-api-key");
    assertProblem(
        catalog(CatalogType.NESSIE, "http://nessie:19120/api/v2", Profiles.staticSecret("x")),
        MINIO,
        "FLOE-K119",
        "catalogs.default.credentials");
  }

  @Test
  void unsupportedStorageAndModesAreDiagnostics() {
    StorageProfile gcs =
        new StorageProfile(
            StorageType.GCS,
            Optional.empty(),
            Optional.empty(),
            Optional.of("lake"),
            Optional.empty(),
            false,
            Credentials.NONE);
    assertProblem(
        catalog(CatalogType.REST, POLARIS, Credentials.NONE), gcs, "FLOE-K126", "storage.default");
    assertProblem(
        catalog(
            CatalogType.REST,
            POLARIS,
            new Credentials.IamRole(
                "arn:aws:iam::123456789012:role/x",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty())),
        MINIO,
        "FLOE-K133",
        "catalogs.default.credentials");
    CatalogContext serviceAccountOnS3 =
        context(
            catalog(CatalogType.JDBC, "jdbc:sqlite:c.db", Credentials.NONE),
            Profiles.s3(
                "http://minio:9000",
                "lake",
                new Credentials.ServiceAccount(
                    Optional.empty(), Optional.empty(), Optional.of(IdentityProvider.GCP))),
            secrets,
            project);
    assertThatThrownBy(() -> Catalogs.open(serviceAccountOnS3))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problems().get(0).code()).isEqualTo("FLOE-K133"));
  }

  private void assertProblem(
      dev.floe.core.model.CatalogProfile catalog,
      StorageProfile storage,
      String code,
      String path) {
    CatalogContext ctx = context(catalog, storage, secrets, project);
    assertThatThrownBy(() -> Catalogs.open(ctx))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problems().get(0).code()).isEqualTo(code);
              assertThat(e.problems().get(0).path()).contains(path);
              canaries.assertAbsentFrom(e.problems().toString());
            });
  }

  private static Map<String, String> sorted(Map<String, String> map) {
    return new java.util.TreeMap<>(map);
  }
}
