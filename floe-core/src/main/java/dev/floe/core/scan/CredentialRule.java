package dev.floe.core.scan;

import dev.floe.core.api.Api;

/**
 * The documented rules of the credential detector. Each rule has a stable identifier (used in
 * baselines, SARIF and the JSON output), a human name that diagnostics use ("looks like a GitHub
 * token") and a description for {@code docs/security.md} and SARIF rule metadata. An identifier
 * never changes meaning once released.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public enum CredentialRule {
  AWS_ACCESS_KEY_ID(
      "aws-access-key-id",
      "AWS access key ID",
      "An AWS access key ID: AKIA, ASIA, ABIA, ACCA or A3T followed by 16 base-32 characters.",
      Precision.HIGH),
  AWS_SECRET_ACCESS_KEY(
      "aws-secret-access-key",
      "AWS secret access key",
      "40 base-64 characters under a key naming an AWS secret access key"
          + " (aws_secret_access_key, secretAccessKey, …).",
      Precision.HIGH),
  GCP_API_KEY(
      "gcp-api-key",
      "Google API key",
      "A Google Cloud API key: AIza followed by 35 characters.",
      Precision.HIGH),
  GCP_OAUTH_CLIENT_SECRET(
      "gcp-oauth-client-secret",
      "Google OAuth client secret",
      "A Google OAuth client secret: GOCSPX- followed by 28 characters.",
      Precision.HIGH),
  GCP_ACCESS_TOKEN(
      "gcp-access-token",
      "Google OAuth access token",
      "A Google OAuth access token: ya29. followed by at least 30 characters.",
      Precision.HIGH),
  AZURE_STORAGE_ACCOUNT_KEY(
      "azure-storage-account-key",
      "Azure storage account key",
      "An Azure storage account key (88 base-64 characters ending in ==) as AccountKey= in a"
          + " connection string or under an account_key-like key.",
      Precision.HIGH),
  AZURE_SHARED_ACCESS_KEY(
      "azure-shared-access-key",
      "Azure shared access key",
      "SharedAccessKey= with 44 base-64 characters, as in Service Bus and Event Hubs connection"
          + " strings.",
      Precision.HIGH),
  AZURE_SAS_TOKEN(
      "azure-sas-token",
      "Azure shared access signature",
      "An Azure SAS: a sig= signature of at least 40 characters beside an sv= service version.",
      Precision.HIGH),
  AZURE_CLIENT_SECRET(
      "azure-client-secret",
      "Azure AD client secret",
      "A Microsoft Entra ID (Azure AD) client secret: 3 characters, a digit, Q~, then 31-34"
          + " characters.",
      Precision.HIGH),
  PRIVATE_KEY(
      "private-key",
      "private key",
      "A PEM or OpenSSH private key block: -----BEGIN … PRIVATE KEY-----.",
      Precision.HIGH),
  JWT(
      "jwt",
      "JSON Web Token",
      "A signed JSON Web Token: three base64url parts whose first two decode to JSON objects and"
          + " whose header names an alg.",
      Precision.HIGH),
  GITHUB_TOKEN(
      "github-token",
      "GitHub token",
      "A GitHub token: ghp_, gho_, ghu_, ghs_ or ghr_ followed by 36 characters, or a"
          + " fine-grained github_pat_ token.",
      Precision.HIGH),
  GITLAB_TOKEN(
      "gitlab-token",
      "GitLab token",
      "A GitLab token: glpat-, gldt-, glrt-, glptt-, glsoat-, gloas-, glcbt-, glft- or glimt-"
          + " followed by at least 20 characters.",
      Precision.HIGH),
  SLACK_TOKEN(
      "slack-token",
      "Slack token",
      "A Slack bot, user, app or configuration token: xoxb-, xoxp-, xoxa-, xoxo-, xoxr-, xoxs-"
          + " or xapp- with its numeric parts.",
      Precision.HIGH),
  SLACK_WEBHOOK_URL(
      "slack-webhook-url",
      "Slack incoming webhook URL",
      "https://hooks.slack.com/services/T…/B…/ with its 24-character secret.",
      Precision.HIGH),
  STRIPE_KEY(
      "stripe-key",
      "Stripe secret key",
      "A Stripe secret or restricted key: sk_live_, sk_test_, rk_live_ or rk_test_ followed by at"
          + " least 24 characters (publishable pk_ keys are not secret).",
      Precision.HIGH),
  NPM_TOKEN(
      "npm-token",
      "npm access token",
      "An npm access token: npm_ followed by 36 characters.",
      Precision.HIGH),
  PYPI_TOKEN(
      "pypi-token",
      "PyPI API token",
      "A PyPI API token: pypi-AgE followed by at least 50 characters (a macaroon).",
      Precision.HIGH),
  OPENAI_API_KEY(
      "openai-api-key",
      "OpenAI API key",
      "An OpenAI API key: sk-, sk-proj-, sk-svcacct- or sk-admin- with the T3BlbkFJ marker.",
      Precision.HIGH),
  ANTHROPIC_API_KEY(
      "anthropic-api-key",
      "Anthropic API key",
      "An Anthropic API key: sk-ant-api03- (or sk-ant-admin01-) followed by 80-120 characters.",
      Precision.HIGH),
  HUGGING_FACE_TOKEN(
      "huggingface-token",
      "Hugging Face access token",
      "A Hugging Face access token: hf_ followed by 34 letters.",
      Precision.HIGH),
  BASIC_AUTH_URL(
      "basic-auth-url",
      "URL with embedded credentials",
      "A URL with a user name and a password before the host (scheme://user:password@host).",
      Precision.HIGH),
  CONNECTION_STRING_PASSWORD(
      "connection-string-password",
      "connection string with a password",
      "Password=, Pwd= or Passwd= inside a connection string or a URL query (after ;, ? or &).",
      Precision.MEDIUM),
  SECRET_ASSIGNMENT(
      "secret-assignment",
      "high-entropy value under a secret-like key",
      "A random-looking value (mixed character classes, high Shannon entropy, or a long hex"
          + " string) under a key named like a secret: password, passwd, pwd, passphrase, secret,"
          + " token, api_key, private_key, access_key, secret_key, client_secret, credential, auth"
          + " and compounds such as db_password, jwtSecret or GITHUB_TOKEN.",
      Precision.MEDIUM),
  PLAINTEXT_SECRET_FIELD(
      "plaintext-secret-field",
      "plaintext value in a secret-only field",
      "In floe.yaml and platform.yaml only: any literal value under a credential field"
          + " (password, token, client_secret, …), where the schema accepts only"
          + " {secret_ref: NAME}.",
      Precision.HIGH);

  /** How sure a hit of the rule is; SARIF carries it as the rule's {@code precision}. */
  public enum Precision {
    HIGH("high"),
    MEDIUM("medium");

    private final String label;

    Precision(String label) {
      this.label = label;
    }

    /** The SARIF spelling: {@code high} or {@code medium}. */
    public String label() {
      return label;
    }
  }

  private final String id;
  private final String title;
  private final String description;
  private final Precision precision;

  CredentialRule(String id, String title, String description, Precision precision) {
    this.id = id;
    this.title = title;
    this.description = description;
    this.precision = precision;
  }

  /** The stable identifier, e.g. {@code github-token}. */
  public String id() {
    return id;
  }

  /** The kind of credential in words, e.g. {@code GitHub token}. */
  public String title() {
    return title;
  }

  /** One or two sentences saying what the rule matches. */
  public String description() {
    return description;
  }

  /** How sure a hit is. */
  public Precision precision() {
    return precision;
  }

  /** The title with its indefinite article: "an AWS access key ID", "a GitHub token". */
  public String withArticle() {
    char first = Character.toLowerCase(title.charAt(0));
    boolean vowelSound = "aeiou".indexOf(first) >= 0 || title.startsWith("npm");
    return (vowelSound && !title.startsWith("URL") ? "an " : "a ") + title;
  }

  /** The rule with identifier {@code id}, if there is one. */
  public static java.util.Optional<CredentialRule> byId(String id) {
    for (CredentialRule rule : values()) {
      if (rule.id.equals(id)) {
        return java.util.Optional.of(rule);
      }
    }
    return java.util.Optional.empty();
  }
}
