package dev.floe.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.floe.core.diag.JsonRenderer;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.SourcePosition;
import dev.floe.core.diag.SourceTexts;
import dev.floe.core.diag.TextRenderer;
import dev.floe.core.model.CatalogType;
import dev.floe.core.model.ComputeType;
import dev.floe.core.model.SecretRef;
import dev.floe.core.model.StorageType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SecretResolver}: the order environment → mounted files → providers, the name and key
 * spellings, empty values and line breaks, and the diagnostics of a missing or incomplete secret.
 * Every value is a canary ({@code canary-…}) that must never appear in a message, a hint, a
 * rendering or a {@code toString}.
 */
class SecretResolverTest {
  private static final String CLIENT_SECRET_FIELD = "catalogs.default.credentials.client_secret";
  private static final String STORAGE_FIELD = "storage.default.credentials.secret_ref";
  private static final SecretKeys S3 = SecretKeys.storage(StorageType.S3);

  @TempDir Path root;

  private final Map<String, String> env = new HashMap<>();

  private SecretResolver resolver(SecretProvider... providers) {
    return new SecretResolver(env, root, List.of(providers));
  }

  private void mount(String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  // ---- single values ----------------------------------------------------------------------

  @Test
  void readsASingleValueFromTheUpperSnakeEnvironmentVariable() {
    env.put("POLARIS_CLIENT_SECRET", "canary-env-single-1");

    SecretLookup lookup =
        resolver().lookup(SecretRequirement.single("polaris-client-secret", CLIENT_SECRET_FIELD));

    assertThat(lookup.isFound()).isTrue();
    assertThat(lookup.value().reveal()).isEqualTo("canary-env-single-1");
    assertThat(lookup.found())
        .extracting(SecretLocation::display)
        .containsExactly("env POLARIS_CLIENT_SECRET");
    assertNoCanary(lookup);
  }

  @Test
  void readsASingleValueFromTheMountedFileWithoutItsTrailingNewline() throws IOException {
    mount("polaris-client-secret", "canary-file-single-2\n");

    Secret secret = resolver().resolve(new SecretRef("polaris-client-secret"), CLIENT_SECRET_FIELD);

    assertThat(secret.reveal()).isEqualTo("canary-file-single-2");
  }

  @Test
  void trimsOnlyTrailingLineBreaks() throws IOException {
    mount("crlf", " canary-spaces-kept \r\n\n");
    env.put("FROM_ENV", "canary-env-newline\n");

    assertThat(resolver().resolve(new SecretRef("crlf"), "f").reveal())
        .isEqualTo(" canary-spaces-kept ");
    assertThat(resolver().resolve(new SecretRef("from-env"), "f").reveal())
        .isEqualTo("canary-env-newline");
  }

  @Test
  void theEnvironmentComesBeforeTheFile() throws IOException {
    env.put("POLARIS_CLIENT_SECRET", "canary-env-wins");
    mount("polaris-client-secret", "canary-file-loses");

    SecretLookup lookup =
        resolver().lookup(SecretRequirement.single("polaris-client-secret", CLIENT_SECRET_FIELD));

    assertThat(lookup.value().reveal()).isEqualTo("canary-env-wins");
    assertThat(lookup.tried())
        .extracting(SecretLocation::display)
        .containsExactly("env POLARIS_CLIENT_SECRET");
  }

  @Test
  void anEmptyVariableOrFileCountsAsAbsent() throws IOException {
    env.put("POLARIS_CLIENT_SECRET", "");
    mount("polaris-client-secret", "\n");

    SecretLookup lookup =
        resolver().lookup(SecretRequirement.single("polaris-client-secret", CLIENT_SECRET_FIELD));

    assertThat(lookup.isFound()).isFalse();
    assertThat(lookup.tried())
        .extracting(SecretLocation::display)
        .containsExactly(
            "env POLARIS_CLIENT_SECRET (empty)",
            "file " + root.resolve("polaris-client-secret") + " (empty)");
  }

  @Test
  void anEmptyVariableFallsThroughToTheFile() throws IOException {
    env.put("POLARIS_CLIENT_SECRET", "");
    mount("polaris-client-secret", "canary-file-after-empty-env");

    assertThat(
            resolver()
                .resolve(new SecretRef("polaris-client-secret"), CLIENT_SECRET_FIELD)
                .reveal())
        .isEqualTo("canary-file-after-empty-env");
  }

  @Test
  void aFolderWhereAFileIsExpectedIsReported() throws IOException {
    mount("polaris-client-secret/value", "canary-in-a-folder");

    SecretLookup lookup =
        resolver().lookup(SecretRequirement.single("polaris-client-secret", CLIENT_SECRET_FIELD));

    assertThat(lookup.isFound()).isFalse();
    assertThat(lookup.tried().get(1).display()).endsWith("polaris-client-secret (a folder)");
    assertNoCanary(lookup);
  }

  @Test
  void aHugeFileIsReportedNotRead() throws IOException {
    mount("huge", "canary-".repeat(SecretResolver.MAX_FILE_BYTES / 7 + 1));

    SecretLookup lookup = resolver().lookup(SecretRequirement.single("huge", "f"));

    assertThat(lookup.isFound()).isFalse();
    assertThat(lookup.tried().get(1).note()).contains("larger than 1 MiB");
    assertNoCanary(lookup);
  }

  // ---- the missing-secret diagnostic ------------------------------------------------------

  @Test
  void aMissingSecretNamesTheSecretTheFieldAndEveryPlaceTried() {
    SourcePosition at = new SourcePosition("platform/dev/platform.yaml", 12, 33, 21);
    SecretRequirement requirement =
        SecretRequirement.single("polaris-client-secret", CLIENT_SECRET_FIELD).at(Optional.of(at));

    SecretLookup lookup = resolver(new TestSecretProviders.Alpha()).lookup(requirement);

    Problem problem = lookup.problem().orElseThrow();
    assertThat(problem.code()).isEqualTo("FLOE-C033");
    assertThat(problem.message())
        .isEqualTo(
            "Cannot resolve secret 'polaris-client-secret' for '"
                + CLIENT_SECRET_FIELD
                + "': not found; tried env POLARIS_CLIENT_SECRET, file "
                + root.resolve("polaris-client-secret")
                + ", provider alpha:kv/floe/polaris-client-secret");
    assertThat(problem.path()).contains(CLIENT_SECRET_FIELD);
    assertThat(problem.position()).contains(at);
    assertThat(problem.hint().orElseThrow())
        .contains("set the environment variable POLARIS_CLIENT_SECRET")
        .contains("mount the value as the file " + root.resolve("polaris-client-secret"))
        .contains("FLOE_SECRETS_DIR")
        .contains("provider alpha");
    ProblemException thrown = catchThrowableOfType(ProblemException.class, lookup::value);
    assertThat(thrown.problems()).containsExactly(problem);
    assertThat(thrown.getMessage()).startsWith("FLOE-C033: Cannot resolve secret");
  }

  @Test
  void requireAllReportsEveryMissingSecretAtOnce() {
    env.put("PRESENT", "canary-present");

    ProblemException e =
        catchThrowableOfType(
            ProblemException.class,
            () ->
                resolver()
                    .requireAll(
                        List.of(
                            SecretRequirement.single("absent-one", "a"),
                            SecretRequirement.single("present", "b"),
                            SecretRequirement.multiKey("absent-two", "c", S3))));

    assertThat(e.problems())
        .extracting(Problem::path)
        .containsExactly(Optional.of("a"), Optional.of("c"));
    assertThat(e.getMessage()).doesNotContain("canary-");
  }

  // ---- multi-key secrets ------------------------------------------------------------------

  @Test
  void readsEveryKeyOfAMultiKeySecretFromTheEnvironment() {
    env.put("MINIO_CREDENTIALS_ACCESS_KEY_ID", "canary-env-akid");
    env.put("MINIO_CREDENTIALS_SECRET_ACCESS_KEY", "canary-env-sak");

    MultiKeySecret secret = resolver().resolve("minio-credentials", STORAGE_FIELD, S3);

    assertThat(secret.keys()).containsExactly("access_key_id", "secret_access_key");
    assertThat(secret.require("access_key_id").reveal()).isEqualTo("canary-env-akid");
    assertThat(secret.require("secret_access_key").reveal()).isEqualTo("canary-env-sak");
    assertThat(secret.get("session_token")).isEmpty();
    assertThat(secret.toString()).doesNotContain("canary-");
  }

  @Test
  void readsTheKubernetesSecretVolumeLayoutWithEitherKeySpelling() throws IOException {
    mount("minio-credentials/access_key_id", "canary-file-akid\n");
    mount("minio-credentials/secret-access-key", "canary-file-sak\n");
    mount("minio-credentials/session-token", "canary-file-token");

    SecretLookup lookup =
        resolver().lookup(SecretRequirement.multiKey("minio-credentials", STORAGE_FIELD, S3));

    MultiKeySecret secret = lookup.values();
    assertThat(secret.require("access_key_id").reveal()).isEqualTo("canary-file-akid");
    assertThat(secret.require("secret_access_key").reveal()).isEqualTo("canary-file-sak");
    assertThat(secret.require("session_token").reveal()).isEqualTo("canary-file-token");
    Path folder = root.resolve("minio-credentials");
    assertThat(lookup.found())
        .extracting(SecretLocation::display)
        .containsExactly(
            "file " + folder.resolve("access_key_id"),
            "file " + folder.resolve("secret-access-key"),
            "file " + folder.resolve("session-token"));
    assertThat(lookup.tried())
        .extracting(SecretLocation::display)
        .containsExactly(
            "env MINIO_CREDENTIALS_ACCESS_KEY_ID",
            "file " + folder.resolve("access_key_id"),
            "env MINIO_CREDENTIALS_SECRET_ACCESS_KEY",
            "file " + folder.resolve("secret_access_key"),
            "file " + folder.resolve("secret-access-key"),
            "env MINIO_CREDENTIALS_SESSION_TOKEN",
            "file " + folder.resolve("session_token"),
            "file " + folder.resolve("session-token"));
    assertNoCanary(lookup);
  }

  @Test
  void aSecretWithoutAnyKeyIsNotFoundAndListsEveryPlaceOfEveryRequiredKey() {
    SecretLookup lookup =
        resolver().lookup(SecretRequirement.multiKey("minio-credentials", STORAGE_FIELD, S3));

    Problem problem = lookup.problem().orElseThrow();
    Path folder = root.resolve("minio-credentials");
    assertThat(problem.code()).isEqualTo("FLOE-C033");
    assertThat(problem.message())
        .isEqualTo(
            "Cannot resolve secret 'minio-credentials' for '"
                + STORAGE_FIELD
                + "': not found; tried env MINIO_CREDENTIALS_ACCESS_KEY_ID, file "
                + folder.resolve("access_key_id")
                + ", file "
                + folder.resolve("access-key-id")
                + ", env MINIO_CREDENTIALS_SECRET_ACCESS_KEY, file "
                + folder.resolve("secret_access_key")
                + ", file "
                + folder.resolve("secret-access-key"));
    assertThat(problem.hint().orElseThrow())
        .isEqualTo(
            "set MINIO_CREDENTIALS_ACCESS_KEY_ID and MINIO_CREDENTIALS_SECRET_ACCESS_KEY, or mount"
                + " a Kubernetes Secret with the keys access_key_id and secret_access_key as the"
                + " folder "
                + folder
                + " (FLOE_SECRETS_DIR moves the folder); a storage s3 secret holds access_key_id"
                + " and secret_access_key (optional session_token)");
  }

  @Test
  void anIncompleteSecretNamesTheMissingKey() throws IOException {
    env.put("WAREHOUSE_LOGIN_USER", "canary-user-present");
    mount("warehouse-login/password", "");

    SecretLookup lookup =
        resolver()
            .lookup(
                SecretRequirement.multiKey(
                    "warehouse-login",
                    "compute.default.credentials.secret_ref",
                    SecretKeys.compute(ComputeType.SNOWFLAKE)));

    Problem problem = lookup.problem().orElseThrow();
    assertThat(problem.code()).isEqualTo("FLOE-C034");
    assertThat(lookup.missingKeys()).containsExactly("password");
    assertThat(problem.message())
        .isEqualTo(
            "Cannot resolve secret 'warehouse-login' for 'compute.default.credentials.secret_ref':"
                + " key 'password' is missing (found user in env WAREHOUSE_LOGIN_USER); tried env"
                + " WAREHOUSE_LOGIN_PASSWORD, file "
                + root.resolve("warehouse-login/password")
                + " (empty)");
    assertThat(problem.hint().orElseThrow())
        .startsWith(
            "set WAREHOUSE_LOGIN_PASSWORD, or add the key password to the secret mounted as "
                + root.resolve("warehouse-login"))
        .endsWith("a compute snowflake secret holds user and password");
    assertThatThrownBy(lookup::values).isInstanceOf(ProblemException.class);
    assertNoCanary(lookup);
  }

  @Test
  void aCatalogSecretNeedsATokenOrACredential() throws IOException {
    SecretKeys catalog = SecretKeys.catalog(CatalogType.REST);
    mount("catalog-login/credential", "canary-id:canary-secret");

    SecretLookup withCredential =
        resolver()
            .lookup(
                SecretRequirement.multiKey(
                    "catalog-login", "catalogs.default.credentials.secret_ref", catalog));
    env.put("CATALOG_LOGIN_TOKEN", "canary-bearer");
    SecretLookup withToken =
        resolver()
            .lookup(
                SecretRequirement.multiKey(
                    "catalog-login", "catalogs.default.credentials.secret_ref", catalog));
    SecretLookup neither =
        resolver()
            .lookup(
                SecretRequirement.multiKey(
                    "other-login", "catalogs.default.credentials.secret_ref", catalog));

    assertThat(withCredential.values().keys()).containsExactly("credential");
    assertThat(withToken.values().keys()).containsExactly("token");
    assertThat(neither.problem().orElseThrow().code()).isEqualTo("FLOE-C033");
    assertThat(neither.problem().orElseThrow().message())
        .contains("env OTHER_LOGIN_TOKEN")
        .contains("env OTHER_LOGIN_CREDENTIAL");
    assertThat(neither.problem().orElseThrow().hint().orElseThrow())
        .endsWith("a catalog rest secret holds token or credential");
    assertThat(catalog.describe()).isEqualTo("token or credential");
  }

  @Test
  void keysPerProfileKindFollowTheSpec() {
    assertThat(SecretKeys.storage(StorageType.S3).all())
        .containsExactly("access_key_id", "secret_access_key", "session_token");
    assertThat(SecretKeys.storage(StorageType.GCS).required())
        .containsExactly("service_account_json");
    assertThat(SecretKeys.storage(StorageType.AZURE).required()).containsExactly("account_key");
    assertThat(SecretKeys.catalog(CatalogType.POLARIS).alternatives())
        .containsExactly(List.of("token"), List.of("credential"));
    assertThat(SecretKeys.compute(ComputeType.POSTGRES).required())
        .containsExactly("user", "password");
  }

  // ---- names and the secrets root ---------------------------------------------------------

  @Test
  void namesMapToVariablesAndFilesAsSpecified() {
    assertThat(SecretNames.variable("polaris-client-secret")).isEqualTo("POLARIS_CLIENT_SECRET");
    assertThat(SecretNames.variable("minio-credentials", "secret_access_key"))
        .isEqualTo("MINIO_CREDENTIALS_SECRET_ACCESS_KEY");
    assertThat(SecretNames.variable("Mixed_Case-1")).isEqualTo("MIXED_CASE_1");
    assertThat(SecretNames.files(Path.of("/s"), "minio-credentials", "access_key_id"))
        .containsExactly(
            Path.of("/s/minio-credentials/access_key_id"),
            Path.of("/s/minio-credentials/access-key-id"));
    assertThat(SecretNames.keySpellings("user")).containsExactly("user");
  }

  @Test
  void namesThatCouldLeaveTheSecretsRootAreRefused() {
    assertThatThrownBy(() -> SecretNames.file(root, "../etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SecretNames.files(root, "ok", "../key"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SecretRequirement.single("a/b", "f"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSecretsRootComesFromFloeSecretsDirRelativeToTheWorkingFolder() {
    Path work = Path.of("/work/project");

    assertThat(SecretResolver.secretsRoot(Map.of(), work)).isEqualTo(Path.of("/var/run/secrets"));
    assertThat(SecretResolver.secretsRoot(Map.of("FLOE_SECRETS_DIR", " "), work))
        .isEqualTo(Path.of("/var/run/secrets"));
    assertThat(SecretResolver.secretsRoot(Map.of("FLOE_SECRETS_DIR", "secrets"), work))
        .isEqualTo(Path.of("/work/project/secrets"));
    assertThat(SecretResolver.secretsRoot(Map.of("FLOE_SECRETS_DIR", "/mnt/s"), work))
        .isEqualTo(Path.of("/mnt/s"));
  }

  @Test
  void fromEnvironmentReadsFilesUnderFloeSecretsDir() throws IOException {
    mount("polaris-client-secret", "canary-from-configured-root");

    SecretResolver resolver =
        SecretResolver.fromEnvironment(
            Map.of("FLOE_SECRETS_DIR", root.toString(), "FLOE_SECRET_PROVIDERS", "none"),
            Path.of("/"));

    assertThat(resolver.secretsRoot()).isEqualTo(root);
    assertThat(resolver.providerNames()).isEmpty();
    assertThat(resolver.resolve(new SecretRef("polaris-client-secret"), "f").reveal())
        .isEqualTo("canary-from-configured-root");
  }

  // ---- providers --------------------------------------------------------------------------

  @Test
  void providersComeAfterTheEnvironmentAndTheFiles() throws IOException {
    SecretResolver resolver =
        resolver(new TestSecretProviders.Alpha(), new TestSecretProviders.Beta());

    SecretLookup fromProvider = resolver.lookup(SecretRequirement.single("spi-shared", "f"));
    mount("spi-shared", "canary-file-before-provider");
    SecretLookup fromFile = resolver.lookup(SecretRequirement.single("spi-shared", "f"));

    assertThat(fromProvider.value().reveal()).isEqualTo(TestSecretProviders.ALPHA_SHARED);
    assertThat(fromProvider.found())
        .extracting(SecretLocation::display)
        .containsExactly("provider alpha:kv/floe/spi-shared");
    assertThat(fromFile.value().reveal()).isEqualTo("canary-file-before-provider");
  }

  @Test
  void providersAreAskedInOrderAndMultiKeySecretsAskPerKey() {
    SecretResolver betaFirst =
        resolver(new TestSecretProviders.Beta(), new TestSecretProviders.Alpha());

    assertThat(betaFirst.resolve(new SecretRef("spi-shared"), "f").reveal())
        .isEqualTo(TestSecretProviders.BETA_SHARED);
    MultiKeySecret login =
        betaFirst.resolve(
            "spi-login",
            "compute.default.credentials.secret_ref",
            SecretKeys.compute(ComputeType.TRINO));
    assertThat(login.require("password").reveal()).isEqualTo(TestSecretProviders.BETA_PASSWORD);
  }

  @Test
  void aFailingProviderIsRecordedByClassNameAndTheSearchGoesOn() {
    SecretResolver resolver =
        resolver(new TestSecretProviders.Alpha(), new TestSecretProviders.Beta());

    SecretLookup found = resolver.lookup(SecretRequirement.single("spi-broken", "f"));
    SecretLookup missing =
        resolver(new TestSecretProviders.Alpha())
            .lookup(SecretRequirement.single("spi-broken", "f"));

    assertThat(found.value().reveal()).isEqualTo(TestSecretProviders.BETA_ONLY);
    assertThat(found.tried())
        .extracting(SecretLocation::display)
        .contains("provider alpha:kv/floe/spi-broken (failed: IllegalStateException)");
    assertThat(missing.problem().orElseThrow().message())
        .contains("(failed: IllegalStateException)")
        .doesNotContain(TestSecretProviders.ALPHA_FAILURE);
    assertNoCanary(missing);
  }

  @Test
  void anEmptyProviderValueCountsAsAbsent() {
    SecretLookup lookup =
        resolver(new TestSecretProviders.Alpha())
            .lookup(SecretRequirement.single("spi-empty", "f"));

    assertThat(lookup.isFound()).isFalse();
    assertThat(lookup.tried().get(2).display())
        .isEqualTo("provider alpha:kv/floe/spi-empty (empty)");
  }

  // ---- canaries ---------------------------------------------------------------------------

  @Test
  void noValueAppearsInAnyFormOfAnyOutcome() throws IOException {
    env.put("FOUND_SINGLE", "canary-1-found-single");
    env.put("PARTIAL_USER", "canary-2-partial-user");
    env.put("EMPTY_ONE", "");
    mount("found-multi/access-key-id", "canary-3-akid");
    mount("found-multi/secret_access_key", "canary-4-sak");
    mount("found-multi/session_token", "canary-5-session-token");
    List<SecretRequirement> requirements =
        List.of(
            SecretRequirement.single("found-single", "a"),
            SecretRequirement.multiKey("found-multi", "b", S3),
            SecretRequirement.multiKey("partial", "c", SecretKeys.compute(ComputeType.POSTGRES)),
            SecretRequirement.multiKey("partial", "d", SecretKeys.catalog(CatalogType.REST)),
            SecretRequirement.single("empty-one", "e"),
            SecretRequirement.single("spi-broken", "f"),
            SecretRequirement.single("spi-beta-only", "g"));

    List<SecretLookup> lookups =
        resolver(new TestSecretProviders.Alpha(), new TestSecretProviders.Beta())
            .lookupAll(requirements);

    assertThat(lookups)
        .extracting(SecretLookup::isFound)
        .containsExactly(true, true, false, false, false, true, true);
    lookups.forEach(SecretResolverTest::assertNoCanary);
    assertThat(lookups.toString()).doesNotContain("canary-");
  }

  /** Nothing printable of a lookup holds a value: toString, places, the problem in every form. */
  static void assertNoCanary(SecretLookup lookup) {
    StringBuilder all = new StringBuilder(lookup.toString());
    lookup.tried().forEach(t -> all.append(t.display()).append(t));
    lookup.found().forEach(t -> all.append(t.display()));
    lookup
        .problem()
        .ifPresent(
            p -> {
              all.append(p).append(p.message()).append(p.hint().orElse(""));
              all.append(
                  new TextRenderer(new SourceTexts(), TextRenderer.Colour.PLAIN)
                      .render(List.of(p)));
              all.append(JsonRenderer.render(List.of(p)));
              all.append(new ProblemException(p).getMessage());
            });
    if (lookup.isFound()) {
      if (lookup.requirement().isMultiKey()) {
        all.append(lookup.values());
      } else {
        all.append(lookup.value());
      }
    }
    assertThat(all.toString())
        .as("printable forms of %s", lookup.requirement())
        .doesNotContain("canary-");
  }
}
