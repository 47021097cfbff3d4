package dev.floe.catalog.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link IamRoleSettings}: defaults and validation. */
class IamRoleSettingsTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/floe-writer";

  @Test
  void defaults() {
    IamRoleSettings settings = IamRoleSettings.of(ROLE);

    assertThat(settings.sessionName()).isEqualTo("floe");
    assertThat(settings.duration()).isEqualTo(Duration.ofHours(1));
    assertThat(settings.region()).isEqualTo("us-east-1");
    assertThat(settings.externalId()).isEmpty();
    assertThat(settings.webIdentityTokenFile()).isEmpty();
    assertThat(settings.stsEndpoint()).isEmpty();
  }

  @Test
  void pipelineSessionNamesAreFloeDashPipelineWithinStsLimits() {
    assertThat(IamRoleSettings.forPipeline(ROLE, "customer-analytics").sessionName())
        .isEqualTo("floe-customer-analytics");
    assertThat(IamRoleSettings.sessionNameFor("a".repeat(100))).hasSize(64).startsWith("floe-a");
    assertThat(IamRoleSettings.sessionNameFor("")).isEqualTo("floe");
    assertThat(IamRoleSettings.sessionNameFor("has space")).isEqualTo("floe-has-space");
  }

  @Test
  void acceptsPartitionArnsAndRegions() {
    IamRoleSettings gov =
        IamRoleSettings.of("arn:aws-us-gov:iam::123456789012:role/path/floe")
            .withRegion("us-gov-west-1");
    IamRoleSettings china =
        IamRoleSettings.of("arn:aws-cn:iam::123456789012:role/floe").withRegion("cn-north-1");

    assertThat(gov.region()).isEqualTo("us-gov-west-1");
    assertThat(china.roleArn()).startsWith("arn:aws-cn:");
  }

  @Test
  void rejectsWhatStsWouldReject() {
    assertThatThrownBy(() -> IamRoleSettings.of("arn:aws:iam::123:role/x"))
        .hasMessageContaining("is not an IAM role ARN");
    assertThatThrownBy(() -> IamRoleSettings.of(ROLE).withDuration(Duration.ofMinutes(14)))
        .hasMessageContaining("between 15 minutes and 12 hours");
    assertThatThrownBy(() -> IamRoleSettings.of(ROLE).withDuration(Duration.ofHours(13)))
        .hasMessageContaining("between 15 minutes and 12 hours");
    assertThatThrownBy(
            () -> IamRoleSettings.of(ROLE).withDuration(Duration.ofMinutes(20).plusMillis(5)))
        .hasMessageContaining("whole seconds");
    assertThatThrownBy(() -> IamRoleSettings.of(ROLE).withSessionName("x"))
        .hasMessageContaining("session_name");
    assertThatThrownBy(() -> IamRoleSettings.of(ROLE).withRegion("Mars"))
        .hasMessageContaining("region");
    assertThatThrownBy(
            () ->
                IamRoleSettings.of(ROLE)
                    .withExternalId("ext-1")
                    .withWebIdentityTokenFile(Path.of("/var/run/token")))
        .hasMessageContaining("external_id is not used with web_identity_token_file");
  }

  @Test
  void rejectsAnEndpointWithUserInfoWithoutEchoingIt() {
    assertThatThrownBy(
            () ->
                IamRoleSettings.of(ROLE)
                    .withStsEndpoint(URI.create("https://user:hunter2@sts.example.test")))
        .hasMessage("STS endpoint must not contain user info")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(
            () -> IamRoleSettings.of(ROLE).withStsEndpoint(URI.create("ftp://sts.example.test")))
        .hasMessageContaining("must be an http or https URL");
  }
}
