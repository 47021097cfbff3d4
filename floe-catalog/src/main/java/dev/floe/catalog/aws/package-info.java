/**
 * AWS credentials for storage and catalogs: an assumed IAM role (STS AssumeRole or
 * AssumeRoleWithWebIdentity, refreshed before expiry) and static keys from a resolved secret. Both
 * are AWS SDK {@code AwsCredentialsProvider}s, handed to Iceberg's {@code S3FileIO} and to any
 * catalog client that signs its requests.
 */
package dev.floe.catalog.aws;
