package dev.floe.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.model.CatalogType;
import dev.floe.core.model.Credentials;
import dev.floe.core.model.IdentityProvider;
import dev.floe.testing.SecretCanaries;
import dev.floe.testing.catalog.CatalogRequest;
import dev.floe.testing.catalog.RestCatalogServer;
import dev.floe.testing.catalog.TokenCheck;
import dev.floe.testing.oauth2.OAuth2Server;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.catalog.Namespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bearer modes of a REST catalog, through floe's auth manager rather than catalog properties: a
 * static {@code token}, a static {@code credential} ({@code id:secret}) exchanged for tokens, and a
 * {@code service_account} whose projected token is the bearer.
 */
class BearerModesTest {
  private static OAuth2Server oauth;
  private static RestCatalogServer catalog;

  @TempDir Path secrets;
  @TempDir Path project;

  private final SecretCanaries canaries = SecretCanaries.create();

  @BeforeAll
  static void start() throws Exception {
    oauth = OAuth2Server.builder().build().start();
    oauth.warmUp();
    catalog = RestCatalogServer.builder().requireTokensFrom(oauth).build().start();
  }

  @AfterAll
  static void stop() {
    catalog.close();
    oauth.close();
  }

  @Test
  void aStaticTokenIsTheBearerOfEveryRequest() {
    Profiles.secret(
        secrets,
        "static-token",
        Map.of("token", oauth.issueToken("static-user", Duration.ofHours(1))));
    assertRequestsCarry(Profiles.staticSecret("static-token"), "static-user", "static");
  }

  @Test
  void aServiceAccountTokenFileIsTheBearer() throws Exception {
    Path tokenFile = project.resolve("token");
    Files.writeString(
        tokenFile,
        oauth.issueToken("system:serviceaccount:etl", Duration.ofHours(1)),
        StandardCharsets.UTF_8);
    assertRequestsCarry(
        new Credentials.ServiceAccount(
            Optional.empty(),
            Optional.of(tokenFile.toString()),
            Optional.of(IdentityProvider.KUBERNETES)),
        "system:serviceaccount:etl",
        "sa");
  }

  private void assertRequestsCarry(Credentials credentials, String subject, String namespace) {
    catalog.clearRequests();
    CatalogContext context =
        Profiles.context(
            Profiles.catalog(CatalogType.REST, catalog.uri().toString(), credentials),
            Profiles.local("warehouse"),
            secrets,
            project);
    try (OpenedCatalog opened = Catalogs.open(context)) {
      opened.namespaces().createNamespace(Namespace.of(namespace));
      assertThat(opened.properties())
          .containsEntry(
              CatalogProperties.AUTH_TYPE, dev.floe.catalog.oauth2.OAuth2AuthManager.AUTH_TYPE)
          .doesNotContainKeys("token", "credential");
      canaries.assertAbsentFrom(opened.properties().toString());
    }
    assertThat(catalog.requests())
        .isNotEmpty()
        .allMatch(r -> r.tokenCheck() == TokenCheck.VALID)
        .extracting(CatalogRequest::subject)
        .containsOnly(Optional.of(subject));
  }
}
