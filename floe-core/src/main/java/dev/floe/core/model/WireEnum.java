package dev.floe.core.model;

import dev.floe.core.api.Api;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** An enum whose constants have one exact spelling in files ({@code vended-credentials}). */
@Api(status = Api.Status.EXPERIMENTAL)
public interface WireEnum {
  /** The spelling in YAML and JSON. */
  String wire();

  /** Every spelling of the enum, in declaration order. */
  static <E extends Enum<E> & WireEnum> List<String> spellings(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(WireEnum::wire).toList();
  }

  /** The constant spelled {@code wire}, if any. */
  static <E extends Enum<E> & WireEnum> Optional<E> parse(Class<E> type, String wire) {
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.wire().equals(wire)).findFirst();
  }

  /** The constant spelled {@code wire}; for values already validated against the schema. */
  static <E extends Enum<E> & WireEnum> E of(Class<E> type, String wire) {
    return parse(type, wire)
        .orElseThrow(
            () -> new IllegalArgumentException("not a " + type.getSimpleName() + ": " + wire));
  }
}
