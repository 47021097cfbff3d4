package dev.floe.core.model;

import dev.floe.core.api.Api;
import java.util.List;
import java.util.Optional;

/** An enum whose constants have one exact spelling in files ({@code vended-credentials}). */
@Api(status = Api.Status.EXPERIMENTAL)
public interface WireEnum {
  /** The spelling in YAML and JSON. */
  String wire();

  /** Every spelling of the enum, in declaration order. */
  static <E extends Enum<E> & WireEnum> List<String> spellings(Class<E> type) {
    // Loops, not streams: the schemas call this at the start of every command, and each lambda
    // costs an invokedynamic link on a cold JVM.
    E[] constants = type.getEnumConstants();
    String[] wires = new String[constants.length];
    for (int i = 0; i < constants.length; i++) {
      wires[i] = constants[i].wire();
    }
    return List.of(wires);
  }

  /** The constant spelled {@code wire}, if any. */
  static <E extends Enum<E> & WireEnum> Optional<E> parse(Class<E> type, String wire) {
    for (E e : type.getEnumConstants()) {
      if (e.wire().equals(wire)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The constant spelled {@code wire}; for values already validated against the schema. */
  static <E extends Enum<E> & WireEnum> E of(Class<E> type, String wire) {
    Optional<E> parsed = parse(type, wire);
    if (parsed.isEmpty()) {
      throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + wire);
    }
    return parsed.get();
  }
}
