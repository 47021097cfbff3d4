package dev.floe.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The detector's rules, allow-list and positions, case by case (the corpus measures the whole). */
class CredentialDetectorTest {
  private static final Random RANDOM = new Random(7);

  /** A GitHub token assembled at run time, so that no token-shaped string is committed. */
  private static final String GITHUB = Corpus.expand("ghp_{{alnum:36}}", RANDOM);

  private static List<Hit> yaml(String text) {
    return CredentialDetector.scan(text, Syntax.YAML).hits();
  }

  @Test
  void findsATokenAndSaysWhereItIsButNotWhatItIs() {
    String line = "  deploy: {user: ci, token_ref: none, value: " + GITHUB + "}";

    List<Hit> hits = yaml(line);

    assertThat(hits).hasSize(1);
    Hit hit = hits.get(0);
    assertThat(hit.rule()).isEqualTo(CredentialRule.GITHUB_TOKEN);
    assertThat(hit.line()).isEqualTo(1);
    assertThat(line.substring(hit.start(), hit.end())).isEqualTo(GITHUB);
    assertThat(hit.toString()).doesNotContain(GITHUB).doesNotContain(GITHUB.substring(4));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "password: %s",
        "password: \"%s\"",
        "password: '%s'",
        "          password:    %s   # the warehouse login",
        "- password: %s",
        "{\"password\":\"%s\"}",
        "  \"password\" : \"%s\",",
        "db.password=%s",
        "db.password = %s",
        "DB_PASSWORD=%s",
        "export DB_PASSWORD=\"%s\"",
        "dbPassword: %s",
        "auth: {user: etl, password: %s}",
      })
  void findsASecretUnderASecretKeyQuotedOrNotAtAnyIndentation(String template) {
    String secret = "Xk9#qL2!vR7m";

    List<Hit> hits = CredentialDetector.scan(template.formatted(secret), Syntax.YAML).hits();

    assertThat(hits).extracting(Hit::rule).containsExactly(CredentialRule.SECRET_ASSIGNMENT);
    Hit hit = hits.get(0);
    assertThat(template.formatted(secret).substring(hit.start(), hit.end())).isEqualTo(secret);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "password: ${DB_PASSWORD}",
        "password: ${DB_PASSWORD:-}",
        "password: $DB_PASSWORD",
        "password: \"{{ .Values.db.password }}\"",
        "password: <your-password>",
        "password: changeme",
        "password: your_password_here",
        "password: '********'",
        "password: ''",
        "password: /run/secrets/db-password",
        "password: 12345678",
        "token: 0b7c7f3e-3a1e-4c59-9a59-7d4f3c0e9d21",
        "secret: postgres-credentials",
        "secret: postgres-credentials-v2",
        "client_secret: {secret_ref: polaris-client-secret}",
        "secret_ref: Xk9qL2vR7mAa",
        "password_file: Xk9qL2vR7mAa",
        "token_endpoint: https://auth.acme.io/oauth2/token",
        "api_key_header: X-Api-Key-Header-Name",
        "password_hash: $2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
        "aws_access_key_id: AKIAIOSFODNN7EXAMPLE",
        "aws_secret_access_key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      })
  void allowsReferencesPlaceholdersAndExamples(String line) {
    assertThat(yaml(line)).as(line).isEmpty();
  }

  @Test
  void aReviewedLineIsAllowedAndCounted() {
    String text = "a: 1\ntoken: " + GITHUB + "   # floe:allow-secret (test fixture)\n";

    CredentialDetector.Detection detection = CredentialDetector.scan(text, Syntax.YAML);

    assertThat(detection.hits()).isEmpty();
    assertThat(detection.allowed()).extracting(Hit::line).containsExactly(2);
  }

  @Test
  void theAllowMarkerMustBeAComment() {
    assertThat(CredentialDetector.allowed("token: x  # floe:allow-secret")).isTrue();
    assertThat(CredentialDetector.allowed("token: x #floe:allow-secret")).isTrue();
    assertThat(CredentialDetector.allowed("token: floe:allow-secret")).isFalse();
  }

  @Test
  void theAllowMarkerInsideAJsonStringAcceptsNothing() {
    String minified =
        "{\"note\":\"# floe:allow-secret\",\"a\":\"// floe:allow-secret\",\"token\":\""
            + GITHUB
            + "\",\"password\":\"Xk9#qL2!vR7m\"}";

    CredentialDetector.Detection detection = CredentialDetector.scan(minified, Syntax.JSON);

    assertThat(detection.hits())
        .extracting(Hit::rule)
        .containsExactly(CredentialRule.GITHUB_TOKEN, CredentialRule.SECRET_ASSIGNMENT);
    assertThat(detection.allowed()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "YAML|token: %s  # floe:allow-secret (fixture)",
        "DOTENV|TOKEN=%s # floe:allow-secret",
        "SHELL|export TOKEN='%s'  # floe:allow-secret",
        "PYTHON|TOKEN = \"%s\"  # floe:allow-secret",
        "C_STYLE|String token = \"%s\"; // floe:allow-secret",
        "C_STYLE|String token = \"%s\"; /* floe:allow-secret */",
        "HCL|  token = \"%s\" // floe:allow-secret",
        "HCL|  token = \"%s\" # floe:allow-secret",
        "INI|token = %s ; floe:allow-secret",
        "XML|<token>%s</token> <!-- floe:allow-secret -->",
        "JSON|{\"token\": \"%s\"} // floe:allow-secret",
      })
  void theAllowMarkerCountsAsACommentOfTheFilesSyntax(String testCase) {
    String[] parts = testCase.split("\\|", 2);
    Syntax syntax = Syntax.valueOf(parts[0]);
    String line = parts[1].formatted(GITHUB);

    CredentialDetector.Detection detection = CredentialDetector.scan(line, syntax);

    assertThat(detection.hits()).as(testCase).isEmpty();
    assertThat(detection.allowed()).as(testCase).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "YAML|token: \"%s # floe:allow-secret\"",
        "C_STYLE|String token = \"%s // floe:allow-secret\";",
        "C_STYLE|String token = \"%s\"; # floe:allow-secret",
        "PYTHON|TOKEN = \"%s\"  // floe:allow-secret",
        "JSON|{\"token\": \"%s\"} # floe:allow-secret",
        "YAML|token: %s floe:allow-secret",
      })
  void theAllowMarkerOutsideAComment(String testCase) {
    String[] parts = testCase.split("\\|", 2);
    Syntax syntax = Syntax.valueOf(parts[0]);
    String line = parts[1].formatted(GITHUB);

    CredentialDetector.Detection detection = CredentialDetector.scan(line, syntax);

    assertThat(detection.hits()).as(testCase).hasSize(1);
    assertThat(detection.allowed()).as(testCase).isEmpty();
  }

  @Test
  void aBlockScalarIsTheValueOfItsKey() {
    String text =
        "db:\n  password: |\n    Xk9#qL2!vR7m\n  host: pg\napi_token:\n  Zq8vX3mK9pL2wR7t\n";

    assertThat(yaml(text))
        .extracting(Hit::line, Hit::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3, CredentialRule.SECRET_ASSIGNMENT),
            org.assertj.core.groups.Tuple.tuple(6, CredentialRule.SECRET_ASSIGNMENT));
    assertThat(yaml("password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  6231373863\n")).isEmpty();
    assertThat(yaml("password: |  # floe:allow-secret\n  Xk9#qL2!vR7m\n")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "db_password",
        "password2",
        "snowflake_password",
        "minio_secret_key",
        "encryption_key",
        "passwd",
        "DB_PASSWORD_PROD",
        "API_KEY_V2",
        "dbpassword",
        "APPSECRET",
        "db_pw"
      })
  void keyNamesWithPrefixesSuffixesAndQualifiers(String key) {
    assertThat(CredentialDetector.secretKey(key)).as(key).isTrue();
    assertThat(yaml(key + ": Xk9#qL2!vR7m")).as(key).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PYTHON|password = \"%s\"",
        "PYTHON|conn = connect(host=\"pg\", password=\"%s\")",
        "PYTHON|API_TOKEN: str = \"%s\"",
        "C_STYLE|private static final String DB_PASSWORD = \"%s\";",
        "C_STYLE|props.put(\"password\", \"%s\");",
        "C_STYLE|ds.setPassword(\"%s\");",
        "C_STYLE|val clientSecret: String = \"%s\"",
        "HCL|  password = \"%s\"",
        "SHELL|mysql -u etl --password=%s db",
        "SHELL|docker login -u ci --password '%s' registry.acme.io",
        "DOCKERFILE|ENV DB_PASSWORD %s",
        "DOCKERFILE|ARG DB_PASSWORD=%s",
        "XML|<password>%s</password>",
        "XML|<property name=\"password\" value=\"%s\"/>",
        "JSON|[{\"name\":\"DB_PASSWORD\",\"value\":\"%s\"}]",
        "JSON|{\"source\": [\"db_password = \\\"%s\\\"\\n\"]}",
      })
  void findsSecretsInCodeAndOtherLayouts(String testCase) {
    String[] parts = testCase.split("\\|", 2);
    String line = parts[1].formatted("Xk9_qL2.vR7m");

    List<Hit> hits = CredentialDetector.scan(line, Syntax.valueOf(parts[0])).hits();

    assertThat(hits)
        .as(testCase)
        .extracting(Hit::rule)
        .containsExactly(CredentialRule.SECRET_ASSIGNMENT);
    assertThat(line.substring(hits.get(0).start(), hits.get(0).end()).strip())
        .isEqualTo("Xk9_qL2.vR7m");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PYTHON|password = os.getenv(\"DB_PASSWORD\")",
        "PYTHON|api_key = settings.OPENAI_API_KEY",
        "C_STYLE|String password = System.getenv(\"DB_PASSWORD\");",
        "C_STYLE|const token = process.env.GITHUB_TOKEN;",
        "C_STYLE|ds.setPassword(secrets.resolve(\"warehouse-db\"));",
        "HCL|  password = var.db_password",
        "SHELL|docker login -u ci --password-stdin < /run/secrets/registry",
        "SHELL|curl -H \"Authorization: Bearer $TOKEN\" https://api.acme.io",
        "DOCKERFILE|ENV DB_PASSWORD_FILE=/run/secrets/db",
        "YAML|password: DB_PASSWORD",
        "YAML|secret: MyAppSecretName",
        "YAML|admin_password: \"$2a$10$abcdefghijklmnopqrstuuNKxIjAv1cQ3Zx8y6nmb2Zk1tQ6Yw0e\"",
        "YAML|data:\n  password: Y2hhbmdlbWU=",
        "YAML|  - name: DB_PASSWORD\n    valueFrom: {secretKeyRef: {name: db, key: password}}",
      })
  void referencesInCodeAndOtherLayoutsAreNotFindings(String testCase) {
    String[] parts = testCase.split("\\|", 2);

    assertThat(CredentialDetector.scan(parts[1], Syntax.valueOf(parts[0])).hits())
        .as(testCase)
        .isEmpty();
  }

  @Test
  void everySyntaxHasFileNames() {
    assertThat(Syntax.byName(java.nio.file.Path.of("infra/main.tf"))).contains(Syntax.HCL);
    assertThat(Syntax.byName(java.nio.file.Path.of("Dockerfile"))).contains(Syntax.DOCKERFILE);
    assertThat(Syntax.byName(java.nio.file.Path.of("etl/load.py"))).contains(Syntax.PYTHON);
    assertThat(Syntax.byName(java.nio.file.Path.of("App.java"))).contains(Syntax.C_STYLE);
    assertThat(Syntax.byName(java.nio.file.Path.of("run.sh"))).contains(Syntax.SHELL);
    assertThat(Syntax.byName(java.nio.file.Path.of("settings.xml"))).contains(Syntax.XML);
    assertThat(Syntax.byName(java.nio.file.Path.of("pyproject.toml"))).contains(Syntax.INI);
    assertThat(Syntax.byName(java.nio.file.Path.of("nb.ipynb"))).contains(Syntax.JSON);
    assertThat(Syntax.byName(java.nio.file.Path.of("floe.yaml"))).contains(Syntax.YAML);
    assertThat(Syntax.byName(java.nio.file.Path.of("README.md"))).isEmpty();
    assertThat(Syntax.of(java.nio.file.Path.of("main.tf"))).isEmpty();
  }

  @Test
  void reportsLinesOfAMultiLineText() {
    String text = "a: 1\nb:\n  - c\n  - " + GITHUB + "\n";

    assertThat(yaml(text)).extracting(Hit::line).containsExactly(4);
  }

  @Test
  void aKubernetesEnvValueCountsUnderItsName() {
    String text =
        """
        env:
          - name: DB_PASSWORD
            value: "Xk9#qL2!vR7m"
          - name: LOG_LEVEL
            value: "Xk9#qL2!vR7m"
        """;

    assertThat(yaml(text))
        .extracting(Hit::line, Hit::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3, CredentialRule.SECRET_ASSIGNMENT));
  }

  @Test
  void aPrivateKeyBlockIsFoundButADocumentedPlaceholderIsNot() {
    String real =
        "key: |\n  -----BEGIN RSA PRIVATE KEY-----\n  MIIEpAIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo\n";
    String placeholder = "key: |\n  -----BEGIN RSA PRIVATE KEY-----\n  ...\n";
    String inline = "key: \"-----BEGIN PRIVATE KEY-----\\n<your key>\\n-----END PRIVATE KEY-----\"";

    assertThat(yaml(real)).extracting(Hit::rule).containsExactly(CredentialRule.PRIVATE_KEY);
    assertThat(yaml(placeholder)).isEmpty();
    assertThat(yaml(inline)).isEmpty();
    assertThat(yaml("cert: \"-----BEGIN CERTIFICATE-----\"")).isEmpty();
  }

  @Test
  void aTokenInsideAUrlIsReportedOnceByItsOwnRule() {
    String line = "remote: https://x-access-token:" + GITHUB + "@github.com/acme/floe.git";

    assertThat(yaml(line)).extracting(Hit::rule).containsExactly(CredentialRule.GITHUB_TOKEN);
  }

  @Test
  void urlsWithoutARealPasswordAreNotFindings() {
    assertThat(yaml("url: https://user:password@db.internal/x")).isEmpty();
    assertThat(yaml("url: https://etl:${DB_PASSWORD}@db.internal/x")).isEmpty();
    assertThat(yaml("url: https://etl:Xk9qL2vR7m@db.example.com/x")).isEmpty();
    assertThat(yaml("url: git@github.com:acme/floe.git")).isEmpty();
    assertThat(yaml("url: https://registry.internal:5000/v2/floe")).isEmpty();
    assertThat(yaml("url: https://etl:Xk9qL2vR7m@db.internal/x"))
        .extracting(Hit::rule)
        .containsExactly(CredentialRule.BASIC_AUTH_URL);
  }

  @Test
  void aJwtNeedsAHeaderThatNamesAnAlgorithm() {
    String jwt = Corpus.expand("{{jwt}}", RANDOM);
    String notJwt =
        "eyJmb28iOiJiYXIiLCJiYXoiOjF9.eyJmb28iOiJiYXIiLCJiYXoiOjF9.c2lnbmF0dXJlc2lnbmF0dXJl";

    assertThat(yaml("t: " + jwt)).extracting(Hit::rule).containsExactly(CredentialRule.JWT);
    assertThat(yaml("t: " + notJwt)).isEmpty();
  }

  @Test
  void secretKeyNamesInEverySpelling() {
    for (String key :
        List.of(
            "password",
            "db_password",
            "dbPassword",
            "DB-PASSWORD",
            "spring.datasource.password",
            "GITHUB_TOKEN",
            "apiKey",
            "API_KEY",
            "x-api-key",
            "privateKey",
            "client_secret",
            "clientSecret",
            "SECRET_KEY_BASE",
            "AWS_SECRET_ACCESS_KEY",
            "jwtSecret",
            "passphrase")) {
      assertThat(CredentialDetector.secretKey(key)).as(key).isTrue();
    }
    for (String key :
        List.of(
            "secret_ref",
            "secretName",
            "password_file",
            "token_endpoint",
            "token_ttl",
            "max_tokens",
            "api_key_header",
            "private_key_id",
            "client_id",
            "password_hash",
            "passthrough",
            "keystore.password.file",
            "key")) {
      assertThat(CredentialDetector.secretKey(key)).as(key).isFalse();
    }
  }

  @Test
  void entropyIsShannonsInBitsPerCharacter() {
    assertThat(CredentialDetector.entropy("aaaa")).isZero();
    assertThat(CredentialDetector.entropy("abcd")).isEqualTo(2.0);
    assertThat(CredentialDetector.entropy("abcdefgh")).isEqualTo(3.0);
  }

  @Test
  void hugeLinesEndInAResultWithoutRecursingPerCharacter() {
    // A minified JSON file has one huge line: every pattern must match it iteratively (a
    // pattern that recursed per character overflowed the stack at about 10,000 characters).
    List<String> lines =
        List.of(
            "{\"password\": \"" + "\\n".repeat(50_000) + "\"}",
            "{\"blob\": \"" + "aZ09+/".repeat(20_000) + "\"}",
            "url: https://u:Xk9qL2vR7m@" + "a.".repeat(50_000),
            "pwd=" + "a-b".repeat(30_000) + ";",
            "token: {{ " + "x".repeat(100_000),
            "eyAbcdefghijklmn.".repeat(6_000),
            "abcdefgh_".repeat(10_000));
    for (String line : lines) {
      for (Syntax syntax : List.of(Syntax.YAML, Syntax.JSON)) {
        assertThat(CredentialDetector.scan(line, syntax).hits()).hasSizeLessThanOrEqualTo(1);
      }
    }
  }

  @Test
  void everyLineOfRandomTextEndsInAResult() {
    // Property: arbitrary printable lines never throw and hits always lie within the line.
    Random random = new Random(11);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder line = new StringBuilder();
      int length = random.nextInt(200);
      for (int j = 0; j < length; j++) {
        line.append((char) (32 + random.nextInt(95)));
      }
      String text = line.toString();
      for (Syntax syntax : Syntax.values()) {
        for (Hit hit : CredentialDetector.scan(text, syntax).hits()) {
          assertThat(hit.end()).as("seed 11, case %d", i).isLessThanOrEqualTo(text.length());
        }
      }
    }
  }

  @Test
  void namesAccountsAndSubjectsInCodeAreNotSecrets() {
    String code =
        """
        class A {
          void f() {
            x(
                oauth.issueToken("system:serviceaccount:etl", Duration.ofHours(1)),
                y);
            pick(List.of("password", "token", "client.secret", "s3.secret-access-key"));
            String s = "a"; env("POLARIS_CLIENT_SECRET", "canary-ENV-SECRET-1");
          }
        }
        """;

    List<Hit> hits = CredentialDetector.scan(code, Syntax.C_STYLE).hits();

    assertThat(hits).extracting(Hit::line).containsExactly(7);
    assertThat(hits).extracting(Hit::rule).containsExactly(CredentialRule.SECRET_ASSIGNMENT);
    assertThat(hits.get(0).key()).isEqualTo("POLARIS_CLIENT_SECRET");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "C_STYLE|String pw = vault.getPassword(\"db\");",
        "C_STYLE|Set<String> keys = Map.of(\"password\", \"token\").keySet();",
        "C_STYLE|List<String> names = List.of(\"secret\", \"api_key\");",
        "C_STYLE|String secret = props.get(\"client.secret\");",
        "C_STYLE|private static final String TOKEN_PATH = \"/v1/oauth/tokens\";",
        "C_STYLE|Map.of(\"token\", \"GITHUB_TOKEN\", \"password\", \"DB_PASSWORD\");",
        "C_STYLE|renames.put(\"db.password\", \"spring.datasource.password\");",
        "C_STYLE|String t = tokens.mintToken(\"spark:driver:analytics\", ttl);",
        "C_STYLE|String t = tokens.accessToken(\"Xk9_qL2.vR7m\", ttl);",
        "C_STYLE|secretsManager.rotateSecret(\"prod/floe/warehouse-db\");",
        "PYTHON|KEYS = (\"password\", \"db_password_file\", \"aws.secret-access-key\")",
        "YAML|client_secret: system:serviceaccount:etl",
        "YAML|api_token: floe.internal/v2-reader",
        "YAML|password: spring.datasource.password",
        "YAML|token: s3.v2-reader:etl",
        "JSON|{\"client_secret\": \"aws.secretAccessKey\"}",
        "PROPERTIES|renamed.password=spring.datasource.clientSecret",
      })
  void namesPathsAndCallsThatTakeNoSecretAreNotFindings(String testCase) {
    String[] parts = testCase.split("\\|", 2);

    assertThat(CredentialDetector.scan(parts[1], Syntax.valueOf(parts[0])).hits())
        .as(testCase)
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "C_STYLE|ds.setPassword(\"Xk9#mQ2vL7pR\");",
        "C_STYLE|Map.of(\"password\", \"Xk9#mQ2vL7pR\")",
        "C_STYLE|env(\"DB_PASSWORD\", \"s3cr3t-Pa55w0rd!\");",
        "C_STYLE|Client.builder().apiKey(\"Xk9#mQ2vL7pR\").build();",
        "C_STYLE|builder.withSecret(\"Xk9#mQ2vL7pR\", Region.EU);",
      })
  void literalsUnderSecretNamesInCodeAreStillFindings(String testCase) {
    String[] parts = testCase.split("\\|", 2);

    assertThat(CredentialDetector.scan(parts[1], Syntax.valueOf(parts[0])).hits())
        .as(testCase)
        .extracting(Hit::rule)
        .containsExactly(CredentialRule.SECRET_ASSIGNMENT);
  }

  /**
   * The hints that let a rule skip a line without compiling its pattern are necessary conditions: a
   * token in any case the pattern accepts (the Azure and Authorization rules ignore case) is still
   * found.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "AZURE_STORAGE_ACCOUNT_KEY|DefaultEndpointsProtocol=https;ACCOUNTKEY={{b64:86}}==",
        "AZURE_SHARED_ACCESS_KEY|Endpoint=sb://x.servicebus.windows.net/;SHAREDACCESSKEY={{b64:43}}=",
        "AUTHORIZATION_HEADER|Authorization: BEARER {{alnum:40}}",
        "AUTHORIZATION_HEADER|Authorization: TOKEN {{alnum:40}}",
        "CONNECTION_STRING_PASSWORD|Server=db;Database=x;PWD={{alnum:16}};",
        "MAILGUN_API_KEY|mailgun: key-{{hex:32}}",
        "DISCORD_TOKEN|discord_bot: M{{alnum:23}}.{{alnum:6}}.{{alnum:27}}",
      })
  void rulesThatSkipLinesByHintStillFindTokensInEveryCase(String testCase) {
    String[] parts = testCase.split("\\|", 2);
    String line = Corpus.expand(parts[1], RANDOM);

    assertThat(CredentialDetector.scan(line, Syntax.TEXT).hits())
        .as(line)
        .extracting(Hit::rule)
        .contains(CredentialRule.valueOf(parts[0]));
  }
}
