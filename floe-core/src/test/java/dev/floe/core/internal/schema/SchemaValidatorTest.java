package dev.floe.core.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.floe.core.diag.Code;
import dev.floe.core.diag.Disclosure;
import dev.floe.core.diag.JsonRenderer;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.diag.SourceTexts;
import dev.floe.core.diag.TextRenderer;
import dev.floe.core.internal.load.ConfigLoader;
import dev.floe.core.model.CatalogProfile;
import dev.floe.core.model.Credentials;
import dev.floe.core.model.FloeSpec;
import dev.floe.core.model.PlatformObservability;
import dev.floe.core.model.PlatformSpec;
import dev.floe.core.model.SecretRef;
import dev.floe.core.model.StorageProfile;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The validation rules of both files, through the public loader. */
class SchemaValidatorTest {
  /** Stands for a real secret: it must never appear in any problem field or rendered output. */
  private static final String CANARY = "Canary-5ecret-7f3a9c";

  private static final String CATALOG =
      "catalogs:\n  default:\n    uri: http://polaris:8181/api/catalog\n    warehouse: demo\n";
  private static final String PIPELINE = "name: p\nversion: \"1.0.0\"\n";

  private final SourceTexts sources = new SourceTexts();
  private final ConfigLoader loader =
      new ConfigLoader(sources, Map.of("CATALOG_URI", "https://user:" + CANARY + "@polaris/api"));

  // ---- plaintext secrets ------------------------------------------------------------------------

  @Test
  void rejectsPlaintextClientSecret() {
    List<Problem> problems =
        platformProblems(
            CATALOG
                + "    credentials:\n"
                + "      mode: oauth2\n"
                + "      client_id: floe\n"
                + "      client_secret: "
                + CANARY
                + "\n");

    Problem p = only(problems, Code.C030);
    assertThat(p.message())
        .contains("use secret_ref")
        .contains("catalogs.default.credentials.client_secret");
    assertThat(p.path()).contains("catalogs.default.credentials.client_secret");
    assertThat(p.position().orElseThrow().line()).isEqualTo(8);
    assertThat(p.position().orElseThrow().column()).isEqualTo(22);
    assertThat(p.disclosure()).isEqualTo(Disclosure.SECRET);
    assertCanaryNeverShown(problems);
  }

  @Test
  void rejectsPlaintextClientSecretInAFlowMappingWithoutShowingTheRestOfTheLine() {
    List<Problem> problems =
        platformProblems(
            CATALOG
                + "    credentials: {mode: oauth2, client_id: floe, client_secret: "
                + CANARY
                + ", scope: all}\n");

    assertThat(only(problems, Code.C030).message()).contains("use secret_ref");
    assertCanaryNeverShown(problems);
  }

  static Stream<Arguments> plaintextCredentials() {
    String s3 = "storage:\n  default:\n    bucket: floe-data\n";
    return Stream.of(
        Arguments.of(
            CATALOG + "    properties:\n      password: " + CANARY + "\n",
            "catalogs.default.properties.password"),
        Arguments.of(
            CATALOG + "    properties: {rest.auth.token: \"" + CANARY + "\"}\n",
            "catalogs.default.properties[\"rest.auth.token\"]"),
        Arguments.of(CATALOG + "    api_key: " + CANARY + "\n", "catalogs.default.api_key"),
        Arguments.of(
            s3 + "    secret_access_key: " + CANARY + "\n", "storage.default.secret_access_key"),
        Arguments.of(s3 + "    session_token: '" + CANARY + "'\n", "storage.default.session_token"),
        Arguments.of(
            "compute:\n  default:\n    type: postgres\n    properties:\n      password: "
                + CANARY
                + "\n",
            "compute.default.properties.password"),
        Arguments.of(
            "compute:\n  default:\n    type: spark\n    properties:\n      conf:\n"
                + "        spark.ssl.key-password: "
                + CANARY
                + "\n",
            "compute.default.properties.conf[\"spark.ssl.key-password\"]"),
        Arguments.of(
            "observability:\n  attributes:\n    auth_token: " + CANARY + "\n",
            "observability.attributes.auth_token"),
        Arguments.of(
            CATALOG
                + "    credentials:\n      mode: oauth2\n      client_id: floe\n"
                + "      client_secret: |\n        "
                + CANARY
                + "\n",
            "catalogs.default.credentials.client_secret"),
        Arguments.of(
            CATALOG
                + "    credentials:\n      mode: oauth2\n      client_id: floe\n"
                + "      client_secret: ["
                + CANARY
                + "]\n",
            "catalogs.default.credentials.client_secret"));
  }

  @ParameterizedTest
  @MethodSource("plaintextCredentials")
  void rejectsPlaintextCredentialFieldsAnywhere(String yaml, String path) {
    List<Problem> problems = platformProblems(yaml);

    Problem p =
        problems.stream().filter(x -> x.code().equals(Code.C030.id())).findFirst().orElseThrow();
    assertThat(p.message()).contains("use secret_ref").contains(path);
    assertThat(p.path()).contains(path);
    assertCanaryNeverShown(problems);
  }

  @Test
  void plaintextSecretInsideASecretFieldMappingIsNeverShown() {
    for (String inner : List.of("password", "value")) {
      List<Problem> problems =
          platformProblems(
              CATALOG
                  + "    credentials:\n      mode: oauth2\n      client_id: floe\n"
                  + "      client_secret: {"
                  + inner
                  + ": "
                  + CANARY
                  + "}\n");

      assertCanaryNeverShown(problems);
    }
  }

  @Test
  void duplicatedCredentialKeyIsNeverShown() {
    List<Problem> problems =
        platformProblems(
            CATALOG
                + "    properties:\n      password: "
                + CANARY
                + "\n      password: "
                + CANARY
                + "\n");

    assertCanaryNeverShown(problems);
  }

  @Test
  void credentialFieldsAcceptSecretRefs() {
    PlatformSpec spec =
        platform(
            CATALOG
                + "    properties: {password: {secret_ref: catalog-password}, io-impl: x}\n"
                + "    credentials:\n"
                + "      mode: oauth2\n"
                + "      client_id: {secret_ref: client-id}\n"
                + "      client_secret: {secret_ref: client-secret}\n");

    CatalogProfile catalog = spec.catalogs().get("default");
    assertThat(catalog.properties()).containsEntry("password", new SecretRef("catalog-password"));
    Credentials.OAuth2 oauth2 = (Credentials.OAuth2) catalog.credentials();
    assertThat(oauth2.clientId()).isEqualTo(new SecretRef("client-id"));
    assertThat(oauth2.clientSecret()).isEqualTo(new SecretRef("client-secret"));
  }

  @Test
  void credentialLikeUnknownKeyNeverEchoed() {
    List<Problem> platform =
        platformProblems(
            CATALOG
                + "    db_password: "
                + CANARY
                + "\n"
                + "storage:\n  default:\n    bucket: floe-data\n    my-api-key: "
                + CANARY
                + "\n"
                + "x-notes:\n  github_token: anything\n");

    assertThat(platform).extracting(Problem::code).containsExactly("FLOE-C030", "FLOE-C030");
    assertCanaryNeverShown(platform);

    List<Problem> pipeline =
        pipelineProblems(
            PIPELINE
                + "db_password: "
                + CANARY
                + "\n"
                + "observability:\n  attributes:\n    auth_token: "
                + CANARY
                + "\n");

    assertThat(pipeline).hasSize(2).allMatch(p -> p.disclosure() == Disclosure.SECRET);
    assertCanaryNeverShown(pipeline);
  }

  @Test
  void credentialLikeKeyInFloeYamlBelongsInPlatformYaml() {
    List<Problem> problems = pipelineProblems(PIPELINE + "api_token: " + CANARY + "\n");

    Problem p = only(problems, Code.S019);
    assertThat(p.message()).contains("belongs in platform.yaml").contains("'api_token'");
    assertCanaryNeverShown(problems);
  }

  // ---- URLs with credentials --------------------------------------------------------------------

  static Stream<Arguments> urlsWithUserInfo() {
    String url = "https://admin:" + CANARY + "@internal.example.com/x";
    return Stream.of(
        Arguments.of(
            CATALOG.replace("http://polaris:8181/api/catalog", url), "catalogs.default.uri"),
        Arguments.of(
            "storage:\n  default:\n    bucket: floe-data\n    endpoint: " + url + "\n",
            "storage.default.endpoint"),
        Arguments.of(
            "observability:\n  otlp_endpoint: " + url + "\n", "observability.otlp_endpoint"),
        Arguments.of(
            "observability:\n  lineage_endpoint: '" + url + "'\n",
            "observability.lineage_endpoint"),
        Arguments.of(
            "observability:\n  attributes: {link: \"" + url + "\"}\n",
            "observability.attributes.link"),
        Arguments.of(
            CATALOG + "    properties: {s3.endpoint: " + url + "}\n",
            "catalogs.default.properties[\"s3.endpoint\"]"),
        Arguments.of(
            CATALOG
                + "    credentials:\n      mode: oauth2\n      client_id: floe\n"
                + "      client_secret: {secret_ref: s}\n      token_endpoint: "
                + url
                + "\n",
            "catalogs.default.credentials.token_endpoint"),
        Arguments.of(
            "catalogs:\n  default:\n    type: jdbc\n    warehouse: w\n"
                + "    uri: jdbc:postgresql://db:5432/catalog?user=floe&password="
                + CANARY
                + "\n",
            "catalogs.default.uri"),
        Arguments.of(
            "compute:\n  default:\n    type: trino\n    properties: {host: '" + url + "'}\n",
            "compute.default.properties.host"),
        Arguments.of(
            "compute:\n  default:\n    type: spark\n    properties:\n      conf: {spark.remote: "
                + url
                + "}\n",
            "compute.default.properties.conf[\"spark.remote\"]"),
        Arguments.of(
            CATALOG.replace("http://polaris:8181/api/catalog", "'${CATALOG_URI}'"),
            "catalogs.default.uri"));
  }

  @ParameterizedTest
  @MethodSource("urlsWithUserInfo")
  void urlUserInfoRejectedAnywhere(String yaml, String path) {
    List<Problem> problems = platformProblems(yaml);

    Problem p = only(problems, Code.C031);
    assertThat(p.path()).contains(path);
    assertThat(p.message()).contains(path).contains("embedded credentials");
    assertCanaryNeverShown(problems);
  }

  @Test
  void urlUserInfoRejectedInFloeYaml() {
    String url = "https://admin:" + CANARY + "@git.example.com/repo";
    List<Problem> problems =
        pipelineProblems(
            PIPELINE
                + "transforms:\n  - type: dbt\n    path: "
                + url
                + "\nobservability:\n  attributes: {repo: \""
                + url
                + "\"}\n");

    assertThat(problems).extracting(Problem::code).containsExactly("FLOE-C031", "FLOE-C031");
    assertCanaryNeverShown(problems);
  }

  @Test
  void urlWithUnencodedPasswordIsNeverEchoed() {
    List<Problem> problems =
        platformProblems(
            CATALOG.replace(
                "http://polaris:8181/api/catalog", "\"https://admin:pa#" + CANARY + "@polaris/\""));

    assertThat(problems).isNotEmpty();
    assertCanaryNeverShown(problems);
  }

  // ---- keys -------------------------------------------------------------------------------------

  @Test
  void suggestsClosestKey() {
    List<Problem> problems =
        platformProblems("catalogs:\n  default:\n    uri: http://h/api\n    warehous: demo\n");

    Problem p = problems.stream().filter(x -> x.code().equals("FLOE-S010")).findFirst().get();
    assertThat(p.message())
        .isEqualTo("Unknown key 'warehous' in 'catalogs.default': did you mean 'warehouse'?");
    assertThat(p.suggestion()).contains("warehouse");
    assertThat(p.choices()).contains("warehouse", "namespace", "uri");
    assertThat(p.path()).contains("catalogs.default.warehous");
    assertThat(p.position().orElseThrow().line()).isEqualTo(4);
    assertThat(p.position().orElseThrow().column()).isEqualTo(5);
  }

  @Test
  void suggestsClosestTopLevelKeyInBothFiles() {
    assertThat(only(platformProblems("catalgos: {}\n"), Code.S010).suggestion())
        .contains("catalogs");
    assertThat(only(pipelineProblems(PIPELINE + "trasnforms: []\n"), Code.S010).suggestion())
        .contains("transforms");
  }

  @Test
  void farUnknownKeyListsTheValidKeysInstead() {
    Problem p = only(platformProblems("zzzzzz: 1\n"), Code.S010);

    assertThat(p.suggestion()).isEmpty();
    assertThat(p.choices())
        .containsExactly("catalogs", "compute", "observability", "storage", "version");
    assertThat(p.hint().orElseThrow()).contains("x-");
  }

  @Test
  void suggestsClosestEnumValue() {
    Problem p =
        only(
            platformProblems(CATALOG.replace("    uri:", "    type: polaris2\n    uri:")),
            Code.S015);

    assertThat(p.message()).contains("'polaris2'").contains("polaris, rest, glue");
    assertThat(p.suggestion()).contains("polaris");
    assertThat(p.choices()).containsExactly("polaris", "rest", "glue", "nessie", "hive", "jdbc");
  }

  @Test
  void fieldOfAnotherModeSaysWhichModeUsesIt() {
    Problem p =
        only(
            platformProblems(
                CATALOG
                    + "    credentials:\n      mode: oauth2\n      client_id: floe\n"
                    + "      client_secret: {secret_ref: s}\n"
                    + "      role_arn: arn:aws:iam::123456789012:role/x\n"),
            Code.S018);

    assertThat(p.message()).contains("'role_arn' is only used with mode iam_role");
  }

  @Test
  void fieldOfAnotherTypeSaysWhichTypeUsesIt() {
    Problem p =
        only(
            platformProblems("storage:\n  default:\n    type: local\n    path: x\n    bucket: b\n"),
            Code.S018);

    assertThat(p.message()).contains("'bucket' is only used with type");
  }

  @Test
  void staticSecretRefNameIsValidated() {
    List<Problem> problems =
        platformProblems(
            "storage:\n  default:\n    bucket: floe-data\n"
                + "    credentials: {mode: static, secret_ref: ../../etc/passwd}\n"
                + CATALOG
                + "    credentials:\n      mode: oauth2\n      client_id: floe\n"
                + "      client_secret: {secret_ref: polaris.client/secret}\n");

    assertThat(problems).extracting(Problem::code).containsExactly("FLOE-C032", "FLOE-C032");
    assertThat(problems.get(0).path()).contains("storage.default.credentials.secret_ref");
    assertThat(problems.get(0).message()).contains("'../../etc/passwd'").contains("no dots");
    assertThat(problems.get(1).path())
        .contains("catalogs.default.credentials.client_secret.secret_ref");
  }

  @Test
  void validSecretNamesAreAccepted() {
    String longest = "a" + "b".repeat(252);
    PlatformSpec spec =
        platform(
            "storage:\n  default:\n    bucket: floe-data\n"
                + "    credentials: {mode: static, secret_ref: "
                + longest
                + "}\n");

    assertThat(spec.storage().get("default").credentials())
        .isEqualTo(new Credentials.Static(java.util.Optional.of(new SecretRef(longest))));
    assertThat(
            only(
                    platformProblems(
                        "storage:\n  default:\n    bucket: floe-data\n"
                            + "    credentials: {mode: static, secret_ref: "
                            + longest
                            + "c}\n"),
                    Code.C032)
                .message())
        .contains("at most 253 characters");
  }

  @Test
  void xKeysIgnoredEverywhere() {
    PlatformSpec plain =
        platform(
            "storage:\n  default:\n    bucket: floe-data\n"
                + "    credentials: {mode: static, secret_ref: s3}\n"
                + CATALOG
                + "compute:\n  default:\n    properties: {threads: 2}\n"
                + "observability: {sampling: 0.5}\n");
    PlatformSpec annotated =
        platform(
            """
            x-owner: platform-team
            storage:
              x-template: {anything: [1, 2]}
              default:
                x-note: "reviewed"
                bucket: floe-data
                credentials: {mode: static, secret_ref: s3, x-rotation: 90d}
            catalogs:
              default:
                x-ticket: OPS-1
                uri: http://polaris:8181/api/catalog
                warehouse: demo
            compute:
              default:
                x-size: large
                properties: {threads: 2, x-hint: 1}
            observability: {sampling: 0.5, x-dashboard: http://grafana}
            """);

    assertThat(annotated).isEqualTo(plain);

    FloeSpec pipelinePlain = pipeline(PIPELINE + "transforms:\n  - type: sql\n    path: sql\n");
    FloeSpec pipelineAnnotated =
        pipeline(
            "x-docs: https://wiki\n"
                + PIPELINE
                + "transforms:\n  - type: sql\n    x-why: legacy\n    path: sql\n"
                + "governance: {x-owner: data}\nassets: {x-a: 1}\nobservability: {x-b: 2}\n");

    assertThat(pipelineAnnotated).isEqualTo(pipelinePlain);
  }

  @Test
  void xKeysIgnoredInsideSecretReferences() {
    PlatformSpec spec =
        platform(
            CATALOG
                + "    credentials:\n      mode: oauth2\n      client_id: floe\n"
                + "      client_secret: {secret_ref: polaris-secret, x-rotated: 2026-01-01}\n");

    assertThat(((Credentials.OAuth2) spec.catalogs().get("default").credentials()).clientSecret())
        .isEqualTo(new SecretRef("polaris-secret"));
  }

  @Test
  void profileNamedLikeACredential() {
    PlatformSpec spec =
        platform(
            """
            storage:
              pwd: {bucket: floe-data}
            catalogs:
              secret: {uri: http://h/api, warehouse: w}
            compute:
              prod_token: {type: duckdb}
            """);

    assertThat(spec.storage()).containsKey("pwd");
    assertThat(spec.catalogs()).containsKey("secret");
    assertThat(spec.compute()).containsKey("prod_token");
  }

  @Test
  void invalidProfileNamesAreRefused() {
    Problem p = only(platformProblems("storage:\n  1st: {bucket: floe-data}\n"), Code.S016);

    assertThat(p.message()).contains("'1st'");
    assertThat(p.path()).contains("storage.1st");
  }

  // ---- scalars ----------------------------------------------------------------------------------

  @Test
  void nullValueMeansAbsentAndDefaultApplies() {
    PlatformSpec spec =
        platform(
            """
            version:
            storage:
              default:
                bucket: floe-data
                region:
                endpoint:
                credentials:
            catalogs:
              default:
                uri: http://h/api
                warehouse: w
                namespace:
                access_delegation:
                properties:
            compute:
            observability:
            """);

    StorageProfile storage = spec.storage().get("default");
    assertThat(spec.version()).isEqualTo("1.0.0");
    assertThat(storage.region()).contains("us-east-1");
    assertThat(storage.endpoint()).isEmpty();
    assertThat(storage.credentials()).isEqualTo(Credentials.NONE);
    assertThat(spec.catalogs().get("default").namespace()).isEqualTo("default");
    assertThat(spec.catalogs().get("default").properties()).isEmpty();
    assertThat(spec.compute()).isEmpty();
    assertThat(spec.observability()).isEqualTo(PlatformObservability.DEFAULT);

    FloeSpec pipeline = pipeline(PIPELINE + "catalog:\ngovernance:\n  emit_lineage:\n");
    assertThat(pipeline.catalog()).isEqualTo("default");
    assertThat(pipeline.governance().emitLineage()).isTrue();
  }

  @Test
  void requiredKeyWithoutValueIsReported() {
    List<Problem> problems = platformProblems("storage:\n  default:\n    bucket:\n");

    assertThat(problems).extracting(Problem::code).contains(Code.S011.id());
    assertThat(problems.get(0).message()).contains("'bucket'").contains("no value");
    assertThat(problems.get(0).position().orElseThrow().line()).isEqualTo(3);
  }

  @Test
  void unquotedNumberWhereTextIsExpectedSaysQuoteIt() {
    Problem p = only(platformProblems("version: 1.0\n"), Code.S013);

    assertThat(p.message()).contains("quote it: \"1.0\"");
    assertThat(p.hint()).contains("write version: \"1.0\"");
  }

  @Test
  void booleansAreOnlyTrueOrFalse() {
    Problem p =
        only(
            platformProblems("storage:\n  d:\n    bucket: abc\n    path_style_access: yes\n"),
            Code.S014);

    assertThat(p.message()).contains("'yes'").contains("true or false");
    assertThat(p.choices()).containsExactly("true", "false");
  }

  @Test
  void numbersAreCheckedForTypeAndRange() {
    List<Problem> problems =
        platformProblems(
            """
            observability:
              sampling: 1.5
            compute:
              d:
                type: postgres
                properties: {port: 70000}
              e:
                properties: {threads: "4"}
            """);

    assertThat(problems)
        .extracting(Problem::code)
        .containsExactly("FLOE-S017", "FLOE-S017", "FLOE-S012");
  }

  @Test
  void wrongTypeNamesExpectedAndActual() {
    Problem p = only(platformProblems("storage: [a, b]\n"), Code.S012);

    assertThat(p.message()).isEqualTo("'storage' must be a mapping, not a list");
  }

  @Test
  void endpointsAcceptTextOrSecretRef() {
    PlatformSpec spec =
        platform(
            CATALOG.replace("http://polaris:8181/api/catalog", "{secret_ref: polaris-uri}")
                + "observability:\n  otlp_endpoint: http://otel:4318\n"
                + "  lineage_endpoint: {secret_ref: marquez-url}\n");

    assertThat(spec.catalogs().get("default").uri()).contains(new SecretRef("polaris-uri"));
    assertThat(spec.observability().lineageEndpoint()).contains(new SecretRef("marquez-url"));
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private PlatformSpec platform(String yaml) {
    return loader.platformText("platform.yaml", yaml).value();
  }

  private FloeSpec pipeline(String yaml) {
    return loader.pipelineText("floe.yaml", yaml).value();
  }

  private List<Problem> platformProblems(String yaml) {
    return catchThrowableOfType(
            ProblemException.class, () -> loader.platformText("platform.yaml", yaml))
        .problems();
  }

  private List<Problem> pipelineProblems(String yaml) {
    return catchThrowableOfType(
            ProblemException.class, () -> loader.pipelineText("floe.yaml", yaml))
        .problems();
  }

  private static Problem only(List<Problem> problems, Code code) {
    assertThat(problems).extracting(Problem::code).containsExactly(code.id());
    return problems.get(0);
  }

  /** The canary is in no field of any problem, nor in the text or JSON rendering. */
  private void assertCanaryNeverShown(List<Problem> problems) {
    assertThat(problems).isNotEmpty();
    for (Problem p : problems) {
      assertThat(p.message()).doesNotContain(CANARY);
      assertThat(p.hint().orElse("")).doesNotContain(CANARY);
      assertThat(p.suggestion().orElse("")).doesNotContain(CANARY);
      assertThat(p.path().orElse("")).doesNotContain(CANARY);
      assertThat(p.choices()).noneMatch(c -> c.contains(CANARY));
    }
    String text = new TextRenderer(sources, TextRenderer.Colour.PLAIN).render(problems);
    assertThat(text).as("rendered text").doesNotContain(CANARY).contains("error[");
    assertThat(JsonRenderer.render(problems)).as("rendered JSON").doesNotContain(CANARY);
  }
}
