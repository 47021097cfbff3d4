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
      "An AWS access key ID, long-term or temporary: AKIA, ASIA, ABIA, ACCA or A3T followed by 16"
          + " upper-case letters and digits.",
      Precision.HIGH),
  AWS_SECRET_ACCESS_KEY(
      "aws-secret-access-key",
      "AWS secret access key",
      "40 base-64 characters under a key naming an AWS secret access key"
          + " (aws_secret_access_key, secretAccessKey, …).",
      Precision.HIGH),
  ALIBABA_ACCESS_KEY_ID(
      "alibaba-access-key-id",
      "Alibaba Cloud AccessKey ID",
      "An Alibaba Cloud AccessKey ID: LTAI followed by 20 letters and digits.",
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
      "An Azure storage or Cosmos DB account key: 40 or more base-64 characters as AccountKey= in a"
          + " connection string, or 88 ending in == under an account_key-like key.",
      Precision.HIGH),
  AZURE_SHARED_ACCESS_KEY(
      "azure-shared-access-key",
      "Azure shared access key",
      "SharedAccessKey= with 40 or more base-64 characters, as in Service Bus, Event Hubs and IoT"
          + " Hub connection strings.",
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
      "A Slack bot, user, app or configuration token: xoxb-, xoxp-, xoxa-, xoxo-, xoxr-, xoxs-,"
          + " xoxe- or xapp- with its numeric parts.",
      Precision.HIGH),
  SLACK_WEBHOOK_URL(
      "slack-webhook-url",
      "Slack incoming webhook URL",
      "https://hooks.slack.com/services/T…/B…/ with its 24-character secret.",
      Precision.HIGH),
  STRIPE_KEY(
      "stripe-key",
      "Stripe secret key",
      "A Stripe secret or restricted key (sk_live_, sk_test_, rk_live_, rk_test_ and at least 24"
          + " characters) or webhook signing secret (whsec_); publishable pk_ keys are not secret.",
      Precision.HIGH),
  SQUARE_TOKEN(
      "square-token",
      "Square access token",
      "A Square access token or application secret: sq0atp- or sq0csp- followed by at least 22"
          + " characters, or EAAA followed by 60.",
      Precision.HIGH),
  BRAINTREE_ACCESS_TOKEN(
      "braintree-access-token",
      "PayPal Braintree access token",
      "A PayPal Braintree access token: access_token$production$ (or $sandbox$), a 16-character"
          + " merchant id, $ and 32 hex digits.",
      Precision.HIGH),
  SHOPIFY_TOKEN(
      "shopify-token",
      "Shopify access token",
      "A Shopify admin, custom-app, partner or shared-secret token: shpat_, shpca_, shppa_ or"
          + " shpss_ followed by 32 hex digits.",
      Precision.HIGH),
  SENDGRID_API_KEY(
      "sendgrid-api-key",
      "SendGrid API key",
      "A SendGrid API key: SG. followed by 22 characters, a dot and 43 characters.",
      Precision.HIGH),
  MAILGUN_API_KEY(
      "mailgun-api-key",
      "Mailgun API key",
      "A Mailgun private API key: key- followed by 32 hex digits, or 32-8-8 hex digits.",
      Precision.HIGH),
  MAILCHIMP_API_KEY(
      "mailchimp-api-key",
      "Mailchimp API key",
      "A Mailchimp API key: 32 hex digits, -us and the data-centre number.",
      Precision.HIGH),
  TWILIO_API_KEY(
      "twilio-api-key",
      "Twilio API key",
      "A Twilio API key SID: SK followed by 32 hex digits (account SIDs, AC…, are identifiers;"
          + " the auth token is found by its key name).",
      Precision.HIGH),
  TELEGRAM_BOT_TOKEN(
      "telegram-bot-token",
      "Telegram bot token",
      "A Telegram bot token: the bot's numeric id, a colon, A and 34 characters.",
      Precision.HIGH),
  DISCORD_TOKEN(
      "discord-token",
      "Discord bot token",
      "A Discord bot token: the base-64 bot id, a dot, 6 characters, a dot and 27-38 characters.",
      Precision.HIGH),
  DISCORD_WEBHOOK_URL(
      "discord-webhook-url",
      "Discord webhook URL",
      "https://discord.com/api/webhooks/<id>/ with its 60-68-character token.",
      Precision.HIGH),
  TEAMS_WEBHOOK_URL(
      "teams-webhook-url",
      "Microsoft Teams webhook URL",
      "A Microsoft Teams incoming webhook: https://….webhook.office.com/webhookb2/….",
      Precision.HIGH),
  DATABRICKS_TOKEN(
      "databricks-token",
      "Databricks access token",
      "A Databricks personal access token: dapi followed by 32 hex digits.",
      Precision.HIGH),
  DBT_CLOUD_TOKEN(
      "dbt-cloud-token",
      "dbt Cloud token",
      "A dbt Cloud service or personal token: dbtc_ or dbtu_ followed by at least 40 characters.",
      Precision.HIGH),
  GRAFANA_TOKEN(
      "grafana-token",
      "Grafana token",
      "A Grafana Cloud access policy token (glc_) or service account token (glsa_).",
      Precision.HIGH),
  VAULT_TOKEN(
      "vault-token",
      "HashiCorp Vault token",
      "A HashiCorp Vault service or batch token: hvs. or hvb. followed by at least 24 characters.",
      Precision.HIGH),
  TERRAFORM_CLOUD_TOKEN(
      "terraform-cloud-token",
      "Terraform Cloud API token",
      "A Terraform Cloud / HCP Terraform API token: 14 characters, .atlasv1. and 60-70 more.",
      Precision.HIGH),
  DIGITALOCEAN_TOKEN(
      "digitalocean-token",
      "DigitalOcean token",
      "A DigitalOcean personal, OAuth or refresh token: dop_v1_, doo_v1_ or dor_v1_ and 64 hex"
          + " digits.",
      Precision.HIGH),
  DOCKER_HUB_TOKEN(
      "docker-hub-token",
      "Docker Hub access token",
      "A Docker Hub personal access token: dckr_pat_ followed by at least 27 characters.",
      Precision.HIGH),
  NEW_RELIC_KEY(
      "new-relic-key",
      "New Relic API key",
      "A New Relic user API key: NRAK- followed by 27 upper-case letters and digits.",
      Precision.HIGH),
  AGE_SECRET_KEY(
      "age-secret-key",
      "age secret key",
      "An age encryption secret key: AGE-SECRET-KEY-1 followed by 58 Bech32 characters.",
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
      "An OpenAI (or OpenAI-compatible) API key: sk-proj-, sk-svcacct- or sk-admin- and at least"
          + " 20 characters, sk- with the T3BlbkFJ marker, or sk- and 32-64 random letters and"
          + " digits.",
      Precision.HIGH),
  ANTHROPIC_API_KEY(
      "anthropic-api-key",
      "Anthropic API key",
      "An Anthropic API key: sk-ant-api03-, sk-ant-admin01- or sk-ant-oat01- followed by at least"
          + " 32 characters.",
      Precision.HIGH),
  HUGGING_FACE_TOKEN(
      "huggingface-token",
      "Hugging Face access token",
      "A Hugging Face access token: hf_ (or api_org_) followed by 34 letters.",
      Precision.HIGH),
  AI_PLATFORM_API_KEY(
      "ai-platform-api-key",
      "AI platform API key",
      "An API key of an AI platform: Groq (gsk_), Replicate (r8_), Perplexity (pplx-), xAI (xai-),"
          + " LangSmith (lsv2_pt_, lsv2_sk_) or Pinecone (pcsk_).",
      Precision.HIGH),
  BASIC_AUTH_URL(
      "basic-auth-url",
      "URL with embedded credentials",
      "A URL with a user name and a password before the host (scheme://user:password@host).",
      Precision.HIGH),
  AUTHORIZATION_HEADER(
      "authorization-header",
      "credential in an Authorization header",
      "A random-looking token after Bearer anywhere in a value, a Basic user:password (base 64)"
          + " or Token credential on a line that names an Authorization header, or the password of"
          + " curl's -u/--user user:password.",
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
          + " and compounds such as db_password, jwtSecret or GITHUB_TOKEN; under a password key"
          + " also a chosen password of at least 8 characters and two character classes.",
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
