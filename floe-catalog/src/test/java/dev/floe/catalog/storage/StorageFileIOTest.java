package dev.floe.catalog.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.catalog.aws.IamRoleCredentials;
import dev.floe.catalog.aws.IamRoleSettings;
import dev.floe.catalog.aws.LoopbackSts;
import dev.floe.catalog.aws.MutableClock;
import dev.floe.catalog.aws.StaticS3Credentials;
import dev.floe.core.secret.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.iceberg.aws.s3.S3FileIO;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** {@link StorageFileIO#s3}: the client talks to the configured endpoint with the mode's keys. */
class StorageFileIOTest {
  private static final String SECRET = "canary-s3-secret-access-key-1d4e";
  private static final String TOKEN = "canary-s3-session-token-6b2a";

  private LoopbackS3 s3;

  @BeforeEach
  void startS3() throws IOException {
    s3 = new LoopbackS3();
  }

  @AfterEach
  void stopS3() {
    s3.close();
  }

  private S3StorageSettings settings() {
    return S3StorageSettings.compatible("floe-bucket", "eu-central-1", s3.endpoint());
  }

  private static AwsCredentialsProvider staticKeys() {
    return StaticS3Credentials.provider(
        "minio-credentials",
        Map.of(
            "access_key_id", Secret.of("AKIASTATIC0000000001"),
            "secret_access_key", Secret.of(SECRET),
            "session_token", Secret.of(TOKEN)));
  }

  @Test
  void propertiesDescribeTheConnectionAndHoldNoCredential() {
    try (FileIO io = StorageFileIO.s3(settings(), staticKeys())) {
      assertThat(io.properties())
          .containsOnly(
              Map.entry("client.region", "eu-central-1"),
              Map.entry("s3.endpoint", s3.endpoint().toString()),
              Map.entry("s3.path-style-access", "true"));
      assertThat(io.properties().toString()).doesNotContain(SECRET).doesNotContain(TOKEN);
      assertThat(io.toString()).doesNotContain(SECRET).doesNotContain(TOKEN);
    }
  }

  @Test
  void writesAndReadsThroughTheEndpointPathStyleSignedWithTheStaticKeys() throws IOException {
    byte[] content = "floe writes here\n".getBytes(StandardCharsets.UTF_8);
    try (FileIO io = StorageFileIO.s3(settings(), staticKeys())) {
      try (OutputStream out =
          io.newOutputFile("s3://floe-bucket/warehouse/a.txt").createOrOverwrite()) {
        out.write(content);
      }
      InputFile in = io.newInputFile("s3://floe-bucket/warehouse/a.txt");
      assertThat(in.getLength()).isEqualTo(content.length);
      try (InputStream stream = in.newStream()) {
        assertThat(stream.readAllBytes()).isEqualTo(content);
      }
      assertThat(((S3FileIO) io).client().serviceClientConfiguration().region())
          .isEqualTo(Region.EU_CENTRAL_1);
    }
    assertThat(s3.object("/floe-bucket/warehouse/a.txt")).isEqualTo(content);
    LoopbackS3.Request put =
        s3.requests().stream().filter(r -> r.method().equals("PUT")).findFirst().orElseThrow();
    assertThat(put.path()).isEqualTo("/floe-bucket/warehouse/a.txt");
    assertThat(put.header("Authorization"))
        .contains("Credential=AKIASTATIC0000000001/")
        .contains("/eu-central-1/s3/aws4_request")
        .doesNotContain(SECRET);
    assertThat(put.header("x-amz-security-token")).isEqualTo(TOKEN);
  }

  @Test
  void iamRoleCredentialsSignTheS3Requests() throws IOException {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    try (LoopbackSts sts = new LoopbackSts(() -> clock.instant().plus(Duration.ofHours(1)));
        IamRoleCredentials role =
            IamRoleCredentials.create(
                IamRoleSettings.of("arn:aws:iam::123456789012:role/floe-writer")
                    .withRegion("eu-central-1")
                    .withStsEndpoint(sts.endpoint()),
                StaticS3Credentials.provider(
                    "source",
                    Map.of(
                        "access_key_id", Secret.of("AKIASOURCE0000000001"),
                        "secret_access_key", Secret.of("source-secret"))),
                clock);
        FileIO io = StorageFileIO.s3(settings(), role)) {
      try (OutputStream out = io.newOutputFile("s3://floe-bucket/t/data.parquet").create()) {
        out.write(new byte[] {1, 2, 3});
      }
      assertThat(sts.requests()).hasSize(1);
    }
    LoopbackS3.Request put =
        s3.requests().stream().filter(r -> r.method().equals("PUT")).findFirst().orElseThrow();
    assertThat(put.header("Authorization")).contains("Credential=" + LoopbackSts.accessKeyId(1));
    assertThat(put.header("x-amz-security-token")).isEqualTo(LoopbackSts.sessionToken(1));
  }
}
