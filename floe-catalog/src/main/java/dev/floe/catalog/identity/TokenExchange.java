package dev.floe.catalog.identity;

/**
 * What a projected service account token is turned into: the {@code provider} of the {@code
 * service_account} credentials mode.
 */
public sealed interface TokenExchange
    permits GcpTokenExchange, AzureTokenExchange, KubernetesBearer {
  /**
   * The provider's name as platform.yaml spells it: {@code gcp}, {@code azure}, {@code kubernetes}.
   */
  String provider();
}
