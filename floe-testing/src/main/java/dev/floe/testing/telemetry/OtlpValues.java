package dev.floe.testing.telemetry;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns OTLP attribute values into plain Java values. */
final class OtlpValues {

  private OtlpValues() {}

  /** An unmodifiable, order-keeping copy. */
  static Map<String, Object> copy(Map<String, Object> attributes) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /**
   * The attributes as a map: strings, {@code Boolean}, {@code Long}, {@code Double}, a read-only
   * {@code ByteBuffer} for bytes, an unmodifiable {@code List} for an array and an unmodifiable
   * {@code Map} for a key-value list. Keys without a value are left out; a repeated key keeps its
   * last value.
   */
  static Map<String, Object> of(List<KeyValue> keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (KeyValue keyValue : keyValues) {
      value(keyValue.getValue()).ifPresent(value -> map.put(keyValue.getKey(), value));
    }
    return Collections.unmodifiableMap(map);
  }

  static Optional<Object> value(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> Optional.of(value.getStringValue());
      case BOOL_VALUE -> Optional.of(value.getBoolValue());
      case INT_VALUE -> Optional.of(value.getIntValue());
      case DOUBLE_VALUE -> Optional.of(value.getDoubleValue());
      case BYTES_VALUE -> Optional.of(value.getBytesValue().asReadOnlyByteBuffer());
      case ARRAY_VALUE -> Optional.of(list(value));
      case KVLIST_VALUE -> Optional.of(of(value.getKvlistValue().getValuesList()));
      // VALUE_NOT_SET, and string-table indexes (profiles only): no plain value.
      default -> Optional.empty();
    };
  }

  private static List<Object> list(AnyValue array) {
    List<Object> list = new ArrayList<>();
    for (AnyValue element : array.getArrayValue().getValuesList()) {
      value(element).ifPresent(list::add);
    }
    return Collections.unmodifiableList(list);
  }
}
