package dev.floe.testing.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

class S3ServerTest {

  private static S3Server s3;

  @BeforeAll
  static void start() {
    s3 =
        S3Server.builder()
            .credentials("test-access", "test-secret")
            .region("eu-west-1")
            .bucket("lake")
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    s3.close();
  }

  private static S3Client client(String accessKey, String secretKey) {
    return S3Client.builder()
        .endpointOverride(s3.endpoint())
        .forcePathStyle(true)
        .region(Region.EU_WEST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  @Test
  void servesPutGetAndListToAnSdkClientWithPathStyleAccess() {
    try (S3Client client = client("test-access", "test-secret")) {
      client.putObject(
          b -> b.bucket("lake").key("raw/orders.csv"), RequestBody.fromString("id\n1\n"));
      client.putObject(b -> b.bucket("lake").key("raw/items.csv"), RequestBody.fromString("x"));

      String body =
          client
              .getObjectAsBytes(b -> b.bucket("lake").key("raw/orders.csv"))
              .asString(StandardCharsets.UTF_8);
      assertThat(body).isEqualTo("id\n1\n");
      assertThat(client.listObjectsV2(b -> b.bucket("lake").prefix("raw/")).contents())
          .extracting(S3Object::key)
          .containsExactly("raw/items.csv", "raw/orders.csv");
    }

    assertThat(s3.objectKeys("lake", "raw/")).containsExactly("raw/items.csv", "raw/orders.csv");
    assertThat(s3.objectCount("lake")).isGreaterThanOrEqualTo(2);
  }

  @Test
  void rejectsRequestsSignedWithAnotherSecret() {
    try (S3Client client = client("test-access", "wrong-secret")) {
      assertThatThrownBy(() -> client.listObjectsV2(b -> b.bucket("lake")))
          .isInstanceOfSatisfying(
              S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }
  }

  @Test
  void createsBucketsDirectlyAndThroughItsOwnClient() {
    s3.createBucket("staging");
    s3.createBucket("staging");
    try (S3Client client = s3.newClient()) {
      client.createBucket(b -> b.bucket("gold"));
      client.putObject(b -> b.bucket("staging").key("a"), RequestBody.fromString("a"));
    }

    assertThat(s3.bucketExists("gold")).isTrue();
    assertThat(s3.objectCount("staging")).isEqualTo(1);
    assertThat(s3.objectCount("gold")).isZero();
  }

  @Test
  void givesIcebergPropertiesAndKeepsTheSecretOutOfToString() {
    assertThat(s3.icebergProperties())
        .containsEntry("s3.endpoint", s3.endpoint().toString())
        .containsEntry("s3.path-style-access", "true")
        .containsEntry("s3.access-key-id", "test-access")
        .containsEntry("s3.secret-access-key", "test-secret")
        .containsEntry("client.region", "eu-west-1");
    assertThat(s3.endpoint().getHost()).isEqualTo("127.0.0.1");
    assertThat(s3.toString()).contains("test-access").doesNotContain("test-secret");
  }

  @Test
  void makesARandomKeyPairByDefaultAndRejectsBadBucketNames() {
    S3Server one = S3Server.builder().build();
    S3Server two = S3Server.builder().build();

    assertThat(one.secretKey()).isNotEqualTo(two.secretKey()).hasSize(40);
    assertThatThrownBy(() -> S3Server.builder().bucket("Not_A_Bucket"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesConnectionsAndDeletesItsFolderOnceClosed() throws Exception {
    S3Server closed = S3Server.builder().bucket("gone").build().start();
    URI endpoint = closed.endpoint();
    closed.close();

    assertThat(closed.isRunning()).isFalse();
    assertThatThrownBy(() -> new java.net.Socket(endpoint.getHost(), endpoint.getPort()).close())
        .isInstanceOf(java.net.ConnectException.class);
    assertThatThrownBy(() -> closed.objectKeys("gone")).isInstanceOf(IllegalStateException.class);
  }
}
