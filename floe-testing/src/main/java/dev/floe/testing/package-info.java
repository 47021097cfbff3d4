/**
 * Test support for floe and for users' own pipelines: the demo project, secrets for tests, real
 * servers on loopback and the JUnit 5 extension that starts them.
 *
 * <ul>
 *   <li>{@link dev.floe.testing.FloeServers} / {@link dev.floe.testing.FloeServersExtension}: an
 *       OAuth2 server, an Iceberg REST catalog that checks its tokens, an S3 server and the
 *       telemetry receivers, injected as test parameters and fields, one set per test class;
 *   <li>{@link dev.floe.testing.oauth2.OAuth2Server}, {@link
 *       dev.floe.testing.catalog.RestCatalogServer}, {@link dev.floe.testing.s3.S3Server}: the same
 *       servers for programmatic use;
 *   <li>{@link dev.floe.testing.telemetry.OtlpReceiver}, {@link
 *       dev.floe.testing.telemetry.LineageReceiver}: loopback receivers that decode the OTLP traces
 *       and validate the OpenLineage events the code under test sends, with failure modes for
 *       degradation tests;
 *   <li>{@link dev.floe.testing.SecretCanaries}: unique secret values to prove that no output leaks
 *       a secret;
 *   <li>{@link dev.floe.testing.DemoProject}: a copy of floe's demo project in a test's folder,
 *       with the secrets its platforms reference as environment variables or mounted files;
 *   <li>{@link dev.floe.testing.secret.TestSecretProvider}: a real {@code SecretProvider} holding
 *       the values a test gives it.
 * </ul>
 */
package dev.floe.testing;
