/**
 * A real S3 API server on loopback for tests: {@link dev.floe.testing.s3.S3Server} runs {@code
 * org.gaul:s3proxy} on a temporary folder, bound to 127.0.0.1 on an ephemeral port, checking AWS
 * signatures (V2 or V4) with a key pair the test chooses.
 */
package dev.floe.testing.s3;
