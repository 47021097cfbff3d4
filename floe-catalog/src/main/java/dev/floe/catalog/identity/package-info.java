/**
 * Workload identity ({@code service_account} credentials): a projected service account token file,
 * read when it is needed, used as a bearer itself or exchanged for a GCP or Azure access token, and
 * refreshed before expiry. Also the static catalog credentials of a resolved secret ({@code token}
 * or {@code credential}).
 */
package dev.floe.catalog.identity;
