package dev.floe.core.model;

import dev.floe.core.api.Api;

/** How a profile obtains credentials at run time. */
@Api(status = Api.Status.EXPERIMENTAL)
public enum CredentialMode implements WireEnum {
  STATIC("static"),
  OAUTH2("oauth2"),
  IAM_ROLE("iam_role"),
  SERVICE_ACCOUNT("service_account");

  private final String wire;

  CredentialMode(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
