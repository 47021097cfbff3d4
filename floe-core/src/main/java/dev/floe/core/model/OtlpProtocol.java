package dev.floe.core.model;

import dev.floe.core.api.Api;

/** The OTLP transport for traces and metrics. */
@Api(status = Api.Status.EXPERIMENTAL)
public enum OtlpProtocol implements WireEnum {
  HTTP_PROTOBUF("http/protobuf"),
  GRPC("grpc");

  private final String wire;

  OtlpProtocol(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
